import { exampleMatter } from '../../test/support/example-matter';
import {
  errorsAfterBlur,
  errorsFromDetails,
  errorsOfStep,
  stepsWithErrors,
  toErrorSchema,
} from './form-errors';
import { formSteps } from './form-steps';

const steps = formSteps(exampleMatter().schema, exampleMatter().uiSchema);

describe('field errors', () => {
  it('become rjsf extraErrors under the path of each pointer', () => {
    const schema = toErrorSchema([
      { pointer: '/shareholders/1/idNumber', message: 'bad' },
      { pointer: '/shareholders/1/idNumber', message: 'bad' },
      { pointer: '/companyName', message: 'missing' },
      { pointer: '', message: 'whole' },
    ]);
    expect(schema).toEqual({
      __errors: ['whole'],
      shareholders: { 1: { idNumber: { __errors: ['bad'] } } },
      companyName: { __errors: ['missing'] },
    });
  });

  it('come from the server’s details once each', () => {
    const details = [
      { pointer: '/a', code: 'required', message: 'm' },
      { pointer: '/a', code: 'required', message: 'm' },
      { pointer: '/b', code: 'format', message: 'n' },
    ];
    expect(errorsFromDetails(details)).toEqual([
      { pointer: '/a', message: 'm' },
      { pointer: '/b', message: 'n' },
    ]);
  });

  it('belong to the step of their top field', () => {
    const errors = [
      { pointer: '/shareholders/0/name', message: 'a' },
      { pointer: '/declaration', message: 'b' },
      { pointer: '', message: 'c' },
    ];
    expect(errorsOfStep(errors, steps, 4)).toEqual([errors[0]]);
    expect(errorsOfStep(errors, steps, 0)).toEqual([errors[2]]);
    expect([...stepsWithErrors(errors, steps)].sort()).toEqual([0, 4, 7]);
  });
});

describe('errorsAfterBlur', () => {
  const fields = ['companyName', 'alternateNames', 'entityType', 'industryCode'];
  const fresh = [
    { pointer: '/companyName', message: 'too short' },
    { pointer: '/entityType', message: 'required' },
  ];

  it('shows the errors of fields left, not of fields not reached yet', () => {
    const after = errorsAfterBlur([], fresh, fields, new Set(['answer.companyName']));
    expect(after).toEqual([{ pointer: '/companyName', message: 'too short' }]);
  });

  it('updates errors already shown and drops those fixed, keeping other steps’ errors', () => {
    const current = [
      { pointer: '/entityType', message: 'old' },
      { pointer: '/industryCode', message: 'fixed now' },
      { pointer: '/declaration', message: 'other step' },
    ];
    const after = errorsAfterBlur(current, fresh, fields, new Set());
    expect(after).toEqual([
      { pointer: '/declaration', message: 'other step' },
      { pointer: '/entityType', message: 'required' },
    ]);
  });
});
