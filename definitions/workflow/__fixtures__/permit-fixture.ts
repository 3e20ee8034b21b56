import { compileForm } from '../../form/form-validator';
import type { FormSchema, MatterManifest, WorkflowConfig } from '../../matter-definition';
import { type WorkflowActor, buildWorkflowMachine } from '../workflow-machine';
import formSchema from './permit/form.schema.json';
import matter from './permit/matter.json';
import sample from './permit/samples/valid.json';
import workflow from './permit/workflow.json';

/** The street stall permit of the tests: every guard, payload, timer and role in a few states. */
export const permit = {
  matter: matter as unknown as MatterManifest,
  formSchema: formSchema as FormSchema,
  workflow: workflow as unknown as WorkflowConfig,
  sample: sample as Record<string, unknown>,
};

export function permitForm() {
  return compileForm(permit.formSchema, permit.matter.materials);
}

export function permitMachine() {
  return buildWorkflowMachine(permit.workflow, permitForm());
}

export const actors = {
  applicant: { kind: 'applicant', id: 'u1' },
  officer: { kind: 'officer', id: 'o1' },
  reviewer: { kind: 'officer', roles: ['reviewer'], id: 'o2' },
  chief: { kind: 'officer', roles: ['chief'], id: 'o3' },
  admin: { kind: 'admin', id: 'a1' },
  system: { kind: 'system' },
} satisfies Record<string, WorkflowActor>;
