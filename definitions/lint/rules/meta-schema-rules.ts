import type { ValidateFunction } from 'ajv';
import type { PartName } from '../../source/loaded-definition';
import { describeAjvErrors } from '../analysis/ajv-error-message';
import { keyPosition } from '../analysis/key-position';
import { metaSchemaValidators } from '../analysis/meta-schema-validators';
import { outlineWorkflow } from '../analysis/workflow-outline';
import type { LintRule, RuleContext } from '../lint-rule';

export const matterSchemaRule: LintRule = {
  id: 'matter-schema',
  severity: 'error',
  explain:
    'matter.json must follow definitions/schemas/matter.schema.json; point "$schema" at it so your editor shows the allowed properties, then fix the value at the pointer.',
  check(context) {
    checkAgainst(context, 'matter', metaSchemaValidators().matter, () => []);
  },
};

export const workflowSchemaRule: LintRule = {
  id: 'workflow-schema',
  severity: 'error',
  explain:
    'workflow.json must follow definitions/schemas/workflow.schema.json (flat states, meta on states and transitions); point "$schema" at it and fix the value at the pointer.',
  check(context) {
    // Guards and actions have their own rules with sharper messages.
    const vocabularyPointers = (value: unknown) => {
      const outline = outlineWorkflow(value);
      return [...outline.guards, ...outline.actions].map((item) => item.pointer);
    };
    checkAgainst(context, 'workflow', metaSchemaValidators().workflow, vocabularyPointers);
  },
};

function checkAgainst(
  context: RuleContext,
  name: PartName,
  validate: ValidateFunction,
  leftToOthers: (value: unknown) => string[],
): void {
  const part = context.part(name);
  if (!part || validate(part.value)) return;
  const skipped = leftToOthers(part.value);
  for (const error of describeAjvErrors(validate.errors ?? [])) {
    if (skipped.some((pointer) => isWithin(error.pointer, pointer))) continue;
    const position = error.atKey ? keyPosition(context, part, error.pointer) : undefined;
    context.report(part, { pointer: error.pointer, message: error.message, position });
  }
}

function isWithin(pointer: string, ancestor: string): boolean {
  return pointer === ancestor || pointer.startsWith(`${ancestor}/`);
}
