import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { MatterBundle } from '../matter-definition';
import { type LoadedDefinition, loadDefinition } from '../source/loaded-definition';

const baseFolder = join(__dirname, '../../examples/broken/valid-base');

/** The clean base definition of the broken corpus as a bundle object, for tests to break. */
export function baseBundle(): MatterBundle {
  const read = (file: string) => JSON.parse(readFileSync(join(baseFolder, file), 'utf8'));
  const templates: Record<string, string> = {};
  for (const file of readdirSync(join(baseFolder, 'templates'))) {
    templates[file.replace(/\.hbs$/, '')] = readFileSync(
      join(baseFolder, 'templates', file),
      'utf8',
    );
  }
  return {
    format: 'matterflow-bundle/1',
    matter: read('matter.json'),
    formSchema: read('form.schema.json'),
    formUi: read('form.ui.json'),
    workflow: read('workflow.json'),
    templates,
  };
}

/** Loads any value as if it were the text of a bundle file named test.bundle.json. */
export function loadBundleValue(bundle: unknown): LoadedDefinition {
  const text = JSON.stringify(bundle, null, 2);
  return loadDefinition({ kind: 'bundle', origin: 'test.bundle.json', text: { ok: true, text } });
}
