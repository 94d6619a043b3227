// RFC 6960 OCSP responder: request DER in, response DER out, never throws.
// Signed by the delegated OCSP certificate (EKU OCSPSigning + ocsp-nocheck);
// responderID byKey; nonce echoed. One responder object per process: the key,
// certificates and issuer hashes are prepared once.
import { createHash } from "node:crypto";
import { bitString, enumerated, explicit, generalizedTime, implicit, octets, oid, seq, tlv, type Der } from "./asn1/der";
import { HASH_BY_OID, OID, type HashName } from "./asn1/oids";
import { children, encodeNode, integerBytes, isContext, octetBytes, oidValue, parseDer, type Node } from "./asn1/read";
import type { CertificateAuthority } from "./load-ca";
import { REASON_CODES, type PkiStore } from "./store";
import { serialToHex } from "./x509/parse-certificate";

export const OCSP_STATUS = { successful: 0, malformedRequest: 1, internalError: 2, tryLater: 3, sigRequired: 5, unauthorized: 6 } as const;

export interface OcspResponder {
  /** Always resolves to a DER OCSPResponse (errors become malformedRequest / internalError). */
  respond(requestDer: Buffer, now?: Date): Promise<Buffer>;
  readonly maxRequestBytes: number;
}

export interface OcspResponderOptions {
  ca: CertificateAuthority;
  store: PkiStore;
  /** Larger requests get malformedRequest without parsing. Default 8 KiB. */
  maxRequestBytes?: number;
  /** At most this many CertIDs per request. Default 20. */
  maxCertIds?: number;
  /** nextUpdate = thisUpdate + this. Default 1 hour: clients re-ask soon after a revocation. */
  validitySeconds?: number;
}

interface ParsedRequest {
  certIds: { der: Buffer; hash: HashName | null; nameHash: Buffer; keyHash: Buffer; serialHex: string }[];
  nonceExtension: Buffer | null;
}

class MalformedRequest extends Error {}

function parseOcspRequest(der: Buffer, maxCertIds: number): ParsedRequest {
  const [tbs] = children(parseDer(der), "OCSPRequest");
  const fields = children(tbs, "TBSRequest");
  let i = 0;
  if (isContext(fields[i], 0)) i++; // version
  if (isContext(fields[i], 1)) i++; // requestorName
  const requests = children(fields[i++], "requestList");
  if (requests.length === 0 || requests.length > maxCertIds) throw new MalformedRequest("bad requestList size");
  let nonceExtension: Buffer | null = null;
  if (isContext(fields[i], 2)) {
    for (const e of children(children(fields[i], "requestExtensions")[0], "Extensions")) {
      const [id] = children(e, "Extension");
      if (oidValue(id) === OID.ocspNonce) {
        nonceExtension = encodeNode(e);
        if (nonceExtension.length > 128) throw new MalformedRequest("nonce too long"); // RFC 8954 caps nonces at 32 octets
      }
    }
  }
  const certIds = requests.map((r: Node) => {
    const certId = children(r, "Request")[0];
    const [alg, nameHash, keyHash, serial] = children(certId, "CertID");
    return {
      der: encodeNode(certId),
      hash: HASH_BY_OID[oidValue(children(alg, "AlgorithmIdentifier")[0])] ?? null,
      nameHash: octetBytes(nameHash),
      keyHash: octetBytes(keyHash),
      serialHex: serialToHex(integerBytes(serial)),
    };
  });
  return { certIds, nonceExtension };
}

export function createOcspResponder(opts: OcspResponderOptions): OcspResponder {
  const { ca, store } = opts;
  const maxRequestBytes = opts.maxRequestBytes ?? 8 * 1024;
  const maxCertIds = opts.maxCertIds ?? 20;
  const validityMs = (opts.validitySeconds ?? 3600) * 1000;
  const signer = ca.signer("ocsp");
  const responderId = explicit(2, octets(createHash("sha1").update(ca.ocsp.publicKeyBits).digest())); // byKey
  const certs = explicit(0, seq(ca.ocsp.der, ca.issuing.der));
  const issuerHashes = new Map<HashName, { name: Buffer; key: Buffer }>();
  for (const h of ["sha1", "sha256", "sha384", "sha512"] as HashName[]) {
    issuerHashes.set(h, {
      name: createHash(h).update(ca.issuing.subjectName).digest(),
      key: createHash(h).update(ca.issuing.publicKeyBits).digest(),
    });
  }
  // Our own service certificates are not in the store but are ours to vouch for.
  const serviceSerials = new Set([ca.tsa.serialHex, ca.ocsp.serialHex]);
  const errorResponse = (status: number) => seq(enumerated(status));

  async function certStatus(id: ParsedRequest["certIds"][number]): Promise<Der> {
    const unknown = tlv(0x82, Buffer.alloc(0));
    const expected = id.hash && issuerHashes.get(id.hash);
    if (!expected || !expected.name.equals(id.nameHash) || !expected.key.equals(id.keyHash)) return unknown; // not our CA
    if (serviceSerials.has(id.serialHex)) return tlv(0x80, Buffer.alloc(0));
    const rec = await store.getCertificate(id.serialHex);
    if (!rec) return unknown;
    if (rec.status === "good") return tlv(0x80, Buffer.alloc(0));
    const reason = REASON_CODES[rec.reason ?? "unspecified"];
    return implicit(1, Buffer.concat([generalizedTime(new Date(rec.revokedAt!)), explicit(0, enumerated(reason))]), true);
  }

  return {
    maxRequestBytes,
    async respond(requestDer, now = new Date()) {
      if (!requestDer || requestDer.length === 0 || requestDer.length > maxRequestBytes) return errorResponse(OCSP_STATUS.malformedRequest);
      let req: ParsedRequest;
      try {
        req = parseOcspRequest(requestDer, maxCertIds);
      } catch {
        return errorResponse(OCSP_STATUS.malformedRequest);
      }
      try {
        const thisUpdate = generalizedTime(now);
        const nextUpdate = explicit(0, generalizedTime(new Date(now.getTime() + validityMs)));
        const singles = await Promise.all(
          req.certIds.map(async (id) => seq(id.der, await certStatus(id), thisUpdate, nextUpdate)),
        );
        const responseData = seq(
          responderId,
          generalizedTime(now),
          seq(...singles),
          ...(req.nonceExtension ? [explicit(1, seq(req.nonceExtension))] : []),
        );
        const basic = seq(responseData, signer.algorithmIdentifier, bitString(signer.sign(responseData)), certs);
        return seq(enumerated(OCSP_STATUS.successful), explicit(0, seq(oid(OID.ocspBasic), octets(basic))));
      } catch {
        return errorResponse(OCSP_STATUS.internalError); // e.g. the store is down; the client retries
      }
    },
  };
}

/** GET /api/pki/ocsp/{url-encoded base64 DER} (RFC 6960 Appendix A.1) → request DER, or null. */
export function ocspRequestFromGetPath(segment: string): Buffer | null {
  try {
    const b64 = decodeURIComponent(segment);
    if (!/^[A-Za-z0-9+/=_-]+$/.test(b64)) return null;
    const der = Buffer.from(b64, "base64");
    return der.length ? der : null;
  } catch {
    return null;
  }
}
