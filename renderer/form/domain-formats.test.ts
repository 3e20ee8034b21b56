import fc from 'fast-check';
import { creditCodeCheckChar, organizationCheckChar } from '../../definitions/form/credit-code';
import { findDomainFormat } from '../../definitions/form/domain-formats';
import { residentIdCheckChar } from '../../definitions/form/resident-id';
import sample from '../../examples/matters/commercial-entity-establishment/samples/valid.json';
import { domainFormatChecks } from './domain-formats';

const creditAlphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** The browser's copy and the engine's must give the same problem for every text. */
function expectAgreement(name: string, text: string): void {
  const engine = findDomainFormat(name);
  expect(engine).toBeDefined();
  expect({ text, problem: domainFormatChecks[name]?.(text) }).toEqual({
    text,
    problem: engine?.check(text),
  });
}

const fixedSamples: Record<string, string[]> = {
  'resident-id': [
    sample.legalRepresentative.idNumber,
    ...sample.shareholders.filter((s) => s.kind === 'natural-person').map((s) => s.idNumber),
    '11010519491231002X',
    '11010519491231002x',
    '110105194912310021',
    '990105194912310021',
    '110105190002290021',
    '110105200002290028',
    '1101051949123100',
    '',
  ],
  'credit-code': [
    ...sample.shareholders.filter((s) => s.kind === 'legal-person').map((s) => s.idNumber),
    '91350100M000100Y43',
    '91350100M000100Y44',
    '9135010OM000100Y43',
    '91AB0100M000100Y43',
    '91350100M000100Z43',
    '913501',
  ],
  mobile: [sample.contactPerson.mobile, '12812345678', '1391234567', '139-1234-5678', ''],
  'postal-code': [sample.address.postalCode, '010000', '918000', '51805', 'abcdef'],
};

describe('the browser domain formats agree with the engine', () => {
  it.each(Object.entries(fixedSamples))('on the samples of %s', (name, texts) => {
    for (const text of texts) expectAgreement(name, text);
  });

  it('the sample data is valid in the browser', () => {
    expect(domainFormatChecks['resident-id']?.(sample.legalRepresentative.idNumber)).toBe(
      undefined,
    );
    expect(domainFormatChecks['credit-code']?.('91440300MA5H7K3Q68')).toBe(undefined);
  });

  it('on random digit strings of any format', () => {
    const text = fc.stringMatching(/^[0-9X]{0,19}$/);
    fc.assert(
      fc.property(text, (value) => {
        for (const name of Object.keys(domainFormatChecks)) expectAgreement(name, value);
      }),
      { numRuns: 2000 },
    );
  });

  it('on resident IDs with a valid shape and a random check character', () => {
    const body = fc.tuple(
      fc.constantFrom('11', '44', '99', '71'),
      fc.stringMatching(/^\d{4}$/),
      fc.date({ min: new Date('1890-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }),
      fc.stringMatching(/^\d{3}$/),
      fc.constantFrom(...'0123456789X'),
    );
    fc.assert(
      fc.property(body, ([province, region, birth, sequence, check]) => {
        const date = birth.toISOString().slice(0, 10).replace(/-/g, '');
        expectAgreement('resident-id', `${province}${region}${date}${sequence}${check}`);
      }),
      { numRuns: 3000 },
    );
  });

  it('on credit codes drawn from the code alphabet', () => {
    const code = fc.array(fc.constantFrom(...creditAlphabet), { minLength: 18, maxLength: 18 });
    fc.assert(
      fc.property(code, (chars) => expectAgreement('credit-code', chars.join(''))),
      { numRuns: 3000 },
    );
  });

  it('on well-formed codes the engine builds, and on each with one character changed', () => {
    const parts = fc.tuple(
      fc.array(fc.constantFrom(...creditAlphabet), { minLength: 2, maxLength: 2 }),
      fc.stringMatching(/^\d{6}$/),
      fc.array(fc.constantFrom(...'0123456789ABCDEFGHJKLMNPQRTUWXY'), {
        minLength: 8,
        maxLength: 8,
      }),
      fc.nat(17),
      fc.constantFrom(...creditAlphabet),
    );
    fc.assert(
      fc.property(parts, ([head, region, organization, at, replacement]) => {
        const body = head.join('') + region + organization.join('');
        const withOrganization = body + organizationCheckChar(organization.join(''));
        const code = withOrganization + creditCodeCheckChar(withOrganization);
        expect(domainFormatChecks['credit-code']?.(code)).toBe(undefined);
        expectAgreement('credit-code', code);
        expectAgreement('credit-code', code.slice(0, at) + replacement + code.slice(at + 1));
      }),
      { numRuns: 2000 },
    );
  });

  it('on resident IDs the engine completes with their check character', () => {
    const body = fc.tuple(fc.constantFrom('11', '32', '44', '65'), fc.stringMatching(/^\d{4}$/));
    fc.assert(
      fc.property(body, fc.nat(9999), ([province, region], sequence) => {
        const serial = String(sequence % 1000).padStart(3, '0');
        const first = `${province}${region}19900228${serial}`;
        const id = first + residentIdCheckChar(first);
        expect(domainFormatChecks['resident-id']?.(id)).toBe(undefined);
        expectAgreement('resident-id', id);
      }),
      { numRuns: 1000 },
    );
  });
});
