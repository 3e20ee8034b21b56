import fc from 'fast-check';
import { decodePointer, encodePointer, valueAt } from '../source/json-pointer';
import { lintDefinitions } from './lint';
import { baseBundle, loadBundleValue } from './test-definition';

/** Every pointer of a JSON value, so a property can replace any subtree of the base. */
function pointersOf(value: unknown, pointer = ''): string[] {
  if (value === null || typeof value !== 'object') return [pointer];
  const entries = Object.entries(value as Record<string, unknown>);
  return [
    pointer,
    ...entries.flatMap(([key, child]) =>
      pointersOf(child, encodePointer([...decodePointer(pointer), key])),
    ),
  ];
}

function replaced(root: unknown, pointer: string, value: unknown): unknown {
  const copy = structuredClone(root);
  const path = decodePointer(pointer);
  const last = path.pop();
  if (last === undefined) return value;
  (valueAt(copy, encodePointer(path)) as Record<string, unknown>)[last] = value;
  return copy;
}

function internalErrors(bundle: unknown) {
  return lintDefinitions([loadBundleValue(bundle)]).filter((f) => f.rule === 'internal-error');
}

describe('lint on any shape', () => {
  const base = baseBundle();
  const pointers = pointersOf(base).filter((p) => p !== '' && p !== '/format');

  it('never fails a rule when any subtree of a definition is replaced by any JSON', () => {
    fc.assert(
      fc.property(fc.constantFrom(...pointers), fc.jsonValue({ maxDepth: 4 }), (pointer, value) => {
        expect(internalErrors(replaced(base, pointer, value))).toEqual([]);
      }),
      { numRuns: 400 },
    );
  });

  it('never fails a rule when whole parts are arbitrary JSON', () => {
    const part = fc.jsonValue({ maxDepth: 4 });
    fc.assert(
      fc.property(part, part, part, part, (matter, formSchema, formUi, workflow) => {
        const bundle = {
          format: base.format,
          matter,
          formSchema,
          formUi,
          workflow,
          templates: base.templates,
        };
        expect(internalErrors(bundle)).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });
});
