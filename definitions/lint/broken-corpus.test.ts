import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { lintCommand } from '../cli/lint-command';
import type { Finding } from './finding';

const brokenRoot = join(__dirname, '../../examples/broken');
const matterRoot = join(__dirname, '../../examples/matters');
const baseName = 'valid-base';

interface ExpectedFinding {
  rule: string;
  file: string;
  pointer: string;
}

function lint(path: string): { code: number; findings: Finding[] } {
  let out = '';
  const io = { out: (text: string) => (out += text), err: (text: string) => (out += text) };
  const code = lintCommand(['--format', 'json', path], io);
  return { code, findings: (JSON.parse(out) as { findings: Finding[] }).findings };
}

function fixtureNames(): string[] {
  return readdirSync(brokenRoot)
    .filter((name) => name !== baseName && statSync(join(brokenRoot, name)).isDirectory())
    .sort();
}

/** Line and column (1-based) of the first occurrence of `needle` in a file. */
function positionOf(file: string, needle: string): { line: number; column: number } {
  const text = readFileSync(file, 'utf8');
  const offset = text.indexOf(needle);
  if (offset < 0) throw new Error(`${needle} not in ${file}`);
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: (before[before.length - 1] ?? '').length + 1 };
}

describe('the broken corpus (examples/broken)', () => {
  it('has a clean base definition that each fixture breaks once', () => {
    expect(lint(join(brokenRoot, baseName))).toEqual({ code: 0, findings: [] });
  });

  it('has fixtures', () => {
    expect(fixtureNames().length).toBeGreaterThanOrEqual(30);
  });

  describe.each(fixtureNames())('%s', (name) => {
    const folder = join(brokenRoot, name);
    const expected = JSON.parse(
      readFileSync(join(folder, 'expected-findings.json'), 'utf8'),
    ) as ExpectedFinding[];
    const { code, findings } = lint(folder);
    const relativeFindings = findings.map((f) => ({ ...f, file: relative(folder, f.file) }));
    const key = (f: ExpectedFinding) => `${f.rule} ${f.file} ${f.pointer}`;

    it('exits 1', () => {
      expect(code).toBe(1);
    });

    it('reports each expected finding', () => {
      const found = relativeFindings.map(key);
      for (const finding of expected) expect(found).toContain(key(finding));
    });

    it('reports no other error (one defect per fixture)', () => {
      const expectedKeys = expected.map(key);
      const errors = relativeFindings.filter((f) => f.severity === 'error').map(key);
      for (const error of errors) expect(expectedKeys).toContain(error);
    });
  });
});

describe('finding positions', () => {
  function findingIn(name: string, rule: string): Finding {
    const finding = lint(join(brokenRoot, name)).findings.find((f) => f.rule === rule);
    if (!finding) throw new Error(`no ${rule} finding in ${name}`);
    return finding;
  }

  it('places a bad target at its value', () => {
    const finding = findingIn('workflow-unknown-state', 'workflow-unknown-state');
    expect(finding).toMatchObject(positionOf(finding.file, '"refused"'));
  });

  it('places an unknown property at its key', () => {
    const finding = findingIn('workflow-schema-unknown-key', 'workflow-schema');
    expect(finding).toMatchObject(positionOf(finding.file, '"onEnter"'));
  });

  it('places a JSON syntax error at the offending character', () => {
    const finding = findingIn('json-syntax', 'json-syntax');
    const comma = positionOf(finding.file, ',,');
    expect(finding).toMatchObject({ line: comma.line, column: comma.column + 1 });
  });

  it('places an unknown template field at its mustache', () => {
    const finding = findingIn('template-unknown-field', 'template-unknown-field');
    expect(finding).toMatchObject(positionOf(finding.file, 'data.dog.colour'));
  });

  it('places a template syntax error on its line', () => {
    const finding = findingIn('template-syntax', 'template-syntax');
    expect(finding.line).toBeGreaterThan(1);
  });

  it('places a template error inside a bundle on the template string', () => {
    const finding = findingIn('bundle-template-syntax', 'template-syntax');
    expect(finding.line).toBe(positionOf(finding.file, '"approved": "').line);
    expect(finding.column).toBeGreaterThan(positionOf(finding.file, '"approved": "').column);
  });

  it('places a bundle defect inside its part', () => {
    const finding = findingIn('bundle-workflow-unknown-state', 'workflow-unknown-state');
    expect(finding).toMatchObject(positionOf(finding.file, '"refused"'));
  });
});

describe('hostile input', () => {
  let folder: string;
  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'matter-lint-'));
    for (const file of readdirSync(join(brokenRoot, baseName))) {
      if (file.endsWith('.json')) {
        writeFileSync(join(folder, file), readFileSync(join(brokenRoot, baseName, file)));
      }
    }
  });
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  it('reports JSON nested 100,000 deep as a finding', () => {
    writeFileSync(join(folder, 'form.schema.json'), '['.repeat(100_000) + ']'.repeat(100_000));
    const { code, findings } = lint(folder);
    expect(code).toBe(1);
    expect(findings).toContainEqual(expect.objectContaining({ rule: 'json-too-deep' }));
  });

  it('reports a schema that refers to itself without a finding loop or overflow', () => {
    writeFileSync(join(folder, 'form.schema.json'), JSON.stringify({ $ref: '#' }));
    const { findings } = lint(folder);
    expect(findings).toContainEqual(
      expect.objectContaining({ rule: 'form-schema-circular-ref', pointer: '/$ref' }),
    );
  });
});

describe('the example matters (examples/matters)', () => {
  it('lint without errors', () => {
    const { code, findings } = lint(matterRoot);
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(code).toBe(0);
  });
});
