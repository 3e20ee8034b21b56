import { decodePointer, encodePointer, valueAt } from '../../source/json-pointer';
import { lintDefinitions } from '../lint';
import { baseBundle, loadBundleValue } from '../test-definition';
import { lintRules } from './index';

/** One change to the base bundle, addressed by JSON pointer; `value: undefined` deletes. */
type Edit = [pointer: string, value: unknown];

interface RuleCase {
  name: string;
  edits: Edit[];
  expected: [rule: string, pointer: string][];
}

const approveGuard = '/workflow/states/submitted/on/APPROVE/guard';
const reject = { target: 'rejected', meta: { by: ['officer'], payload: { comment: 'required' } } };
const submit = { target: 'submitted', meta: { by: ['applicant'], validateForm: true } };

/** Cases the broken corpus does not hold: warnings (which exit 0) and finer points. */
const cases: RuleCase[] = [
  {
    name: 'a top-level property in no step',
    edits: [['/formSchema/properties/nickname', { type: 'string' }]],
    expected: [['ui-step-missing-field', '/formUi/ui:steps']],
  },
  {
    name: 'an unknown template variable',
    edits: [['/templates/approved', 'Dear {{applicantName}}']],
    expected: [['template-unknown-variable', '/templates/approved']],
  },
  {
    name: 'a workflow id that differs from the matter id',
    edits: [['/workflow/id', 'other']],
    expected: [['matter-id-mismatch', '/workflow/id']],
  },
  {
    name: 'applicant edits on a final state',
    edits: [['/workflow/states/approved/meta/applicantEdits', true]],
    expected: [['workflow-final-state-edits', '/workflow/states/approved/meta/applicantEdits']],
  },
  {
    name: 'clearing a deadline nobody set',
    edits: [['/workflow/states/submitted/exit/0/params/id', 'reveiw']],
    expected: [['workflow-unknown-deadline', '/workflow/states/submitted/exit/0/params/id']],
  },
  {
    name: 'a bad element in a transition list, reported once',
    edits: [['/workflow/states/submitted/on/REJECT', [reject, { ...reject, colour: 1 }]]],
    expected: [['workflow-schema', '/workflow/states/submitted/on/REJECT/1/colour']],
  },
  {
    name: 'a lower-case event name, placed at its key',
    edits: [
      ['/workflow/states/draft/on/SUBMIT', undefined],
      ['/workflow/states/draft/on/submit', submit],
    ],
    expected: [['workflow-schema', '/workflow/states/draft/on/submit']],
  },
  {
    name: 'a guard missing its params',
    edits: [[approveGuard, { type: 'actorHasRole' }]],
    expected: [['workflow-bad-params', approveGuard]],
  },
  {
    name: 'a guard written as a string',
    edits: [[approveGuard, 'isReviewer']],
    expected: [['workflow-unknown-guard', approveGuard]],
  },
  {
    name: 'a union type, which strict ajv refuses',
    edits: [['/formSchema/properties/ownerName/type', ['string', 'number']]],
    expected: [['form-schema-invalid', '/formSchema/properties/ownerName/type']],
  },
  {
    name: 'a keyword without the type it needs',
    edits: [['/formSchema/properties/dog/type', undefined]],
    expected: [
      ['form-schema-invalid', '/formSchema/properties/dog/required'],
      ['form-schema-invalid', '/formSchema/properties/dog/properties'],
    ],
  },
  {
    name: 'a required name declared next to if, used in then',
    edits: [
      ['/formSchema/properties/dog/if', { properties: { breed: { const: 'husky' } } }],
      ['/formSchema/properties/dog/then', { required: ['breed'] }],
    ],
    expected: [],
  },
  {
    name: 'a template path inside with that the object lacks',
    edits: [['/templates/licence', '{{#with data.address}}{{street}}{{/with}}']],
    expected: [['template-unknown-field', '/templates/licence']],
  },
  {
    name: 'a template path that steps out of each with ../',
    edits: [['/templates/licence', '{{#each data.vaccinations}}{{../data.ownerName}}{{/each}}']],
    expected: [],
  },
  {
    name: 'a uiSchema that is not an object',
    edits: [['/formUi', ['ownerName']]],
    expected: [['ui-schema-shape', '/formUi']],
  },
  {
    name: 'a meta-schema violation in the form schema',
    edits: [['/formSchema/properties/ownerName/minLength', -1]],
    expected: [['form-schema-invalid', '/formSchema/properties/ownerName/minLength']],
  },
];

function applyEdit(root: unknown, [pointer, value]: Edit): void {
  const path = decodePointer(pointer);
  const last = path.pop() ?? '';
  const parent = valueAt(root, encodePointer(path)) as Record<string, unknown>;
  if (value === undefined) delete parent[last];
  else parent[last] = value;
}

describe.each(cases)('$name', ({ edits, expected }) => {
  it('gives exactly the expected findings', () => {
    const bundle = baseBundle();
    for (const edit of edits) applyEdit(bundle, edit);
    const findings = lintDefinitions([loadBundleValue(bundle)]);
    expect(findings.map((f) => [f.rule, f.pointer])).toEqual(expected);
  });
});

describe('the rule list', () => {
  it('has unique kebab-case ids, a severity and a one-line explanation each', () => {
    const ids = lintRules.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of lintRules) {
      expect(rule.id).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(['error', 'warning']).toContain(rule.severity);
      expect(rule.explain).not.toMatch(/\n/);
      expect(rule.explain.length).toBeGreaterThan(20);
    }
  });
});
