import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  DefinitionPathError,
  type SourceText,
  discoverDefinitions,
  readDefinitionSource,
} from './definition-source';
import { loadDefinition, locate } from './loaded-definition';

const text = (value: unknown): SourceText => ({ ok: true, text: JSON.stringify(value, null, 2) });

describe('loadDefinition', () => {
  it('loads a folder part by part and its templates', () => {
    const loaded = loadDefinition({
      kind: 'folder',
      origin: 'm',
      files: {
        'matter.json': text({ id: 'm' }),
        'form.schema.json': text({ type: 'object' }),
        'workflow.json': text({ id: 'w' }),
        'templates/hello.hbs': { ok: true, text: 'Hi {{data.name}}' },
      },
    });
    expect(loaded.problems).toEqual([]);
    expect(loaded.parts.matter).toEqual({
      name: 'matter',
      file: 'm/matter.json',
      base: '',
      value: { id: 'm' },
    });
    expect(loaded.parts.formUi).toBeUndefined();
    expect(loaded.templates).toEqual([
      { name: 'hello', file: 'm/templates/hello.hbs', base: '', source: 'Hi {{data.name}}' },
    ]);
  });

  it('reports missing parts and syntax errors, keeping the parts that parsed', () => {
    const loaded = loadDefinition({
      kind: 'folder',
      origin: 'm',
      files: {
        'matter.json': { ok: true, text: '{\n  "id": \n}' },
        'form.schema.json': { ok: false, code: 'file-not-text', message: 'binary' },
        'workflow.json': text({}),
      },
    });
    const codes = loaded.problems.map((p) => `${p.code} ${p.file}`);
    expect(codes).toEqual(['json-syntax m/matter.json', 'file-not-text m/form.schema.json']);
    expect(loaded.problems[0]?.position).toEqual({ line: 3, column: 1 });
    expect(loaded.parts.workflow?.value).toEqual({});
  });

  it('loads a bundle with parts placed by pointer inside the one file', () => {
    const bundle = {
      format: 'matterflow-bundle/1',
      matter: { id: 'm' },
      formSchema: { type: 'object' },
      workflow: { initial: 'a' },
      templates: { hello: 'Hi', bad: 3 },
    };
    const loaded = loadDefinition({ kind: 'bundle', origin: 'm.bundle.json', text: text(bundle) });
    expect(loaded.parts.workflow).toMatchObject({ file: 'm.bundle.json', base: '/workflow' });
    expect(locate(loaded, 'm.bundle.json', '/workflow/initial')).toEqual({ line: 10, column: 16 });
    expect(loaded.templates.map((t) => t.name)).toEqual(['hello']);
    expect(loaded.problems).toEqual([
      expect.objectContaining({ code: 'bundle-shape', pointer: '/templates/bad' }),
    ]);
  });

  it('asks a bundle for its format marker and its parts', () => {
    const loaded = loadDefinition({ kind: 'bundle', origin: 'b.json', text: text({ matter: {} }) });
    expect(loaded.problems.map((p) => p.code)).toEqual([
      'bundle-shape',
      'missing-part',
      'missing-part',
    ]);
  });

  it('refuses a bundle that is not an object', () => {
    const loaded = loadDefinition({ kind: 'bundle', origin: 'b.json', text: text([1]) });
    expect(loaded.problems.map((p) => p.code)).toEqual(['bundle-shape']);
  });
});

describe('reading definitions from disk', () => {
  const root = mkdtempSync(join(tmpdir(), 'matterflow-source-'));
  mkdirSync(join(root, 'a', 'templates'), { recursive: true });
  mkdirSync(join(root, 'group', 'b', 'samples'), { recursive: true });
  writeFileSync(join(root, 'a', 'matter.json'), '{}');
  writeFileSync(join(root, 'a', 'templates', 'x.hbs'), 'x');
  writeFileSync(join(root, 'a', 'templates', 'notes.txt'), 'ignored');
  writeFileSync(join(root, 'group', 'b', 'matter.json'), '{}');
  writeFileSync(join(root, 'group', 'b', 'samples', 'valid.json'), '{}');
  writeFileSync(join(root, 'group', 'c.bundle.json'), '{}');
  writeFileSync(join(root, 'group', 'expected-findings.json'), '[]');
  writeFileSync(join(root, 'binary.bundle.json'), Buffer.from([0xff, 0xfe, 0x00, 0x01]));

  it('discovers folders with matter.json and bundle files, not samples or other JSON', () => {
    const found = discoverDefinitions([root]).map((p) => p.slice(root.length + 1));
    expect(found).toEqual(['a', 'binary.bundle.json', 'group/b', 'group/c.bundle.json']);
  });

  it('reads a folder with only its known parts and templates', () => {
    const source = readDefinitionSource(join(root, 'a'));
    expect(source.kind === 'folder' && Object.keys(source.files)).toEqual([
      'matter.json',
      'templates/x.hbs',
    ]);
  });

  it('reads invalid UTF-8 as a problem, not as text', () => {
    const source = readDefinitionSource(join(root, 'binary.bundle.json'));
    expect(source.kind === 'bundle' && source.text).toMatchObject({
      ok: false,
      code: 'file-not-text',
    });
  });

  it('throws a path error for a path that does not exist', () => {
    expect(() => discoverDefinitions([join(root, 'nope')])).toThrow(DefinitionPathError);
    expect(() => readDefinitionSource(join(root, 'nope'))).toThrow(DefinitionPathError);
  });
});
