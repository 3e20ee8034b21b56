import Form from '@rjsf/core';
import type { ErrorSchema, RegistryFieldsType } from '@rjsf/utils';
import { type FocusEvent, memo, useMemo, useRef } from 'react';
import { useI18n } from '../i18n/i18n';
import type { FormPageContext } from './form-context';
import { formTemplates } from './form-templates';
import type { FormValidator } from './form-validator';
import type { SchemaNode } from './form-steps';
import { fieldIdPrefix, fieldIdSeparator } from './field-pointer';
import { MaterialField } from './material-field';
import { defaultsBehavior, materialFieldName } from './matter-form';
import { rjsfTranslator } from './rjsf-strings';

const fields = { [materialFieldName]: MaterialField } as unknown as RegistryFieldsType;

export interface StepFormProps {
  schema: SchemaNode;
  uiSchema: SchemaNode;
  validator: FormValidator;
  /** The step's answers when it opens; the form keeps its own state from then on. */
  initialData: SchemaNode;
  errors: ErrorSchema;
  context: FormPageContext;
  onChange(data: SchemaNode): void;
  onBlur(id: string): void;
  onNext(): void;
  onPrevious?(): void;
  nextLabel: string;
}

/**
 * One step of the form, drawn by rjsf. It validates nothing itself (no live validation, no
 * HTML5 checks): the page checks a field when it is left and the step when the person moves on,
 * and hands the errors back as `extraErrors`. Memoized, so that the page's own updates (the
 * "saved at" line) do not redraw the fields while someone types.
 */
export const StepForm = memo(function StepForm(props: StepFormProps) {
  const { t } = useI18n();
  const translate = useMemo(() => rjsfTranslator(t), [t]);
  const movingOn = useRef(false);
  // Leaving a field for the step's own buttons checks nothing: the errors it would show move the
  // buttons down under the pointer between press and release, and the click is lost. Next checks
  // the whole step anyway.
  const noteTarget = (event: FocusEvent) => {
    const target = event.relatedTarget;
    movingOn.current = target instanceof Element && target.closest('.step-buttons') !== null;
  };
  return (
    <div onBlurCapture={noteTarget}>
      <Form
        schema={props.schema}
        uiSchema={props.uiSchema}
        validator={props.validator}
        initialFormData={props.initialData}
        extraErrors={props.errors}
        formContext={props.context}
        fields={fields}
        templates={formTemplates}
        translateString={translate}
        idPrefix={fieldIdPrefix}
        idSeparator={fieldIdSeparator}
        experimental_defaultFormStateBehavior={defaultsBehavior}
        onChange={(event) => props.onChange((event.formData ?? {}) as SchemaNode)}
        onBlur={(id) => movingOn.current || props.onBlur(id)}
        onSubmit={() => props.onNext()}
        showErrorList={false}
        noHtml5Validate
        noValidate
        className="step-form"
      >
        <div className="step-buttons">
          {props.onPrevious ? (
            <button type="button" className="button button-secondary" onClick={props.onPrevious}>
              {t('common.previous')}
            </button>
          ) : null}
          <button type="submit" className="button button-primary">
            {props.nextLabel}
          </button>
        </div>
      </Form>
    </div>
  );
});
