import type { LintRule } from '../lint-rule';

/**
 * Rules whose findings the loader produces while reading files; they are listed here so that
 * `--explain` knows them and every finding names a documented rule.
 */
export const loadRules: LintRule[] = [
  {
    id: 'json-syntax',
    severity: 'error',
    explain:
      'The file is not valid JSON (no comments or trailing commas), so nothing in it can be checked; fix the syntax at the position given.',
  },
  {
    id: 'json-too-deep',
    severity: 'error',
    explain:
      'Nesting this deep is refused before parsing so a hostile file cannot crash the tools; flatten the structure or use $ref.',
  },
  {
    id: 'file-too-large',
    severity: 'error',
    explain:
      'Definition files over the size limit are refused unread; split the form or move data out of the definition.',
  },
  {
    id: 'file-not-text',
    severity: 'error',
    explain:
      'Definition files must be UTF-8 text; the file looks binary, so replace it with the JSON or template it should be.',
  },
  {
    id: 'missing-part',
    severity: 'error',
    explain:
      'A definition needs matter.json, form.schema.json and workflow.json (form.ui.json is optional); add the missing part.',
  },
  {
    id: 'bundle-shape',
    severity: 'error',
    explain:
      'A bundle is one JSON object with "format": "matterflow-bundle/1", the parts matter, formSchema, formUi, workflow, and templates mapping names to text.',
  },
];
