// Creates a fresh CA hierarchy in memory: root → issuing CA → {TSA, OCSP
// signer}. Nothing is stored here; ensureCa decides whose hierarchy wins.
import { randomBytes, type KeyObject } from "node:crypto";
import { OID } from "./asn1/oids";
import { generateKeys, signerFor, spkiDer, type KeyAlgorithm } from "./keys";
import type { MasterKeyRing } from "./master-keys";
import type { CaEntity, CaMaterial } from "./store";
import { wrapSecret } from "./wrap-secret";
import { buildCertificate, randomSerial } from "./x509/build-certificate";
import * as ext from "./x509/extensions";
import { encodeName } from "./x509/name";
import { spkiKeyId } from "./x509/parse-certificate";
import { pkiUrls } from "./urls";

export interface CaHierarchyOptions {
  masterKeys: MasterKeyRing;
  /** Public base URL of the app, e.g. https://sign.example.cn (AIA/CDP of the TSA certificate). */
  baseUrl: string;
  /** Operator name used in CA subject names (O and CN prefix). */
  operatorName?: string;
  /** Root key: P-384 (default, fast to create) or RSA-4096. */
  rootKeyAlgorithm?: "P-384" | "RSA-4096";
  issuingKeyAlgorithm?: KeyAlgorithm;
  /** TSA and OCSP signer keys. RSA-2048 default: universally supported by validators. */
  responderKeyAlgorithm?: KeyAlgorithm;
  now?: Date;
}

const YEAR_MS = 365.25 * 24 * 3600 * 1000;
const addYears = (d: Date, years: number) => new Date(d.getTime() + Math.round(years * YEAR_MS));

const pkcs8 = (k: KeyObject): Buffer => k.export({ type: "pkcs8", format: "der" }) as Buffer;

export async function createCaHierarchy(opts: CaHierarchyOptions): Promise<CaMaterial> {
  const operator = opts.operatorName ?? "Cloud Sign";
  const now = opts.now ?? new Date();
  // Back-date a little so certificates are valid on machines whose clocks lag.
  const notBefore = new Date(now.getTime() - 10 * 60 * 1000);
  const responderAlg = opts.responderKeyAlgorithm ?? "RSA-2048";
  const [root, issuing, tsa, ocsp] = await Promise.all([
    generateKeys(opts.rootKeyAlgorithm ?? "P-384"),
    generateKeys(opts.issuingKeyAlgorithm ?? "P-384"),
    generateKeys(responderAlg),
    generateKeys(responderAlg),
  ]);
  const urls = pkiUrls(opts.baseUrl);
  const name = (cn: string) => encodeName({ C: "CN", O: operator, CN: `${operator} ${cn}` });
  const rootName = name("Root CA");
  const issuingName = name("Personal Signing CA");
  const idOf = (k: KeyObject) => spkiKeyId(spkiDer(k));
  const rootId = idOf(root.publicKey);
  const issuingId = idOf(issuing.publicKey);
  const rootNotAfter = addYears(notBefore, 20);
  const issuingNotAfter = addYears(notBefore, 10);

  const rootCert = buildCertificate(
    {
      serial: randomSerial(),
      issuerName: rootName,
      subjectName: rootName,
      notBefore,
      notAfter: rootNotAfter,
      subjectPublicKeyInfo: spkiDer(root.publicKey),
      extensions: [ext.basicConstraints(true), ext.keyUsage(["keyCertSign", "cRLSign"]), ext.subjectKeyId(rootId)],
    },
    signerFor(root.privateKey),
  );
  const issuingSigner = signerFor(issuing.privateKey);
  const issuingCert = buildCertificate(
    {
      serial: randomSerial(),
      issuerName: rootName,
      subjectName: issuingName,
      notBefore,
      notAfter: issuingNotAfter,
      subjectPublicKeyInfo: spkiDer(issuing.publicKey),
      extensions: [
        ext.basicConstraints(true, 0),
        ext.keyUsage(["keyCertSign", "cRLSign"]),
        ext.subjectKeyId(issuingId),
        ext.authorityKeyId(rootId),
      ],
    },
    signerFor(root.privateKey),
  );
  // End-entity service certificates under the issuing CA. They live as long as
  // the issuing CA; rolling them over earlier is a later concern.
  const endEntity = (cn: string, pub: KeyObject, extra: Buffer[]) =>
    buildCertificate(
      {
        serial: randomSerial(),
        issuerName: issuingName,
        subjectName: name(cn),
        notBefore,
        notAfter: issuingNotAfter,
        subjectPublicKeyInfo: spkiDer(pub),
        extensions: [
          ext.basicConstraints(false),
          ext.keyUsage(["digitalSignature"]),
          ...extra,
          ext.subjectKeyId(idOf(pub)),
          ext.authorityKeyId(issuingId),
        ],
      },
      issuingSigner,
    );
  // RFC 3161 §2.3: the TSA certificate has exactly one EKU, timeStamping, marked critical.
  const tsaCert = endEntity("Time-Stamping Authority", tsa.publicKey, [
    ext.extKeyUsage([OID.kpTimeStamping], true),
    ext.authorityInfoAccess({ ocsp: urls.ocsp, caIssuers: urls.caIssuers }),
    ext.crlDistributionPoints(urls.crl),
  ]);
  const ocspCert = endEntity("OCSP Responder", ocsp.publicKey, [
    ext.extKeyUsage([OID.kpOcspSigning], false),
    ext.ocspNoCheck(),
  ]);

  const entity = (cert: Buffer, key: KeyObject): CaEntity => ({
    certificate: cert.toString("base64"),
    privateKey: wrapSecret(opts.masterKeys, "ca-key", pkcs8(key)),
  });
  return {
    createdAt: now.toISOString(),
    root: entity(rootCert, root.privateKey),
    issuing: entity(issuingCert, issuing.privateKey),
    tsa: entity(tsaCert, tsa.privateKey),
    ocsp: entity(ocspCert, ocsp.privateKey),
    pseudonymKey: wrapSecret(opts.masterKeys, "pseudonym-key", randomBytes(32)),
  };
}

