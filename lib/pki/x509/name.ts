import { oid, printable, seq, setOf, utf8, type Der } from "../asn1/der";
import { OID } from "../asn1/oids";

export interface DistinguishedName {
  /** ISO 3166 country code, PrintableString. */
  C?: string;
  O?: string;
  OU?: string;
  CN?: string;
  /** X.520 serialNumber attribute (our pseudonym), PrintableString. */
  serialNumber?: string;
}

const ORDER: [keyof DistinguishedName, string, "printable" | "utf8"][] = [
  ["C", OID.countryName, "printable"],
  ["O", OID.organizationName, "utf8"],
  ["OU", OID.organizationalUnitName, "utf8"],
  ["CN", OID.commonName, "utf8"],
  ["serialNumber", OID.serialNumber, "printable"],
];

/** X.501 Name, most-significant RDN first; UTF8String so Chinese names survive (RFC 5280 §4.1.2.6). */
export function encodeName(dn: DistinguishedName): Der {
  const rdns: Buffer[] = [];
  for (const [key, attrOid, kind] of ORDER) {
    const value = dn[key];
    if (value === undefined || value === "") continue;
    if (kind === "printable" && !/^[A-Za-z0-9 '()+,\-./:=?]+$/.test(value)) {
      throw new Error(`${key} must be a PrintableString`);
    }
    rdns.push(setOf(seq(oid(attrOid), kind === "printable" ? printable(value) : utf8(value))));
  }
  return seq(...rdns);
}
