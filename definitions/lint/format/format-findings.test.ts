import type { Finding } from '../finding';
import type { LintRule } from '../lint-rule';
import { formatFindings } from './format-findings';

const rules: LintRule[] = [
  { id: 'workflow-unknown-state', severity: 'error', explain: 'Targets must name states.' },
  { id: 'ui-step-missing-field', severity: 'warning', explain: 'Put every field in a step.' },
];

const findings: Finding[] = [
  {
    rule: 'workflow-unknown-state',
    severity: 'error',
    file: '/base/matters/dog/workflow.json',
    pointer: '/states/draft/on/SUBMIT/target',
    line: 12,
    column: 21,
    message: 'target "sent" is not a key of "states"',
  },
  {
    rule: 'ui-step-missing-field',
    severity: 'warning',
    file: '/base/matters/dog/form.ui.json',
    pointer: '/ui:steps',
    line: 2,
    column: 3,
    message: 'property "x" is in no step',
  },
];

describe('text format', () => {
  it('groups by file with place, severity, message, rule and pointer, then a summary', () => {
    const text = formatFindings('text', findings, rules, '/base');
    expect(text.split('\n')).toEqual([
      '/base/matters/dog/workflow.json',
      '  12:21  error    target "sent" is not a key of "states"  workflow-unknown-state  ' +
        '/states/draft/on/SUBMIT/target',
      '',
      '/base/matters/dog/form.ui.json',
      '  2:3  warning  property "x" is in no step  ui-step-missing-field  /ui:steps',
      '',
      '✖ 2 problems (1 error, 1 warning)',
      '',
    ]);
  });

  it('says nothing when there is nothing to say', () => {
    expect(formatFindings('text', [], rules, '/base')).toBe('');
  });
});

describe('json format', () => {
  it('is exactly {findings: [{rule, severity, file, pointer, line, column, message}]}', () => {
    const document = JSON.parse(formatFindings('json', findings, rules, '/base'));
    expect(Object.keys(document)).toEqual(['findings']);
    expect(Object.keys(document.findings[0])).toEqual([
      'rule',
      'severity',
      'file',
      'pointer',
      'line',
      'column',
      'message',
    ]);
    expect(document.findings).toEqual(findings);
  });
});

describe('sarif format', () => {
  const log = JSON.parse(formatFindings('sarif', findings, rules, '/base'));
  const run = log.runs[0];

  it('is a SARIF 2.1.0 log with one run of the matter tool', () => {
    expect(log.version).toBe('2.1.0');
    expect(log.runs).toHaveLength(1);
    expect(run.tool.driver.name).toBe('matter');
  });

  it('describes each rule with its explain line and default level', () => {
    expect(run.tool.driver.rules).toEqual([
      {
        id: 'workflow-unknown-state',
        shortDescription: { text: 'Targets must name states.' },
        defaultConfiguration: { level: 'error' },
      },
      {
        id: 'ui-step-missing-field',
        shortDescription: { text: 'Put every field in a step.' },
        defaultConfiguration: { level: 'warning' },
      },
    ]);
  });

  it('places each result by relative URI, line and column, and JSON pointer', () => {
    expect(run.results).toHaveLength(2);
    const [result] = run.results;
    expect(result).toMatchObject({
      ruleId: 'workflow-unknown-state',
      ruleIndex: 0,
      level: 'error',
      message: { text: 'target "sent" is not a key of "states"' },
      properties: { pointer: '/states/draft/on/SUBMIT/target' },
    });
    const location = result.locations[0];
    expect(location.physicalLocation).toEqual({
      artifactLocation: { uri: 'matters/dog/workflow.json' },
      region: { startLine: 12, startColumn: 21 },
    });
    expect(location.logicalLocations[0].fullyQualifiedName).toBe('/states/draft/on/SUBMIT/target');
  });

  it('only uses the levels SARIF knows', () => {
    for (const result of run.results) expect(['error', 'warning', 'note']).toContain(result.level);
  });
});
