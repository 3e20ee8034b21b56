import { domainFormats } from '../../definitions/form/domain-formats';
import sample from '../../examples/matters/commercial-entity-establishment/samples/valid.json';
import { customFormats, domainFormatChecks } from './domain-formats';

describe('the domain formats the browser checks', () => {
  it('are every format of the definition language, with its own check', () => {
    const names = domainFormats.map((format) => format.name).sort();
    expect(Object.keys(domainFormatChecks).sort()).toEqual(names);
    for (const format of domainFormats) expect(domainFormatChecks[format.name]).toBe(format.check);
  });

  it('take the sample data and refuse a wrong check digit, as rjsf formats', () => {
    const formats = customFormats();
    expect(formats['resident-id']?.(sample.legalRepresentative.idNumber)).toBe(true);
    expect(formats['credit-code']?.('91440300MA5H7K3Q68')).toBe(true);
    expect(formats['credit-code']?.('91440300MA5H7K3Q69')).toBe(false);
    expect(formats.mobile?.(sample.contactPerson.mobile)).toBe(true);
    expect(formats['postal-code']?.('918000')).toBe(false);
  });
});
