import { basename } from 'node:path';
import Handlebars from 'handlebars';
import { compileForm } from '../../definitions/form/form-validator';
import { lintDefinitions } from '../../definitions/lint/lint';
import { asList, type MatterDefinition } from '../../definitions/matter-definition';
import {
  discoverDefinitions,
  readDefinitionSource,
} from '../../definitions/source/definition-source';
import { loadDefinition } from '../../definitions/source/loaded-definition';
import { exampleCases } from './example-cases';
import { mattersFolder, readDefinition, readJson } from './example-files';
import { applyEdits } from './sample-edits';

describe('example matters', () => {
  it('are exactly the folders the cases cover', () => {
    const found = discoverDefinitions([mattersFolder]).map((path) => basename(path));
    expect(found.sort()).toEqual(exampleCases.map((cases) => cases.matter).sort());
  });

  it('lint without a finding', () => {
    const loaded = discoverDefinitions([mattersFolder]).map((path) =>
      loadDefinition(readDefinitionSource(path)),
    );
    expect(lintDefinitions(loaded)).toEqual([]);
  });
});

describe.each(exampleCases)('$matter', ({ matter, valid, broken }) => {
  const definition = readDefinition(matter);
  const form = compileForm(definition.formSchema, definition.matter.materials);
  const sample = readJson(matter, 'samples/valid.json');

  it.each(valid)('accepts $name', ({ edits }) => {
    expect(form.validate(applyEdits(sample, edits))).toEqual([]);
  });

  it('lets an empty draft and the sample be saved as drafts', () => {
    expect(form.validatePartial({})).toEqual([]);
    expect(form.validatePartial(sample)).toEqual([]);
  });

  it.each(broken)('reports $name', ({ edits, issues }) => {
    const found = form.validate(applyEdits(sample, edits));
    const expected = issues.map((issue) => expect.objectContaining(issue));
    expect(found).toEqual(expect.arrayContaining(expected));
  });

  it('renders every template with the sample, every path present', () => {
    const context = templateContext(definition, sample);
    for (const [name, source] of Object.entries(definition.templates)) {
      const text = Handlebars.compile(source, { strict: true })(context);
      expect({ name, blank: text.trim() === '' }).toEqual({ name, blank: false });
    }
  });

  it('uses every template and names only templates that exist', () => {
    const named = new Set(actionTemplates(definition));
    expect([...named].sort()).toEqual(Object.keys(definition.templates).sort());
  });

  it('puts every top-level field in exactly one step, when it has steps', () => {
    const steps = definition.formUi['ui:steps'];
    if (steps === undefined) return;
    const fields = (steps as { fields: string[] }[]).flatMap((step) => step.fields);
    const properties = Object.keys(schemaProperties(definition));
    expect([...fields].sort()).toEqual([...properties].sort());
  });
});

function templateContext(definition: MatterDefinition, data: unknown) {
  const { matter } = definition;
  return {
    data,
    application: {
      reference: `${matter.referencePrefix ?? 'APP'}-2025-000123`,
      status: 'submitted',
      statusLabel: '已提交',
      submittedAt: '2025-07-01T08:30:00.000Z',
    },
    matter: { id: matter.id, version: matter.version, title: matter.title },
    applicant: { name: '林晓峰' },
    comment: '请补充住所使用证明 / Please add the proof of premises use',
    now: '2025-07-02T09:00:00.000Z',
  };
}

/** Names of the templates that notify and issueDocument actions use, anywhere in the workflow. */
function actionTemplates(definition: MatterDefinition): string[] {
  const names: string[] = [];
  for (const state of Object.values(definition.workflow.states)) {
    const transitions = [
      ...Object.values(state.on ?? {}),
      ...Object.values(state.after ?? {}),
      state.always,
    ].flatMap((value) => asList(value));
    const actions = [state.entry, state.exit, ...transitions.map((t) => t.actions)];
    for (const action of actions.flatMap((value) => asList(value))) {
      const template = action.params?.template;
      if (typeof template === 'string') names.push(template);
    }
  }
  return names;
}

function schemaProperties(definition: MatterDefinition): Record<string, unknown> {
  const schema = definition.formSchema;
  if (typeof schema !== 'object') return {};
  return (schema.properties ?? {}) as Record<string, unknown>;
}
