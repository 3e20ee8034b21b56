import type { LintRule } from '../lint-rule';
import {
  formRequiredUnknownRule,
  formSchemaCircularRefRule,
  formSchemaInvalidRule,
  formSchemaUnresolvedRefRule,
} from './form-schema-rules';
import { loadRules } from './load-rules';
import { materialNotAskedRule, materialUnknownRule } from './material-rules';
import { matterSchemaRule, workflowSchemaRule } from './meta-schema-rules';
import { matterDuplicateIdRule, matterIdMismatchRule } from './matter-rules';
import {
  templateSyntaxRule,
  templateUnknownFieldRule,
  templateUnknownVariableRule,
} from './template-rules';
import {
  uiSchemaShapeRule,
  uiStepDuplicateFieldRule,
  uiStepMissingFieldRule,
  uiStepsShapeRule,
  uiUnknownFieldRule,
} from './ui-rules';
import {
  workflowDeadEndRule,
  workflowFinalStateEditsRule,
  workflowFinalStateTransitionsRule,
  workflowNoFinalStateRule,
  workflowStateMetaRule,
  workflowUnknownStateRule,
  workflowUnreachableStateRule,
} from './workflow-state-rules';
import { workflowBadDelayRule, workflowTransitionSenderRule } from './workflow-transition-rules';
import {
  workflowBadParamsRule,
  workflowUnknownActionRule,
  workflowUnknownDeadlineRule,
  workflowUnknownGuardRule,
  workflowUnknownTemplateRule,
} from './workflow-vocabulary-rules';

/** Every rule of `matter lint`, in the order their findings are explained. */
export const lintRules: LintRule[] = [
  ...loadRules,
  matterSchemaRule,
  matterDuplicateIdRule,
  matterIdMismatchRule,
  formSchemaInvalidRule,
  formSchemaCircularRefRule,
  formSchemaUnresolvedRefRule,
  formRequiredUnknownRule,
  materialNotAskedRule,
  materialUnknownRule,
  uiSchemaShapeRule,
  uiUnknownFieldRule,
  uiStepsShapeRule,
  uiStepDuplicateFieldRule,
  uiStepMissingFieldRule,
  workflowSchemaRule,
  workflowUnknownStateRule,
  workflowUnreachableStateRule,
  workflowDeadEndRule,
  workflowNoFinalStateRule,
  workflowFinalStateTransitionsRule,
  workflowFinalStateEditsRule,
  workflowStateMetaRule,
  workflowTransitionSenderRule,
  workflowBadDelayRule,
  workflowUnknownGuardRule,
  workflowUnknownActionRule,
  workflowBadParamsRule,
  workflowUnknownTemplateRule,
  workflowUnknownDeadlineRule,
  templateSyntaxRule,
  templateUnknownFieldRule,
  templateUnknownVariableRule,
];

export function findRule(id: string): LintRule | undefined {
  return lintRules.find((rule) => rule.id === id);
}
