import { createHash, verify, X509Certificate } from "node:crypto";
import { isAppError } from "@/lib/errors";
import { pdfError } from "../pdf-error";
import type { PdfSigner, PdfTimestamper } from "../types";
import { ctx, int, nul, octets, oid, seq, set, setOf, tlv } from "./der";
import { OID } from "./oids";
import { readCertificateIds } from "./read-certificate";

/**
 * CMS SignedData for PAdES baseline (ETSI EN 319 142-1): detached, signed
 * attributes contentType + messageDigest + signingCertificateV2 and nothing
 * else (the time is in /M, not in a signingTime attribute), the full chain,
 * and — for B-T — a signature time-stamp as an unsigned attribute.
 */
export async function buildCmsSignature(opts: {
  documentDigest: Uint8Array;
  signer: PdfSigner;
  timestamp?: PdfTimestamper;
}): Promise<Uint8Array> {
  const { signer, documentDigest } = opts;
  const chain = signer.certificateChain;
  if (!chain.length) throw pdfError("INVALID_INPUT", "the signer has no certificate");
  const cert = chain[0];
  const ids = readCertificateIds(cert);
  const certHash = createHash("sha256").update(cert).digest();
  const issuerSerial = seq(seq(ctx(4, ids.issuer)), ids.serial); // GeneralNames{directoryName}, serial
  const attrs = [
    seq(oid(OID.contentType), set(oid(OID.data))),
    seq(oid(OID.messageDigest), set(octets(documentDigest))),
    // ESSCertIDv2 with the default hash (SHA-256) leaves hashAlgorithm out, as DER requires.
    seq(oid(OID.signingCertificateV2), set(seq(seq(seq(octets(certHash), issuerSerial))))),
  ];
  const signedAttrsSet = setOf(...attrs); // what is signed: tagged as SET
  let signature = await signer.sign(signedAttrsSet, "sha256");
  // WebCrypto/HSMs often return ECDSA as raw r‖s (IEEE P1363); CMS wants DER.
  if (signer.keyAlgorithm === "ec" && signature[0] !== 0x30 && signature.length % 2 === 0) signature = ecdsaRawToDer(signature);
  assertKeyMatches(cert, signedAttrsSet, signature);

  const sigAlg = signer.keyAlgorithm === "rsa" ? seq(oid(OID.rsaEncryption), nul()) : seq(oid(OID.ecdsaSha256));
  const unsigned: Uint8Array[] = [];
  if (opts.timestamp) {
    let token: Uint8Array;
    try {
      token = await opts.timestamp(new Uint8Array(createHash("sha256").update(signature).digest()), "sha256");
    } catch (e) {
      if (isAppError(e)) throw e;
      throw pdfError("TSA_FAILED", "the time-stamp authority did not answer with a token", {}, e);
    }
    unsigned.push(seq(oid(OID.signatureTimeStampToken), set(token)));
  }
  const signerInfo = seq(
    int(1),
    seq(ids.issuer, ids.serial),
    seq(oid(OID.sha256)),
    tlv(0xa0, signedAttrsSet.subarray(headerLen(signedAttrsSet))), // [0] IMPLICIT
    sigAlg,
    octets(signature),
    ...(unsigned.length ? [tlv(0xa1, ...unsigned)] : []), // [1] IMPLICIT SET OF Attribute
  );
  const signedData = seq(
    int(1),
    set(seq(oid(OID.sha256))),
    seq(oid(OID.data)),
    ctx(0, ...chain),
    set(signerInfo),
  );
  return seq(oid(OID.signedData), ctx(0, signedData));
}

function headerLen(der: Uint8Array): number {
  return der[1] & 0x80 ? 2 + (der[1] & 0x7f) : 2;
}

/** A signature the certificate cannot verify is worthless: refuse it before it is written. */
function assertKeyMatches(cert: Uint8Array, data: Uint8Array, signature: Uint8Array) {
  let ok = false;
  try {
    ok = verify("sha256", data, new X509Certificate(cert).publicKey, signature);
  } catch {
    ok = false;
  }
  if (!ok) throw pdfError("PDF_CERT_KEY_MISMATCH", "the signature does not verify with the signer certificate: certificate and key do not match");
}

function ecdsaRawToDer(raw: Uint8Array): Uint8Array {
  const half = raw.length / 2;
  const unsigned = (b: Uint8Array) => {
    let i = 0;
    while (i < b.length - 1 && b[i] === 0) i++;
    const v = b.subarray(i);
    return tlv(0x02, v[0] & 0x80 ? Uint8Array.from([0, ...v]) : v);
  };
  return seq(unsigned(raw.subarray(0, half)), unsigned(raw.subarray(half)));
}
