// RFC 3161 time-stamp authority: TimeStampReq DER in, TimeStampResp DER out,
// never throws. Tokens are CMS SignedData over TSTInfo with contentType,
// messageDigest and ESS signingCertificateV2 signed attributes (RFC 5816).
import { createHash, randomBytes } from "node:crypto";
import { explicit, generalizedTime, integer, nullDer, octets, oid, seq, setOf, tlv, type Der } from "./asn1/der";
import { HASH_BY_OID, HASH_LENGTH, OID, OID_TSA_POLICY } from "./asn1/oids";
import { boolValue, children, encodeNode, isContext, octetBytes, oidValue, parseDer, Type, type Node } from "./asn1/read";
import type { CertificateAuthority } from "./load-ca";
import { PKI_STATUS, rejectionResponse, type PkiFailure } from "./timestamp-protocol";

export interface TimestampResponder {
  respond(queryDer: Buffer, now?: Date): Buffer;
  readonly maxQueryBytes: number;
}

export interface TimestampResponderOptions {
  ca: CertificateAuthority;
  /** Larger queries are rejected (badDataFormat) without parsing. Default 4 KiB. */
  maxQueryBytes?: number;
  /** Stated accuracy of genTime in seconds (the host clock is NTP-synchronised). Default 1. */
  accuracySeconds?: number;
}

class Reject extends Error {
  constructor(readonly failure: PkiFailure, message: string) {
    super(message);
  }
}

const ACCEPTED = new Set(["sha256", "sha384", "sha512"]);

interface ParsedQuery {
  messageImprint: Buffer;
  nonce: Buffer | null;
  certReq: boolean;
}

function parseQuery(der: Buffer): ParsedQuery {
  let f: Node[];
  let imprint: Node[];
  let alg: Node[];
  try {
    f = children(parseDer(der), "TimeStampReq");
    imprint = children(f[1], "MessageImprint");
    alg = children(imprint[0], "AlgorithmIdentifier");
  } catch {
    throw new Reject("badDataFormat", "malformed TimeStampReq");
  }
  if (encodeNode(f[0]).toString("hex") !== "020101") throw new Reject("badDataFormat", "version must be 1");
  let hash: string | undefined;
  try {
    hash = HASH_BY_OID[oidValue(alg[0])];
  } catch {
    throw new Reject("badDataFormat", "malformed hash algorithm");
  }
  if (!hash || !ACCEPTED.has(hash)) throw new Reject("badAlg", "hash algorithm not accepted (use SHA-256, SHA-384 or SHA-512)");
  let digest: Buffer;
  try {
    digest = octetBytes(imprint[1]);
  } catch {
    throw new Reject("badDataFormat", "malformed hashedMessage");
  }
  if (digest.length !== HASH_LENGTH[hash as keyof typeof HASH_LENGTH]) throw new Reject("badDataFormat", "digest length does not match algorithm");
  let nonce: Buffer | null = null;
  let certReq = false;
  for (const n of f.slice(2)) {
    if (n.tagClass === 0 && n.type === Type.OID) {
      if (oidValue(n) !== OID_TSA_POLICY) throw new Reject("unacceptedPolicy", "requested policy not supported");
    } else if (n.tagClass === 0 && n.type === Type.INTEGER && !nonce) {
      nonce = encodeNode(n);
      if (nonce.length > 66) throw new Reject("badDataFormat", "nonce too long");
    } else if (n.tagClass === 0 && n.type === Type.BOOLEAN) {
      certReq = boolValue(n);
    } else if (isContext(n, 0)) {
      throw new Reject("unacceptedExtension", "extensions not supported");
    } else {
      throw new Reject("badDataFormat", "unexpected field in TimeStampReq");
    }
  }
  return { messageImprint: encodeNode(f[1]), nonce, certReq };
}

export function createTimestampResponder(opts: TimestampResponderOptions): TimestampResponder {
  const { ca } = opts;
  const maxQueryBytes = opts.maxQueryBytes ?? 4 * 1024;
  const signer = ca.signer("tsa");
  const tsaCert = ca.tsa.der;
  // Everything that does not depend on the request is encoded once.
  const policy = oid(OID_TSA_POLICY);
  const accuracy = seq(integer(opts.accuracySeconds ?? 1));
  const digestAlg = seq(oid(OID[signer.hash]));
  const sigAlg = signer.algorithmIdentifier.equals(seq(oid(OID.sha256WithRSA), nullDer()))
    ? seq(oid(OID.rsaEncryption), nullDer()) // CMS convention for RSA PKCS#1 v1.5
    : signer.algorithmIdentifier;
  const sid = seq(ca.tsa.issuerName, integer(ca.tsa.serial));
  // ESSCertIDv2 { certHash (SHA-256, the default, so hashAlgorithm is omitted), issuerSerial { [4] Name, serial } }
  const essCertIdV2 = seq(
    octets(createHash("sha256").update(tsaCert).digest()),
    seq(seq(tlv(0xa4, ca.tsa.issuerName)), integer(ca.tsa.serial)),
  );
  const signingCertV2Attr = seq(oid(OID.signingCertificateV2), setOf(seq(seq(essCertIdV2))));
  const contentTypeAttr = seq(oid(OID.contentType), setOf(oid(OID.tstInfo)));
  const tstInfoOid = oid(OID.tstInfo);
  const signedDataOid = oid(OID.signedData);
  const certsField = tlv(0xa0, tsaCert);
  const grantedStatus = seq(integer(PKI_STATUS.granted));

  function token(q: ParsedQuery, now: Date): Der {
    const tstInfo = seq(
      integer(1),
      policy,
      q.messageImprint,
      integer(randomBytes(16)), // unique by construction: 128 random bits
      generalizedTime(now, true),
      accuracy,
      ...(q.nonce ? [q.nonce] : []),
    );
    const messageDigestAttr = seq(oid(OID.messageDigest), setOf(octets(createHash(signer.hash).update(tstInfo).digest())));
    const attrs = setOf(contentTypeAttr, messageDigestAttr, signingCertV2Attr);
    const signature = signer.sign(attrs); // signed over the SET OF encoding (tag 0x31), RFC 5652 §5.4
    const signerInfo = seq(integer(1), sid, digestAlg, Buffer.concat([Buffer.from([0xa0]), attrs.subarray(1)]), sigAlg, octets(signature));
    const signedData = seq(
      integer(3), // eContentType is not id-data
      setOf(digestAlg),
      seq(tstInfoOid, explicit(0, octets(tstInfo))),
      ...(q.certReq ? [certsField] : []),
      setOf(signerInfo),
    );
    return seq(signedDataOid, explicit(0, signedData));
  }

  return {
    maxQueryBytes,
    respond(queryDer, now = new Date()) {
      if (!queryDer || queryDer.length === 0 || queryDer.length > maxQueryBytes) {
        return rejectionResponse("badDataFormat", "empty or oversized TimeStampReq");
      }
      try {
        return seq(grantedStatus, token(parseQuery(queryDer), now));
      } catch (e) {
        if (e instanceof Reject) return rejectionResponse(e.failure, e.message);
        return rejectionResponse("systemFailure", "internal error");
      }
    },
  };
}
