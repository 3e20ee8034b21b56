/**
 * Copies of each example's samples/valid.json, changed by a few edits, and what the compiled
 * form must say about them: `valid` cases must give no issue, `broken` cases at least the
 * issues listed (pointer into the data and issue code, as `compileForm` reports them).
 */

/** Sets the value at a JSON pointer (creating nothing above it), or removes the member. */
export type SampleEdit = { set: string; value: unknown } | { remove: string };

export interface ExpectedIssue {
  pointer: string;
  code: string;
}

export interface ValidCase {
  name: string;
  edits: SampleEdit[];
}

export interface BrokenCase extends ValidCase {
  issues: ExpectedIssue[];
}

export interface MatterCases {
  /** Folder under examples/matters. */
  matter: string;
  valid: ValidCase[];
  broken: BrokenCase[];
}

const wrongCheckDigitId = '440305198806123016';
const wrongCheckDigitCreditCode = '91440300MA5H7K3Q69';
const uploadedFile = {
  id: '0b815c5b-f81b-403d-9488-7f596e84d8b8',
  name: '补充材料.pdf',
  size: 1024,
  sha256: '839104bf9d2cae503476be3987b1e35e823ea5a33711b934548bd31667ef23b0',
};
const fiftyOneShareholders = Array.from({ length: 51 }, (_, i) => ({
  kind: 'natural-person',
  name: `股东${i + 1}`,
  idNumber: '110105198509171232',
  capitalContribution: 1,
  contributionMethod: 'currency',
  contributionDate: '2030-12-31',
}));

const commercialEntityEstablishment: MatterCases = {
  matter: 'commercial-entity-establishment',
  valid: [
    { name: 'the sample as it is', edits: [] },
    {
      name: 'a foreign-invested entity with its approval',
      edits: [
        {
          set: '/foreignInvestment',
          value: {
            isForeignInvested: true,
            investorCountry: '新加坡',
            approvalNumber: '深商务资字〔2025〕0158号',
            foreignSharePercent: 30,
          },
        },
        { set: '/foreignInvestmentApproval', value: [uploadedFile] },
      ],
    },
    {
      name: 'a long-term entity without years, alternates or optional fields',
      edits: [
        { set: '/operatingTerm', value: { kind: 'long-term' } },
        { remove: '/alternateNames' },
        { remove: '/industryCode' },
        { remove: '/foreignInvestmentApproval' },
        { remove: '/remarks' },
      ],
    },
  ],
  broken: [
    {
      name: 'no company name',
      edits: [{ remove: '/companyName' }],
      issues: [{ pointer: '/companyName', code: 'required' }],
    },
    {
      name: 'four alternate names',
      edits: [{ set: '/alternateNames', value: ['甲乙丙丁', '戊己庚辛', '壬癸子丑', '寅卯辰巳'] }],
      issues: [{ pointer: '/alternateNames', code: 'maxItems' }],
    },
    {
      name: 'an entity type outside the list',
      edits: [{ set: '/entityType', value: 'cooperative' }],
      issues: [{ pointer: '/entityType', code: 'oneOf' }],
    },
    {
      name: 'registered capital of zero',
      edits: [{ set: '/registeredCapital', value: 0 }],
      issues: [{ pointer: '/registeredCapital', code: 'exclusiveMinimum' }],
    },
    {
      name: 'a fixed term without years',
      edits: [{ remove: '/operatingTerm/years' }],
      issues: [{ pointer: '/operatingTerm/years', code: 'required' }],
    },
    {
      name: 'a five-digit postal code',
      edits: [{ set: '/address/postalCode', value: '51805' }],
      issues: [{ pointer: '/address/postalCode', code: 'format:postal-code' }],
    },
    {
      name: 'a resident ID with a wrong check digit',
      edits: [{ set: '/legalRepresentative/idNumber', value: wrongCheckDigitId }],
      issues: [{ pointer: '/legalRepresentative/idNumber', code: 'format:resident-id' }],
    },
    {
      name: 'a mobile number that starts with 12',
      edits: [{ set: '/contactPerson/mobile', value: '12345678901' }],
      issues: [{ pointer: '/contactPerson/mobile', code: 'format:mobile' }],
    },
    {
      name: 'no shareholder',
      edits: [{ set: '/shareholders', value: [] }],
      issues: [{ pointer: '/shareholders', code: 'minItems' }],
    },
    {
      name: 'fifty-one shareholders',
      edits: [{ set: '/shareholders', value: fiftyOneShareholders }],
      issues: [{ pointer: '/shareholders', code: 'maxItems' }],
    },
    {
      name: 'a legal-person shareholder with a resident ID',
      edits: [{ set: '/shareholders/2/idNumber', value: '440305198806123015' }],
      issues: [{ pointer: '/shareholders/2/idNumber', code: 'format:credit-code' }],
    },
    {
      name: 'a credit code with a wrong check character',
      edits: [{ set: '/shareholders/2/idNumber', value: wrongCheckDigitCreditCode }],
      issues: [{ pointer: '/shareholders/2/idNumber', code: 'format:credit-code' }],
    },
    {
      name: 'a natural-person shareholder with a credit code',
      edits: [{ set: '/shareholders/0/idNumber', value: '91440300MA5H7K3Q68' }],
      issues: [{ pointer: '/shareholders/0/idNumber', code: 'format:resident-id' }],
    },
    {
      name: 'a contribution date that is not a date',
      edits: [{ set: '/shareholders/1/contributionDate', value: '2028-02-30' }],
      issues: [{ pointer: '/shareholders/1/contributionDate', code: 'format:date' }],
    },
    {
      name: 'foreign investment without its details',
      edits: [{ set: '/foreignInvestment', value: { isForeignInvested: true } }],
      issues: [
        { pointer: '/foreignInvestment/investorCountry', code: 'required' },
        { pointer: '/foreignInvestment/approvalNumber', code: 'required' },
        { pointer: '/foreignInvestment/foreignSharePercent', code: 'required' },
      ],
    },
    {
      name: 'a required material with no file',
      edits: [{ set: '/articlesOfAssociation', value: [] }],
      issues: [{ pointer: '/articlesOfAssociation', code: 'minItems' }],
    },
    {
      name: 'a required material left out',
      edits: [{ remove: '/premisesProof' }],
      issues: [{ pointer: '/premisesProof', code: 'required' }],
    },
    {
      name: 'an uploaded file with a malformed hash',
      edits: [{ set: '/premisesProof/0/sha256', value: 'not-a-hash' }],
      issues: [{ pointer: '/premisesProof/0/sha256', code: 'pattern' }],
    },
    {
      name: 'the declaration not given',
      edits: [{ set: '/declaration', value: false }],
      issues: [{ pointer: '/declaration', code: 'const' }],
    },
    {
      name: 'a field the form does not have',
      edits: [{ set: '/unifiedCode', value: '91440300MA5G2R8W81' }],
      issues: [{ pointer: '/unifiedCode', code: 'additionalProperties' }],
    },
  ],
};

const individualBusinessRegistration: MatterCases = {
  matter: 'individual-business-registration',
  valid: [
    { name: 'the sample as it is', edits: [] },
    {
      name: 'one operator without family members or optional fields',
      edits: [
        { set: '/organizationForm', value: 'individual' },
        { remove: '/familyMembers' },
        { remove: '/operatorEmail' },
        { remove: '/capital' },
        { remove: '/employees' },
      ],
    },
  ],
  broken: [
    {
      name: 'a family business without family members',
      edits: [{ remove: '/familyMembers' }],
      issues: [{ pointer: '/familyMembers', code: 'required' }],
    },
    {
      name: 'a family business with an empty family',
      edits: [{ set: '/familyMembers', value: [] }],
      issues: [{ pointer: '/familyMembers', code: 'minItems' }],
    },
    {
      name: 'one operator with family members',
      edits: [{ set: '/organizationForm', value: 'individual' }],
      issues: [{ pointer: '/familyMembers', code: 'maxItems' }],
    },
    {
      name: 'a family member with a wrong ID check digit',
      edits: [{ set: '/familyMembers/0/idNumber', value: '440306199003214028' }],
      issues: [{ pointer: '/familyMembers/0/idNumber', code: 'format:resident-id' }],
    },
    {
      name: 'an operator ID with an impossible birth date',
      edits: [{ set: '/operatorIdNumber', value: '440304199513305278' }],
      issues: [{ pointer: '/operatorIdNumber', code: 'format:resident-id' }],
    },
    {
      name: 'three copies of a two-sided ID card',
      edits: [{ set: '/operatorIdCopy/2', value: uploadedFile }],
      issues: [{ pointer: '/operatorIdCopy', code: 'maxItems' }],
    },
    {
      name: 'no premises address',
      edits: [{ remove: '/premisesAddress' }],
      issues: [{ pointer: '/premisesAddress', code: 'required' }],
    },
  ],
};

const annualReport: MatterCases = {
  matter: 'annual-report',
  valid: [
    { name: 'the sample as it is', edits: [] },
    {
      name: 'a loss-making year without a website',
      edits: [
        { set: '/finances/totalProfit', value: -35.2 },
        { set: '/finances/netProfit', value: -35.2 },
        { remove: '/website' },
      ],
    },
  ],
  broken: [
    {
      name: 'a credit code with a wrong check character',
      edits: [{ set: '/creditCode', value: '91440300MA5G2R8W82' }],
      issues: [{ pointer: '/creditCode', code: 'format:credit-code' }],
    },
    {
      name: 'a year before annual reports began',
      edits: [{ set: '/reportYear', value: 2012 }],
      issues: [{ pointer: '/reportYear', code: 'minimum' }],
    },
    {
      name: 'negative total assets',
      edits: [{ set: '/finances/totalAssets', value: -1 }],
      issues: [{ pointer: '/finances/totalAssets', code: 'minimum' }],
    },
    {
      name: 'no net profit',
      edits: [{ remove: '/finances/netProfit' }],
      issues: [{ pointer: '/finances/netProfit', code: 'required' }],
    },
    {
      name: 'a website that is not a URI',
      edits: [{ set: '/website', value: 'qinghe digital' }],
      issues: [{ pointer: '/website', code: 'format:uri' }],
    },
    {
      name: 'no shareholder contribution',
      edits: [{ set: '/shareholderContributions', value: [] }],
      issues: [{ pointer: '/shareholderContributions', code: 'minItems' }],
    },
    {
      name: 'a fractional number of employees',
      edits: [{ set: '/employees', value: 28.5 }],
      issues: [{ pointer: '/employees', code: 'type' }],
    },
  ],
};

export const exampleCases: MatterCases[] = [
  commercialEntityEstablishment,
  individualBusinessRegistration,
  annualReport,
];
