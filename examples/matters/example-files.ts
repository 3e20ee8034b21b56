import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { MatterDefinition } from '../../definitions/matter-definition';

/** The folder of the example matters. */
export const mattersFolder = __dirname;

/** An example matter's parts, read straight from its folder (for tests that bypass the loader). */
export function readDefinition(matter: string): MatterDefinition {
  const templatesFolder = join(mattersFolder, matter, 'templates');
  const templates = Object.fromEntries(
    readdirSync(templatesFolder).map((file) => [
      file.replace(/\.hbs$/, ''),
      readFileSync(join(templatesFolder, file), 'utf8'),
    ]),
  );
  return {
    matter: readJson(matter, 'matter.json') as MatterDefinition['matter'],
    formSchema: readJson(matter, 'form.schema.json') as MatterDefinition['formSchema'],
    formUi: readJson(matter, 'form.ui.json') as MatterDefinition['formUi'],
    workflow: readJson(matter, 'workflow.json') as MatterDefinition['workflow'],
    templates,
  };
}

/** A JSON file of an example matter, parsed. */
export function readJson(matter: string, file: string): unknown {
  return JSON.parse(readFileSync(join(mattersFolder, matter, file), 'utf8'));
}
