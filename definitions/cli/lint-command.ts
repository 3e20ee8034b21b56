import { parseArgs } from 'node:util';
import { hasErrors } from '../lint/finding';
import { formatFindings, isOutputFormat, outputFormats } from '../lint/format/format-findings';
import { lintDefinitions } from '../lint/lint';
import { findRule, lintRules } from '../lint/rules';
import { discoverDefinitions, readDefinitionSource } from '../source/definition-source';
import { loadDefinition } from '../source/loaded-definition';
import { type CommandIo, UsageError, exitCodes } from './cli-error';

/**
 * `matter lint [--format text|json|sarif] [--explain RULE] PATH...`: lints every definition
 * under the paths together. Returns 0 when no finding is an error, 1 otherwise; usage problems
 * throw UsageError (or DefinitionPathError, or node's ERR_PARSE_ARGS) for exit code 2.
 */
export function lintCommand(args: string[], io: CommandIo): number {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    strict: true,
    options: { format: { type: 'string', default: 'text' }, explain: { type: 'string' } },
  });
  if (values.explain !== undefined) return explain(values.explain, io);
  const format = values.format;
  if (!isOutputFormat(format)) {
    throw new UsageError(`unknown format "${format}" (use ${outputFormats.join(', ')})`);
  }
  if (positionals.length === 0) throw new UsageError('lint needs at least one PATH');

  const origins = discoverDefinitions(positionals);
  if (origins.length === 0) {
    const where = positionals.join(', ');
    throw new UsageError(
      `no definition found in ${where}: need a folder with matter.json or a NAME.bundle.json file`,
    );
  }
  const definitions = origins.map((origin) => loadDefinition(readDefinitionSource(origin)));
  const findings = lintDefinitions(definitions);

  const output = formatFindings(format, findings, lintRules, process.cwd());
  if (output !== '') io.out(output);
  else if (format === 'text') io.out(`✔ ${definitions.length} definition(s), no problems`);
  return hasErrors(findings) ? exitCodes.findings : exitCodes.clean;
}

function explain(id: string, io: CommandIo): number {
  const rule = findRule(id);
  if (!rule) {
    const known = lintRules.map((each) => each.id).join(', ');
    throw new UsageError(`unknown rule "${id}"; rules: ${known}`);
  }
  io.out(`${rule.id} (${rule.severity})\n${rule.explain}`);
  return exitCodes.clean;
}
