/**
 * `npm run bench:definitions`: how long `matter lint` takes per definition, and how many
 * validations per second the compiled example form manages next to plain Ajv and rjsf's
 * validator. A benchmark to read, not a test: it prints figures and exits 0.
 */
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { customizeValidator } from '@rjsf/validator-ajv8';
import type { Material } from '../definitions/matter-definition';
import { loadDefinition } from '../definitions/source/loaded-definition';
import { lintDefinitions } from '../definitions/lint/lint';
import { compileForm } from '../definitions/form/form-validator';
import { domainFormats } from '../definitions/form/domain-formats';
import { type Bundle, generateVariant, readExampleBundle } from './definition-variants';
import {
  type Clock,
  type Contender,
  cpuMs,
  type RateResult,
  keepAlive,
  mean,
  measureRates,
  nowMs,
  percentile,
} from './timing';

const exampleFolder = join(
  __dirname,
  '..',
  'examples',
  'matters',
  'commercial-entity-establishment',
);
const definitionCount = 1000;
/** CPU time by default: on a shared machine it leaves out the time other processes take. */
const useWallClock = process.argv.includes('--wall');
const clock: Clock = useWallClock ? nowMs : cpuMs;
const clockName = useWallClock ? 'wall-clock time' : 'CPU time (--wall for wall-clock)';
const warmUpCount = 200;

function main(): void {
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}`;
  const load = loadavg()[0]?.toFixed(2);
  console.log(`node ${process.version}, ${machine}, load ${load}; timed by ${clockName}`);
  const base = readExampleBundle(exampleFolder);
  benchLint(base);
  benchValidation(base);
  keepAlive();
}

/* (a) lint time per definition */

function benchLint(base: Bundle): void {
  const warmUp = bundleTexts(base, definitionCount, warmUpCount);
  const measured = bundleTexts(base, 0, definitionCount);
  for (const [origin, text] of warmUp) lintOne(origin, text);
  const lintMs: number[] = [];
  const loadMs: number[] = [];
  let withErrors = 0;
  for (const [origin, text] of measured) {
    const result = lintOne(origin, text);
    lintMs.push(result.lintMs);
    loadMs.push(result.loadMs);
    if (result.errors > 0) withErrors++;
  }
  console.log(`\n(a) matter lint, ${definitionCount} generated definitions, warm, one core`);
  printTable(
    ['step', 'median ms', 'p95 ms', 'mean ms'],
    [timesRow('lintDefinitions', lintMs), timesRow('loadDefinition (parse)', loadMs)],
  );
  console.log(`target < 5 ms; definitions with error findings: ${withErrors}/${definitionCount}`);
}

function bundleTexts(base: Bundle, from: number, count: number): [string, string][] {
  return Array.from({ length: count }, (_, i) => {
    const n = from + i;
    return [`gen-${n}.bundle.json`, JSON.stringify(generateVariant(base, n), null, 2)];
  });
}

function lintOne(origin: string, text: string) {
  const start = clock();
  const loaded = loadDefinition({ kind: 'bundle', origin, text: { ok: true, text } });
  const loadedAt = clock();
  const findings = lintDefinitions([loaded]);
  const end = clock();
  const errors = findings.filter((finding) => finding.severity === 'error').length;
  return { loadMs: loadedAt - start, lintMs: end - loadedAt, errors };
}

function timesRow(name: string, values: number[]): string[] {
  const sorted = [...values].sort((a, b) => a - b);
  const format = (value: number) => value.toFixed(3);
  return [
    name,
    format(percentile(sorted, 0.5)),
    format(percentile(sorted, 0.95)),
    format(mean(values)),
  ];
}

/* (b) validations per second */

function benchValidation(base: Bundle): void {
  const materials = base.matter.materials as Material[];
  const valid: unknown = JSON.parse(
    readFileSync(join(exampleFolder, 'samples', 'valid.json'), 'utf8'),
  );
  const invalid = invalidVariant(valid);
  const form = compileForm(base.formSchema, materials);
  const plain = plainAjv().compile(form.schema);
  const rjsf = customizeValidator({ customFormats: domainFormatFunctions() });
  const rjsfSchema = form.schema as Record<string, unknown>;
  const invalidIssues = form.validate(invalid).length;
  if (form.validate(valid).length > 0 || !plain(valid)) throw new Error('the valid sample fails');

  const rows: string[][] = [];
  for (const [label, data] of [
    ['valid sample', valid],
    ['invalid sample', invalid],
  ] as const) {
    const contenders: Contender[] = [
      { name: 'ours: compileForm().validate', run: () => form.validate(data) },
      { name: 'plain ajv', run: () => plain(data) },
      { name: 'rjsf validateFormData', run: () => rjsf.validateFormData(data, rjsfSchema) },
    ];
    if (label === 'invalid sample') {
      contenders.push({ name: 'ours: compileForm().isValid', run: () => form.isValid(data) });
    }
    for (const result of measureRates(contenders, { baseline: 1, clock }))
      rows.push(rateRow(label, result));
  }
  console.log(
    '\n(b) validations per second, commercial-entity-establishment form (median of 31 rounds)',
  );
  printTable(['data', 'validator', 'ops/s', 'min..max ops/s', 'x plain ajv (paired)'], rows);
  console.log(
    `the invalid sample has ${invalidIssues} issues; ours builds each message in zh-CN and en`,
  );
}

function rateRow(label: string, result: RateResult): string[] {
  const round = (value: number) => Math.round(value).toLocaleString('en');
  return [
    label,
    result.name,
    round(result.opsPerSecond),
    `${round(result.range[0])}..${round(result.range[1])}`,
    result.ratioToBaseline.toFixed(2),
  ];
}

/** What a service would run without our layer: the same schema and formats, Ajv's defaults. */
function plainAjv(): Ajv {
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  for (const [name, validate] of Object.entries(domainFormatFunctions())) {
    ajv.addFormat(name, { type: 'string', validate });
  }
  return ajv;
}

function domainFormatFunctions(): Record<string, (text: string) => boolean> {
  return Object.fromEntries(
    domainFormats.map((format) => [
      format.name,
      (text: string) => format.check(text) === undefined,
    ]),
  );
}

/** The valid sample with several fields wrong: a bad credit code, a missing field, a wrong type. */
function invalidVariant(valid: unknown): unknown {
  const data = structuredClone(valid) as Record<string, unknown>;
  delete data.companyName;
  data.registeredCapital = '500';
  const shareholders = data.shareholders as Record<string, unknown>[];
  const company = shareholders.find((shareholder) => shareholder.kind === 'legal-person');
  if (company) company.idNumber = '91440300MA5H7K3Q69';
  const representative = data.legalRepresentative as Record<string, unknown>;
  representative.mobile = '1391234567';
  (data.address as Record<string, unknown>).postalCode = '9180570';
  return data;
}

function printTable(header: string[], rows: string[][]): void {
  const widths = header.map((title, i) =>
    Math.max(title.length, ...rows.map((row) => (row[i] ?? '').length)),
  );
  const line = (cells: string[]) => cells.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join('  ');
  console.log(line(header));
  console.log(line(widths.map((width) => '-'.repeat(width))));
  for (const row of rows) console.log(line(row));
}

main();
