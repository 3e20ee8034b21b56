import { join } from 'node:path';
import {
  DefinitionCompileError,
  compileDefinition,
  definitionFromLoaded,
} from './compiled-definition';
import type { MatterDefinition } from './matter-definition';
import { readDefinitionSource } from './source/definition-source';
import { loadDefinition } from './source/loaded-definition';
import { startWorkflow, stepWorkflow } from './workflow/workflow-step';

const folder = join(__dirname, 'workflow', '__fixtures__', 'permit');

function permitDefinition(): MatterDefinition {
  return definitionFromLoaded(loadDefinition(readDefinitionSource(folder)));
}

describe('definitionFromLoaded', () => {
  test('takes the parts and the templates by name', () => {
    const definition = permitDefinition();
    expect(definition.matter.id).toBe('street-stall-permit');
    expect(definition.workflow.initial).toBe('draft');
    expect(definition.formUi).toEqual({ 'ui:order': ['applicantName', 'amount', 'urgent'] });
    expect(Object.keys(definition.templates).sort()).toEqual(['permit', 'submitted']);
  });

  test('defaults form.ui.json to {} and refuses a missing part', () => {
    const loaded = loadDefinition(readDefinitionSource(folder));
    delete loaded.parts.formUi;
    expect(definitionFromLoaded(loaded).formUi).toEqual({});
    delete loaded.parts.workflow;
    expect(() => definitionFromLoaded(loaded)).toThrow(
      expect.objectContaining({ code: 'definition_incomplete' }),
    );
  });
});

describe('compileDefinition', () => {
  test('builds form, machine and templates that work together', () => {
    const compiled = compileDefinition(permitDefinition());
    expect(compiled.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(compiled.form.validate({})).not.toEqual([]);
    const start = startWorkflow(compiled.machine, {});
    const submit = stepWorkflow(
      compiled.machine,
      start.snapshot,
      {},
      {
        type: 'SUBMIT',
        actor: { kind: 'applicant' },
      },
    );
    expect(submit).toMatchObject({ ok: false, code: 'form_incomplete' });
  });

  test('renders templates with HTML in values escaped and unknown fields empty', () => {
    const { templates } = compileDefinition(permitDefinition());
    const text = templates.submitted?.({ data: { applicantName: '<b>张三</b>' }, application: {} });
    expect(text).toBe('&lt;b&gt;张三&lt;/b&gt;，您的摊位许可申请  已提交。\n');
  });

  test('returns the cached compilation for the same content in another key order', () => {
    const first = compileDefinition(permitDefinition());
    const definition = permitDefinition();
    const reordered = {
      templates: definition.templates,
      workflow: definition.workflow,
      formUi: definition.formUi,
      formSchema: definition.formSchema,
      matter: definition.matter,
    };
    expect(compileDefinition(reordered)).toBe(first);
  });

  test('compiles another version separately', () => {
    const definition = permitDefinition();
    const changed = { ...definition, matter: { ...definition.matter, version: '1.0.1' } };
    expect(compileDefinition(changed).hash).not.toBe(compileDefinition(definition).hash);
  });

  test('refuses a template that does not parse, naming it', () => {
    const definition = { ...permitDefinition(), templates: { broken: 'Hello {{#if data}}' } };
    const compile = () => compileDefinition(definition);
    expect(compile).toThrow(DefinitionCompileError);
    expect(compile).toThrow(/template "broken"/);
  });

  test('a template calling an unknown helper fails when rendered, naming the helper', () => {
    const one = compileDefinition(permitDefinition());
    const other = compileDefinition({
      ...permitDefinition(),
      templates: { greet: '{{shout data.applicantName}}' },
    });
    expect(() => other.templates.greet?.({ data: { applicantName: 'a' } })).toThrow(/shout/);
    expect(one.templates.permit).toBeDefined();
  });
});
