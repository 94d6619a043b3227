/** The public endpoints certificates point to; the app must serve them at these paths. */
export interface PkiUrls {
  ocsp: string;
  caIssuers: string;
  crl: string;
  tsa: string;
}

export function pkiUrls(baseUrl: string): PkiUrls {
  const base = baseUrl.replace(/\/+$/, "");
  return {
    ocsp: `${base}/api/pki/ocsp`,
    caIssuers: `${base}/api/pki/ca`,
    crl: `${base}/api/pki/crl`,
    tsa: `${base}/api/pki/tsa`,
  };
}
