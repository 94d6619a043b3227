// Object identifiers used by the PKI.
//
// Our own arc: 2.25.206835047393103985567166215635117755763 is the UUID
// 9b9afb2b-7cbe-43c3-9047-ba16526b4d73 written as an OID (ITU-T X.667 / RFC 4122
// §C). Anyone may mint a 2.25 OID from a fresh UUID without registration, and
// the holder of the UUID allocates the sub-arcs below it:
//   <arc>.1      certificate policies
//   <arc>.1.1    personal document-signing certificate policy (CP v1)
//   <arc>.2      time-stamping
//   <arc>.2.1    TSA policy v1
// If the project obtains an IANA Private Enterprise Number, move to it by adding
// the new policy OIDs alongside these (old certificates keep theirs).
export const CLOUDSIGN_ARC = "2.25.206835047393103985567166215635117755763";
export const OID_CERT_POLICY_PERSONAL = `${CLOUDSIGN_ARC}.1.1`;
export const OID_TSA_POLICY = `${CLOUDSIGN_ARC}.2.1`;

export const OID = {
  // algorithms
  rsaEncryption: "1.2.840.113549.1.1.1",
  sha256WithRSA: "1.2.840.113549.1.1.11",
  sha384WithRSA: "1.2.840.113549.1.1.12",
  sha512WithRSA: "1.2.840.113549.1.1.13",
  ecPublicKey: "1.2.840.10045.2.1",
  ecdsaWithSHA256: "1.2.840.10045.4.3.2",
  ecdsaWithSHA384: "1.2.840.10045.4.3.3",
  ecdsaWithSHA512: "1.2.840.10045.4.3.4",
  sha1: "1.3.14.3.2.26",
  sha256: "2.16.840.1.101.3.4.2.1",
  sha384: "2.16.840.1.101.3.4.2.2",
  sha512: "2.16.840.1.101.3.4.2.3",
  // names
  countryName: "2.5.4.6",
  organizationName: "2.5.4.10",
  organizationalUnitName: "2.5.4.11",
  commonName: "2.5.4.3",
  serialNumber: "2.5.4.5",
  // certificate extensions
  subjectKeyIdentifier: "2.5.29.14",
  keyUsage: "2.5.29.15",
  basicConstraints: "2.5.29.19",
  crlNumber: "2.5.29.20",
  crlReason: "2.5.29.21",
  crlDistributionPoints: "2.5.29.31",
  certificatePolicies: "2.5.29.32",
  authorityKeyIdentifier: "2.5.29.35",
  extKeyUsage: "2.5.29.37",
  authorityInfoAccess: "1.3.6.1.5.5.7.1.1",
  adOcsp: "1.3.6.1.5.5.7.48.1",
  adCaIssuers: "1.3.6.1.5.5.7.48.2",
  // extended key usages
  kpEmailProtection: "1.3.6.1.5.5.7.3.4",
  kpTimeStamping: "1.3.6.1.5.5.7.3.8",
  kpOcspSigning: "1.3.6.1.5.5.7.3.9",
  kpDocumentSigning: "1.3.6.1.5.5.7.3.36", // RFC 9336
  msDocumentSigning: "1.3.6.1.4.1.311.10.3.12",
  // OCSP
  ocspBasic: "1.3.6.1.5.5.7.48.1.1",
  ocspNonce: "1.3.6.1.5.5.7.48.1.2",
  ocspNoCheck: "1.3.6.1.5.5.7.48.1.5",
  // CMS / time-stamping
  signedData: "1.2.840.113549.1.7.2",
  tstInfo: "1.2.840.113549.1.9.16.1.4",
  contentType: "1.2.840.113549.1.9.3",
  messageDigest: "1.2.840.113549.1.9.4",
  signingTime: "1.2.840.113549.1.9.5",
  signingCertificateV2: "1.2.840.113549.1.9.16.2.47",
} as const;

export type HashName = "sha1" | "sha256" | "sha384" | "sha512";

export const HASH_OIDS: Record<HashName, string> = {
  sha1: OID.sha1,
  sha256: OID.sha256,
  sha384: OID.sha384,
  sha512: OID.sha512,
};

export const HASH_BY_OID: Record<string, HashName> = Object.fromEntries(
  Object.entries(HASH_OIDS).map(([k, v]) => [v, k as HashName]),
);

export const HASH_LENGTH: Record<HashName, number> = { sha1: 20, sha256: 32, sha384: 48, sha512: 64 };
