/**
 * A small reader of DER, the encoding of certificates and revocation lists. It only locates
 * elements in the buffer (so a signed part can be checked over its exact bytes) and decodes the
 * few value types X.509 names, times and extensions use. Anything it cannot read throws
 * DerError; callers turn that into their own refusal.
 */

export class DerError extends Error {}

/** One element: its identifier octet and where its header, content and end lie in `buffer`. */
export interface DerElement {
  buffer: Buffer;
  tag: number;
  start: number;
  contentStart: number;
  end: number;
}

export const derTags = {
  boolean: 0x01,
  integer: 0x02,
  bitString: 0x03,
  octetString: 0x04,
  oid: 0x06,
  utf8String: 0x0c,
  utcTime: 0x17,
  generalizedTime: 0x18,
  universalString: 0x1c,
  bmpString: 0x1e,
  sequence: 0x30,
  set: 0x31,
} as const;

/** The tag of `[number]` in an explicit (constructed) context-specific field. */
export const contextTag = (number: number) => 0xa0 | number;

/** The element at `offset`, which must end within `limit`. */
export function readElement(buffer: Buffer, offset = 0, limit = buffer.length): DerElement {
  const tag = byteAt(buffer, offset, limit);
  if ((tag & 0x1f) === 0x1f) throw new DerError('multi-byte tags are not used in X.509');
  let length = byteAt(buffer, offset + 1, limit);
  let contentStart = offset + 2;
  if (length & 0x80) {
    const octets = length & 0x7f;
    if (octets === 0 || octets > 4) throw new DerError('indefinite or oversized length');
    length = 0;
    for (let i = 0; i < octets; i++)
      length = length * 256 + byteAt(buffer, contentStart + i, limit);
    contentStart += octets;
  }
  const end = contentStart + length;
  if (end > limit) throw new DerError('element runs past its container');
  return { buffer, tag, start: offset, contentStart, end };
}

/** The elements inside a constructed element, in order. */
export function childrenOf(element: DerElement): DerElement[] {
  if (!(element.tag & 0x20)) throw new DerError(`tag 0x${element.tag.toString(16)} is primitive`);
  const children: DerElement[] = [];
  let offset = element.contentStart;
  while (offset < element.end) {
    const child = readElement(element.buffer, offset, element.end);
    children.push(child);
    offset = child.end;
  }
  return children;
}

/** The element with its header: the exact bytes a signature covers. */
export const encodedBytes = (element: DerElement) =>
  element.buffer.subarray(element.start, element.end);

export const contentBytes = (element: DerElement) =>
  element.buffer.subarray(element.contentStart, element.end);

/** The element, checked to carry `tag`. */
export function expectTag(element: DerElement | undefined, tag: number, what: string): DerElement {
  if (!element || element.tag !== tag) throw new DerError(`${what} is missing or malformed`);
  return element;
}

/** A dotted object identifier such as `2.5.4.3`. */
export function readOid(element: DerElement): string {
  const bytes = contentBytes(expectTag(element, derTags.oid, 'object identifier'));
  const arcs: number[] = [];
  let value = 0;
  for (const byte of bytes) {
    value = value * 128 + (byte & 0x7f);
    if (byte & 0x80) continue;
    if (arcs.length === 0)
      arcs.push(value < 80 ? Math.floor(value / 40) : 2, value < 80 ? value % 40 : value - 80);
    else arcs.push(value);
    value = 0;
  }
  if (arcs.length === 0) throw new DerError('empty object identifier');
  return arcs.join('.');
}

/** An INTEGER as upper-case hex without the sign octet, e.g. a serial number `1A2B`. */
export function readIntegerHex(element: DerElement): string {
  let bytes = contentBytes(expectTag(element, derTags.integer, 'integer'));
  while (bytes.length > 1 && bytes[0] === 0) bytes = bytes.subarray(1);
  return bytes.toString('hex').toUpperCase();
}

/** A UTCTime or GeneralizedTime, in UTC. */
export function readTime(element: DerElement): Date {
  const text = contentBytes(element).toString('latin1');
  const utc = element.tag === derTags.utcTime && /^(\d{2})(\d{10})Z$/.exec(text);
  if (utc) {
    const year = Number(utc[1]);
    return timeFrom(`${year >= 50 ? 19 : 20}${utc[1]}${utc[2]}`);
  }
  const general = element.tag === derTags.generalizedTime && /^(\d{14})(?:\.\d+)?Z$/.exec(text);
  if (general) return timeFrom(general[1] as string);
  throw new DerError(`"${text}" is not a DER time`);
}

/** The text of a directory string, whichever of the string types encodes it. */
export function readString(element: DerElement): string {
  const bytes = contentBytes(element);
  switch (element.tag) {
    case derTags.utf8String:
      return bytes.toString('utf8');
    case derTags.bmpString:
      return Buffer.from(bytes).swap16().toString('utf16le');
    case derTags.universalString:
      return universalString(bytes);
    default:
      // PrintableString, IA5String, TeletexString, VisibleString, NumericString.
      return bytes.toString('latin1');
  }
}

/** The bits of a BIT STRING, most significant first: bit 0 is `bits[0] & 0x80`. */
export function readBitString(element: DerElement): Buffer {
  const bytes = contentBytes(expectTag(element, derTags.bitString, 'bit string'));
  if (bytes.length === 0) throw new DerError('empty bit string');
  return bytes.subarray(1);
}

function byteAt(buffer: Buffer, offset: number, limit: number): number {
  if (offset >= limit) throw new DerError('truncated');
  return buffer[offset] as number;
}

function timeFrom(digits: string): Date {
  const [year, month, day, hour, minute, second] = [0, 4, 6, 8, 10, 12].map((at, i) =>
    Number(digits.slice(at, i === 0 ? 4 : at + 2)),
  ) as [number, number, number, number, number, number];
  return new Date(Date.UTC(year, month - 1, day, hour, minute, second));
}

function universalString(bytes: Buffer): string {
  if (bytes.length % 4 !== 0) throw new DerError('UniversalString of odd length');
  const points: number[] = [];
  for (let i = 0; i < bytes.length; i += 4) points.push(bytes.readUInt32BE(i));
  return String.fromCodePoint(...points);
}
