import { parseArgs } from 'node:util';
import { toDot, toMermaid } from '../workflow/workflow-graph';
import { readCheckedDefinition } from './checked-definition';
import { type CommandIo, UsageError, exitCodes } from './cli-error';

const formats = { mermaid: toMermaid, dot: toDot } as const;

/**
 * `matter graph PATH [--format mermaid|dot]`: prints the workflow as a Mermaid
 * `stateDiagram-v2` (default) or a Graphviz digraph. Exit 1 when the definition has lint errors.
 */
export function graphCommand(args: string[], io: CommandIo): number {
  const { values, positionals } = parseArgs({
    args,
    options: { format: { type: 'string', default: 'mermaid' } },
    allowPositionals: true,
    strict: true,
  });
  const path = onePath(positionals);
  const render = formatOf(values.format);
  const definition = readCheckedDefinition(path, 'graph', io);
  if (!definition) return exitCodes.findings;
  io.out(render(definition.workflow));
  return exitCodes.clean;
}

function onePath(positionals: string[]): string {
  const [path, ...rest] = positionals;
  if (path === undefined) throw new UsageError('graph needs the PATH of a matter folder or bundle');
  if (rest.length > 0) throw new UsageError(`graph takes one PATH, got ${positionals.length}`);
  return path;
}

function formatOf(format: string | undefined): (typeof formats)[keyof typeof formats] {
  if (format === 'mermaid' || format === 'dot') return formats[format];
  throw new UsageError(`unknown --format "${String(format)}"; use mermaid or dot`);
}
