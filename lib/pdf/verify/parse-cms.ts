import { children, decodeOid, readNode, type Node } from "../cms/der";

// Reads the parts of a CMS SignedData (RFC 5652) that signature checking
// needs, keeping every piece as the exact bytes found in the file.

export interface ParsedSignerInfo {
  sid: { issuer?: Uint8Array; serial?: Uint8Array; ski?: Uint8Array };
  digestOid: string;
  /** The [0] IMPLICIT signed attributes, re-tagged as SET (what was signed). */
  signedAttrs?: Uint8Array;
  attrs: Map<string, Node[]>;
  unsignedAttrs: Map<string, Node[]>;
  signatureOid: string;
  signatureParams?: Node;
  signature: Uint8Array;
}

export interface ParsedCms {
  eContentType: string;
  eContent?: Uint8Array;
  certificates: Uint8Array[];
  signerInfo: ParsedSignerInfo;
}

export function parseCms(der: Uint8Array): ParsedCms {
  const ci = children(readNode(der));
  if (decodeOid(ci[0]) !== "1.2.840.113549.1.7.2") throw new Error("not a CMS SignedData");
  const sd = children(children(ci[1])[0]);
  let i = 1; // skip version
  i++; // digestAlgorithms
  const encap = children(sd[i++]);
  const eContentType = decodeOid(encap[0]);
  const eContent = encap[1] ? children(encap[1])[0]?.value : undefined;
  const certificates: Uint8Array[] = [];
  if (sd[i]?.tag === 0xa0) {
    for (const c of children(sd[i])) if (c.tag === 0x30) certificates.push(c.bytes);
    i++;
  }
  if (sd[i]?.tag === 0xa1) i++; // crls
  const infos = children(sd[i]);
  if (infos.length !== 1) throw new Error(`expected one SignerInfo, found ${infos.length}`);
  return { eContentType, eContent, certificates, signerInfo: parseSignerInfo(infos[0]) };
}

function parseSignerInfo(n: Node): ParsedSignerInfo {
  const f = children(n);
  let i = 1;
  const sidNode = f[i++];
  const sid = sidNode.tag === 0x30
    ? { issuer: children(sidNode)[0].bytes, serial: children(sidNode)[1].bytes }
    : { ski: sidNode.value };
  const digestOid = decodeOid(children(f[i++])[0]);
  let signedAttrs: Uint8Array | undefined;
  let attrs = new Map<string, Node[]>();
  if (f[i].tag === 0xa0) {
    signedAttrs = Uint8Array.from(f[i].bytes);
    signedAttrs[0] = 0x31;
    attrs = readAttrs(f[i]);
    i++;
  }
  const sigAlg = children(f[i++]);
  const signature = f[i++].value;
  const unsignedAttrs = f[i]?.tag === 0xa1 ? readAttrs(f[i]) : new Map<string, Node[]>();
  return { sid, digestOid, signedAttrs, attrs, unsignedAttrs, signatureOid: decodeOid(sigAlg[0]), signatureParams: sigAlg[1], signature };
}

function readAttrs(n: Node): Map<string, Node[]> {
  const m = new Map<string, Node[]>();
  for (const a of children(n)) {
    const [type, values] = children(a);
    m.set(decodeOid(type), children(values));
  }
  return m;
}

/** TSTInfo (RFC 3161): the time and the hashed message a time-stamp token vouches for. */
export function parseTstInfo(eContent: Uint8Array): { imprintOid: string; imprint: Uint8Array; genTime: Node } {
  const f = children(readNode(eContent));
  const mi = children(f[2]);
  return { imprintOid: decodeOid(children(mi[0])[0]), imprint: mi[1].value, genTime: f[4] };
}
