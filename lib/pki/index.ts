// Public API of lib/pki. Pure library: no Next.js, no database (see README.md).
export { loadMasterKeys, createMasterKeyRing, masterKeyId, type MasterKey, type MasterKeyRing } from "./master-keys";
export { wrapSecret, unwrapSecret, rewrapSecret, readSecretHeader, SecretIntegrityError, type WrappedSecret, type SecretPurpose } from "./wrap-secret";
export { rotateMasterKey, type RotationReport } from "./rotate-master-key";

export type {
  PkiStore,
  CaMaterial,
  CaEntity,
  CertificateRecord,
  CertificateStatus,
  RevocationReason,
  StoredCrl,
  StoredSecretRef,
} from "./store";
export { REASON_CODES } from "./store";
export { MemoryPkiStore } from "./memory-store";

export { createCaHierarchy, type CaHierarchyOptions } from "./create-ca-hierarchy";
export { ensureCa, type EnsureCaOptions } from "./ensure-ca";
export { loadCa, type CertificateAuthority, type CaRole } from "./load-ca";
export { getCaCertificates, type CaCertificates } from "./get-ca-certificates";
export { pkiUrls, type PkiUrls } from "./urls";

export { issueCertificate, type IssueCertificateOptions, type IssuedCertificate } from "./issue-certificate";
export { supersedeCertificates } from "./supersede-certificates";
export { derivePseudonym } from "./derive-pseudonym";
export { revokeCertificate } from "./revoke-certificate";
export { buildCrl } from "./build-crl";
export { publishCrl, getCurrentCrl, CRL_VALIDITY_DAYS } from "./publish-crl";

export { createOcspResponder, ocspRequestFromGetPath, OCSP_STATUS, type OcspResponder, type OcspResponderOptions } from "./respond-ocsp";
export { createTimestampResponder, type TimestampResponder, type TimestampResponderOptions } from "./respond-timestamp";
export { requestTimestamp, type RequestTimestampOptions } from "./request-timestamp";
export { TSA_CONTENT_TYPES, PKI_STATUS, PKI_FAILURE } from "./timestamp-protocol";

export type { KeyCustody, KeyCustodyRecord, CustodyOutcome, GenerateKeyOptions } from "./custody/key-custody";
export { createLocalKeyCustody, type LocalCustodyOptions } from "./custody/local-custody";
export { GrantKeyCache, type GrantKeyCacheOptions } from "./custody/grant-key-cache";
export { runPinAttempt } from "./custody/run-pin-attempt";
export { checkPinStrength, findPinWeakness, type PinContext, type PinWeakness } from "./custody/check-pin-strength";
export { PIN_LOCK_AFTER, PIN_LOCK_MS, PIN_UNUSABLE_AFTER } from "./custody/pin-attempts";
export { DEFAULT_SCRYPT, type ScryptCost } from "./custody/wrap-private-key";

export { generateKeys, signerFor, spkiDer, KEY_ALGORITHMS, type KeyAlgorithm, type Signer } from "./keys";
export { parseCertificate, toPem, serialToHex, type ParsedCertificate } from "./x509/parse-certificate";
export { OID, OID_CERT_POLICY_PERSONAL, OID_TSA_POLICY, CLOUDSIGN_ARC } from "./asn1/oids";
