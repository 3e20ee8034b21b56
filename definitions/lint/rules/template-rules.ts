import type { LoadedTemplate } from '../../source/loaded-definition';
import { schemaResolver } from '../analysis/form-schema-lookup';
import { parseTemplate, templatePosition } from '../analysis/template-parse';
import {
  type TemplatePathProblem,
  templatePathProblems,
  templateRoots,
} from '../analysis/template-paths';
import type { LintRule, RuleContext } from '../lint-rule';

export const templateSyntaxRule: LintRule = {
  id: 'template-syntax',
  severity: 'error',
  explain:
    'Templates are Handlebars: every {{#block}} needs its {{/block}} and every mustache its closing braces; fix the syntax at the line given.',
  check(context) {
    for (const template of context.definition.templates) {
      const parsed = parseTemplate(template);
      if (parsed.ok) continue;
      const position = templatePosition(context, template, parsed);
      const message = `template "${template.name}" does not compile: ${parsed.message}`;
      context.report(template, { pointer: '', message, position });
    }
  },
};

const pathProblems = new WeakMap<LoadedTemplate, TemplatePathProblem[]>();

function problemsOf(context: RuleContext, template: LoadedTemplate): TemplatePathProblem[] {
  let problems = pathProblems.get(template);
  if (problems) return problems;
  const parsed = parseTemplate(template);
  const schema = context.part('formSchema')?.value;
  problems = parsed.ok ? templatePathProblems(parsed.program, schema, schemaResolver(schema)) : [];
  pathProblems.set(template, problems);
  return problems;
}

function reportPaths(kind: TemplatePathProblem['kind']) {
  return (context: RuleContext) => {
    if (!context.part('formSchema')) return;
    for (const template of context.definition.templates) {
      for (const problem of problemsOf(context, template)) {
        if (problem.kind !== kind) continue;
        const position = templatePosition(context, template, problem);
        context.report(template, {
          pointer: '',
          message: `template "${template.name}": ${problem.message}`,
          position,
        });
      }
    }
  };
}

export const templateUnknownFieldRule: LintRule = {
  id: 'template-unknown-field',
  severity: 'error',
  explain:
    'A template path data.X.Y (or a bare path inside {{#each data.list}} / {{#with data.obj}}) must exist in the form schema, or it renders empty; fix the path.',
  check: reportPaths('unknown-field'),
};

export const templateUnknownVariableRule: LintRule = {
  id: 'template-unknown-variable',
  severity: 'warning',
  explain: `Templates see ${templateRoots.join(', ')}; any other top-level name renders empty, so check the spelling.`,
  check: reportPaths('unknown-variable'),
};
