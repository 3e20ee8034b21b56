import { DerError, readElement, readOid, readString, readTime } from './der-reader';
import { readName } from './distinguished-name';

const der = (hex: string) => readElement(Buffer.from(hex.replace(/\s/g, ''), 'hex'));
const ascii = (tag: number, text: string) =>
  der(
    tag.toString(16).padStart(2, '0') +
      text.length.toString(16).padStart(2, '0') +
      Buffer.from(text).toString('hex'),
  );

describe('DER values', () => {
  it('reads UTCTime on both sides of 2050 and GeneralizedTime', () => {
    expect(readTime(ascii(0x17, '491231235959Z')).toISOString()).toBe('2049-12-31T23:59:59.000Z');
    expect(readTime(ascii(0x17, '500101000000Z')).toISOString()).toBe('1950-01-01T00:00:00.000Z');
    expect(readTime(ascii(0x18, '20510101120000Z')).toISOString()).toBe('2051-01-01T12:00:00.000Z');
    expect(() => readTime(ascii(0x17, '2501010000Z'))).toThrow(DerError);
  });

  it('reads object identifiers, also with large arcs', () => {
    expect(readOid(der('06 03 55 04 03'))).toBe('2.5.4.3');
    expect(readOid(der('06 09 2a 86 48 86 f7 0d 01 01 0b'))).toBe('1.2.840.113549.1.1.11');
    expect(readOid(der('06 03 88 37 01'))).toBe('2.999.1');
  });

  it('reads UTF8String and BMPString names', () => {
    expect(readString(der('0c 06 e5 bc a0 e6 98 8e'))).toBe('张明');
    expect(readString(der('1e 04 5f 20 66 0e'))).toBe('张明');
  });

  it('refuses truncated and indefinite-length elements', () => {
    expect(() => der('30 05 02 01')).toThrow(DerError);
    expect(() => der('30 80 00 00')).toThrow(DerError);
    expect(() => der('30')).toThrow(DerError);
  });
});

describe('distinguished names', () => {
  it('writes RFC 4514 text, most specific first, escaping what could forge a name', () => {
    // SEQUENCE { SET { C=CN }, SET { CN="a,b+c" } }
    const country = '31 0b 30 09 06 03 55 04 06 13 02 43 4e';
    const commonName = '31 0e 30 0c 06 03 55 04 03 0c 05 61 2c 62 2b 63';
    const name = der(`30 1d ${country} ${commonName}`);
    expect(readName(name)).toEqual({
      text: 'CN=a\\,b\\+c,C=CN',
      attributes: [
        { type: 'C', value: 'CN' },
        { type: 'CN', value: 'a,b+c' },
      ],
    });
  });
});
