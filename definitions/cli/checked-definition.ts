import { lintDefinitions } from '../lint/lint';
import type { MatterDefinition } from '../matter-definition';
import { definitionFromLoaded } from '../compiled-definition';
import { readDefinitionSource } from '../source/definition-source';
import { loadDefinition } from '../source/loaded-definition';
import type { CommandIo } from './cli-error';

/** How many lint errors to print before pointing at `matter lint` for the rest. */
const shownFindings = 10;

/**
 * Reads and lints the definition at `path` for a command that needs a sound one. Prints its
 * lint errors briefly and returns undefined when it has any; a path that cannot be read throws
 * DefinitionPathError (exit 2).
 */
export function readCheckedDefinition(
  path: string,
  command: string,
  io: CommandIo,
): MatterDefinition | undefined {
  const loaded = loadDefinition(readDefinitionSource(path));
  const errors = lintDefinitions([loaded]).filter((finding) => finding.severity === 'error');
  if (errors.length === 0) return definitionFromLoaded(loaded);
  const count = `${errors.length} lint error${errors.length === 1 ? '' : 's'}`;
  io.err(`matter ${command}: ${path} has ${count}; fix them first:`);
  for (const finding of errors.slice(0, shownFindings)) {
    io.err(
      `  ${finding.file}:${finding.line}:${finding.column}  ${finding.message}  ${finding.rule}`,
    );
  }
  if (errors.length > shownFindings) io.err(`  … and ${errors.length - shownFindings} more`);
  io.err(`Run \`matter lint ${path}\` for every finding.`);
  return undefined;
}
