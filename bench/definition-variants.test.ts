import { join } from 'node:path';
import { lintDefinitions } from '../definitions/lint/lint';
import { contentHash } from '../definitions/form/content-hash';
import { loadDefinition } from '../definitions/source/loaded-definition';
import { generateVariant, readExampleBundle } from './definition-variants';

const folder = join(__dirname, '..', 'examples', 'matters', 'commercial-entity-establishment');

describe('generateVariant', () => {
  const base = readExampleBundle(folder);
  const variants = Array.from({ length: 30 }, (_, n) => generateVariant(base, n));

  test('gives every variant its own id and form schema, and the same variant for the same n', () => {
    expect(new Set(variants.map((v) => v.matter.id)).size).toBe(variants.length);
    expect(new Set(variants.map((v) => contentHash(v.formSchema))).size).toBe(variants.length);
    expect(generateVariant(base, 7)).toEqual(variants[7]);
    expect(JSON.stringify(readExampleBundle(folder))).toBe(JSON.stringify(base));
  });

  test('keeps the variants as clean as the example, so the benchmark times real work', () => {
    const lint = (text: string, origin: string) =>
      lintDefinitions([loadDefinition({ kind: 'bundle', origin, text: { ok: true, text } })]);
    const baseErrors = lint(JSON.stringify(base), 'base.bundle.json').filter(
      (finding) => finding.severity === 'error',
    );
    const errors = variants.flatMap((variant, n) =>
      lint(JSON.stringify(variant), `gen-${n}.bundle.json`).filter((f) => f.severity === 'error'),
    );
    expect(errors).toHaveLength(baseErrors.length * variants.length);
  });
});
