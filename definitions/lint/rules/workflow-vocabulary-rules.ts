import type { ValidateFunction } from 'ajv';
import { joinPointer } from '../../source/json-pointer';
import { isObject } from '../../source/loaded-definition';
import { describeAjvErrors } from '../analysis/ajv-error-message';
import { checkGuardSchema } from '../analysis/guard-schema-check';
import { keyPosition } from '../analysis/key-position';
import { matterRoles, templateNames } from '../analysis/matter-facts';
import { metaSchemaValidators } from '../analysis/meta-schema-validators';
import { actionTypes, allGuards, guardTypes, knownType } from '../analysis/vocabulary';
import type { OutlineItem } from '../analysis/workflow-outline';
import { withWorkflow } from '../analysis/with-workflow';
import type { LintRule, RuleReport } from '../lint-rule';

export const workflowUnknownGuardRule: LintRule = {
  id: 'workflow-unknown-guard',
  severity: 'error',
  explain: `A guard is an object {"type", "params"} whose type the engine implements: ${guardTypes.join(', ')}; fix the type or express the condition with those.`,
  check: withWorkflow((context, { part, outline }) => {
    for (const guard of allGuards(outline)) {
      const report = unknownTypeReport(guard, 'guard', guardTypes);
      if (report) context.report(part, report);
    }
  }),
};

export const workflowUnknownActionRule: LintRule = {
  id: 'workflow-unknown-action',
  severity: 'error',
  explain: `An action is an object {"type", "params"} whose type the engine implements: ${actionTypes.join(', ')}; fix the type.`,
  check: withWorkflow((context, { part, outline }) => {
    for (const action of outline.actions) {
      const report = unknownTypeReport(action, 'action', actionTypes);
      if (report) context.report(part, report);
    }
  }),
};

function unknownTypeReport(
  item: OutlineItem,
  kind: 'guard' | 'action',
  known: readonly string[],
): RuleReport | undefined {
  if (!isObject(item.value)) {
    return { pointer: item.pointer, message: `a ${kind} must be an object {"type", "params"}` };
  }
  const type = item.value.type;
  if (type === undefined) return { pointer: item.pointer, message: `${kind} has no "type"` };
  if (typeof type === 'string' && known.includes(type)) return undefined;
  const message = `unknown ${kind} type ${JSON.stringify(type)} (known: ${known.join(', ')})`;
  return { pointer: joinPointer(item.pointer, 'type'), message };
}

export const workflowBadParamsRule: LintRule = {
  id: 'workflow-bad-params',
  severity: 'error',
  explain:
    'Each guard and action type takes fixed params (see workflow.schema.json or the README): a dataSatisfies schema must compile, actorHasRole must name a role of matter.json; fix the params at the pointer.',
  check: withWorkflow((context, { part, outline }) => {
    const validators = metaSchemaValidators();
    const roles = matterRoles(context);
    for (const guard of allGuards(outline)) {
      const type = knownType(guard, guardTypes);
      if (!type) continue;
      const reports = paramsReports(guard, validators.guardParams.get(type));
      if (reports.length === 0) reports.push(...guardMeaningReports(guard, type, roles));
      for (const report of reports) context.report(part, withKeyPosition(report));
    }
    for (const action of outline.actions) {
      const type = knownType(action, actionTypes);
      if (!type) continue;
      const reports = paramsReports(action, validators.actionParams.get(type));
      for (const report of reports) context.report(part, withKeyPosition(report));
    }

    function withKeyPosition(report: RuleReport & { atKey?: boolean }): RuleReport {
      const position = report.atKey ? keyPosition(context, part, report.pointer) : undefined;
      return { pointer: report.pointer, message: report.message, position };
    }
  }),
};

function paramsReports(
  item: OutlineItem,
  validate: ValidateFunction | undefined,
): (RuleReport & { atKey?: boolean })[] {
  const params = isObject(item.value) ? item.value.params : undefined;
  const type = isObject(item.value) ? String(item.value.type) : '';
  if (!validate) return [];
  if (params === undefined) return [{ pointer: item.pointer, message: `${type} needs "params"` }];
  if (validate(params)) return [];
  const paramsPointer = joinPointer(item.pointer, 'params');
  return describeAjvErrors(validate.errors ?? []).map((error) => ({
    pointer: paramsPointer + error.pointer,
    message: `${type} params: ${error.message}`,
    atKey: error.atKey,
  }));
}

function guardMeaningReports(item: OutlineItem, type: string, roles: string[]): RuleReport[] {
  const params = isObject(item.value) && isObject(item.value.params) ? item.value.params : {};
  const paramsPointer = joinPointer(item.pointer, 'params');
  if (type === 'actorHasRole' && typeof params.role === 'string' && !roles.includes(params.role)) {
    const message = `actorHasRole names role "${params.role}", which matter.json "roles" lacks`;
    return [{ pointer: joinPointer(paramsPointer, 'role'), message }];
  }
  if (type === 'dataSatisfies') {
    const problem = checkGuardSchema(params.schema);
    if (problem) {
      const message = `dataSatisfies schema does not compile: ${problem}`;
      return [{ pointer: joinPointer(paramsPointer, 'schema'), message }];
    }
  }
  return [];
}

export const workflowUnknownTemplateRule: LintRule = {
  id: 'workflow-unknown-template',
  severity: 'error',
  explain:
    'notify and issueDocument render templates/NAME.hbs (or "templates" of a bundle); "template" must name one that exists, without the .hbs extension.',
  check: withWorkflow((context, { part, outline }) => {
    const templates = templateNames(context);
    for (const action of outline.actions) {
      const type = knownType(action, ['notify', 'issueDocument']);
      const params = isObject(action.value) ? action.value.params : undefined;
      if (!type || !isObject(params) || typeof params.template !== 'string') continue;
      if (templates.has(params.template)) continue;
      const pointer = joinPointer(action.pointer, 'params', 'template');
      const message = `${type} names template "${params.template}", but there is no templates/${params.template}.hbs`;
      context.report(part, { pointer, message });
    }
  }),
};

export const workflowUnknownDeadlineRule: LintRule = {
  id: 'workflow-unknown-deadline',
  severity: 'warning',
  explain:
    'clearDeadline clears a deadline that a setDeadline action started; an id no setDeadline uses is probably misspelt.',
  check: withWorkflow((context, { part, outline }) => {
    const idsOf = (type: string) =>
      outline.actions.flatMap((action) => {
        if (knownType(action, [type]) === undefined || !isObject(action.value)) return [];
        const params = action.value.params;
        return isObject(params) && typeof params.id === 'string' ? [{ action, id: params.id }] : [];
      });
    const started = new Set(idsOf('setDeadline').map((entry) => entry.id));
    for (const { action, id } of idsOf('clearDeadline')) {
      if (started.has(id)) continue;
      const pointer = joinPointer(action.pointer, 'params', 'id');
      context.report(part, { pointer, message: `no setDeadline starts deadline "${id}"` });
    }
  }),
};
