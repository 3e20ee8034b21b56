import {
  type DerElement,
  DerError,
  childrenOf,
  derTags,
  expectTag,
  readOid,
  readString,
} from './der-reader';

/** One attribute of a name, e.g. `{type: 'CN', value: '张明'}`; unknown types keep their OID. */
export interface NameAttribute {
  type: string;
  value: string;
}

/**
 * A subject or issuer name. `text` is its RFC 4514 string (most specific first, e.g.
 * `CN=Demo City CA 2,O=Demo City,C=CN`): the stable form that bindings store and that CRLs are
 * matched on.
 */
export interface DistinguishedName {
  text: string;
  /** In encoding order (country first, as certificates usually list them). */
  attributes: NameAttribute[];
}

const shortNames: Record<string, string> = {
  '2.5.4.3': 'CN',
  '2.5.4.5': 'SERIALNUMBER',
  '2.5.4.6': 'C',
  '2.5.4.7': 'L',
  '2.5.4.8': 'ST',
  '2.5.4.9': 'STREET',
  '2.5.4.10': 'O',
  '2.5.4.11': 'OU',
  '2.5.4.12': 'T',
  '1.2.840.113549.1.9.1': 'E',
  '0.9.2342.19200300.100.1.1': 'UID',
  '0.9.2342.19200300.100.1.25': 'DC',
};

/** Reads a Name (a SEQUENCE of sets of type-and-value pairs). */
export function readName(element: DerElement): DistinguishedName {
  const relativeNames = childrenOf(expectTag(element, derTags.sequence, 'name')).map((set) =>
    childrenOf(expectTag(set, derTags.set, 'name component')).map(readAttribute),
  );
  const text = [...relativeNames]
    .reverse()
    .map((attributes) => attributes.map((a) => `${a.type}=${escapeValue(a.value)}`).join('+'))
    .join(',');
  return { text, attributes: relativeNames.flat() };
}

/** The first value of an attribute type (`CN`, `SERIALNUMBER`...), if the name has one. */
export function nameAttribute(name: DistinguishedName, type: string): string | undefined {
  return name.attributes.find((attribute) => attribute.type === type)?.value;
}

function readAttribute(element: DerElement): NameAttribute {
  const [oid, value] = childrenOf(expectTag(element, derTags.sequence, 'name attribute'));
  const type = readOid(oid as DerElement);
  if (!value) throw new DerError(`name attribute ${type} has no value`);
  return { type: shortNames[type] ?? type, value: readString(value) };
}

const needsEscape = /[\\,+"<>;=\p{Cc}]|^[ #]| $/u;

/** RFC 4514 escaping, so that a comma or plus inside a value cannot forge another name. */
function escapeValue(value: string): string {
  if (!needsEscape.test(value)) return value;
  return value
    .replace(/[\\,+"<>;=]/g, (c) => `\\${c}`)
    .replace(/^[ #]/, (c) => `\\${c}`)
    .replace(/ $/, '\\ ')
    .replace(/\p{Cc}/gu, (c) => `\\${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}
