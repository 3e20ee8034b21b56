import { type FormSchemaAnalysis, analyzeFormSchema } from '../analysis/form-schema-analysis';
import { keyPosition } from '../analysis/key-position';
import type { LintRule, RuleContext } from '../lint-rule';

function reportFrom(select: (analysis: FormSchemaAnalysis) => FormSchemaAnalysis['invalid']) {
  return (context: RuleContext) => {
    const part = context.part('formSchema');
    if (!part) return;
    for (const problem of select(analyzeFormSchema(part.value))) {
      const position = problem.atKey ? keyPosition(context, part, problem.pointer) : undefined;
      context.report(part, { pointer: problem.pointer, message: problem.message, position });
    }
  };
}

export const formSchemaInvalidRule: LintRule = {
  id: 'form-schema-invalid',
  severity: 'error',
  explain:
    'The form schema must be draft-07 JSON Schema that strict ajv compiles: no unknown keywords or formats, "type" declared for type-specific keywords, full tuples; fix the keyword at the pointer.',
  check: reportFrom((analysis) => analysis.invalid),
};

export const formSchemaCircularRefRule: LintRule = {
  id: 'form-schema-circular-ref',
  severity: 'error',
  explain:
    'A $ref chain that comes back to itself without going into a property or item never ends validating; make one link point at a real schema, or recurse through properties/items.',
  check: reportFrom((analysis) => analysis.circularRefs),
};

export const formSchemaUnresolvedRefRule: LintRule = {
  id: 'form-schema-unresolved-ref',
  severity: 'error',
  explain:
    'A $ref must name a schema inside the form schema, such as "#/definitions/address"; fix the path or add the definition.',
  check: reportFrom((analysis) => analysis.unresolvedRefs),
};

export const formRequiredUnknownRule: LintRule = {
  id: 'form-required-unknown',
  severity: 'error',
  explain:
    '"required" may only name properties declared in "properties" beside it (or around it, for if/then/allOf); fix the spelling or declare the property.',
  check: reportFrom((analysis) => analysis.requiredUnknown),
};
