// Shared RFC 3161 encodings for the TSA responder and client.
import { bitString, integer, seq, utf8, type Der } from "./asn1/der";

export const PKI_STATUS = { granted: 0, grantedWithMods: 1, rejection: 2, waiting: 3 } as const;

/** PKIFailureInfo named bits (RFC 3161 §2.4.2). */
export const PKI_FAILURE = {
  badAlg: 0,
  badRequest: 2,
  badDataFormat: 5,
  timeNotAvailable: 14,
  unacceptedPolicy: 15,
  unacceptedExtension: 16,
  addInfoNotAvailable: 17,
  systemFailure: 25,
} as const;
export type PkiFailure = keyof typeof PKI_FAILURE;

/** A single named bit as a DER BIT STRING: trailing zero bytes dropped, unused bits counted. */
export function namedBit(bit: number): Der {
  const bytes = Buffer.alloc(Math.floor(bit / 8) + 1);
  bytes[bytes.length - 1] = 0x80 >> bit % 8;
  return bitString(bytes, 7 - (bit % 8));
}

export const rejectionResponse = (failure: PkiFailure, text: string): Der =>
  seq(seq(integer(PKI_STATUS.rejection), seq(utf8(text)), namedBit(PKI_FAILURE[failure])));

export const TSA_CONTENT_TYPES = { query: "application/timestamp-query", reply: "application/timestamp-reply" } as const;
