import { findMaterialFields } from '../../form/material-fields';
import type { FormSchema } from '../../matter-definition';
import { joinPointer } from '../../source/json-pointer';
import { isObject } from '../../source/loaded-definition';
import { matterMaterials } from '../analysis/matter-facts';
import type { LintRule, RuleContext } from '../lint-rule';

function materialFields(context: RuleContext) {
  const schema = context.part('formSchema')?.value;
  return isObject(schema) ? findMaterialFields(schema as FormSchema) : [];
}

export const materialNotAskedRule: LintRule = {
  id: 'material-not-asked',
  severity: 'error',
  explain:
    'Every material in matter.json must be asked for by a form field {"title": ..., "material": "ID"}, or the applicant has no way to upload it; add the field or remove the material.',
  check(context) {
    const matter = context.part('matter');
    if (!matter || !context.part('formSchema')) return;
    const asked = new Set(materialFields(context).map((field) => field.materialId));
    for (const material of matterMaterials(context)) {
      if (asked.has(material.id)) continue;
      const pointer = joinPointer('/materials', material.index, 'id');
      const message = `material "${material.id}" is asked for by no form field ("material": "${material.id}")`;
      context.report(matter, { pointer, message });
    }
  },
};

export const materialUnknownRule: LintRule = {
  id: 'material-unknown',
  severity: 'error',
  explain:
    'A form field with "material": "ID" must name a material declared in matter.json "materials" (which gives its title, size and type limits); fix the id or declare the material.',
  check(context) {
    const schema = context.part('formSchema');
    if (!schema || !context.part('matter')) return;
    const declared = new Set(matterMaterials(context).map((material) => material.id));
    for (const field of materialFields(context)) {
      if (declared.has(field.materialId)) continue;
      const pointer = joinPointer(field.pointer, 'material');
      const message = `field asks for material "${field.materialId}", which matter.json does not declare`;
      context.report(schema, { pointer, message });
    }
  },
};
