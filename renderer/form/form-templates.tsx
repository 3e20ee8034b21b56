import { getDefaultRegistry } from '@rjsf/core';
import {
  type FieldErrorProps,
  type FieldTemplateProps,
  type IconButtonProps,
  TranslatableString,
  errorId,
} from '@rjsf/utils';
import type { FormPageContext } from './form-context';

const defaults = getDefaultRegistry().templates;
const DefaultFieldTemplate = defaults.FieldTemplate;

/**
 * rjsf's field template, with the officer's correction reasons above a field named in the
 * correction request, so the person sees which answers to change and why.
 */
function CorrectionAwareFieldTemplate(props: FieldTemplateProps) {
  const context = props.registry.formContext as FormPageContext | undefined;
  const reasons = context?.corrections.get(props.id);
  if (!reasons || !context) return <DefaultFieldTemplate {...props} />;
  return (
    <div className="field-correction">
      <div className="field-correction-note" id={`${props.id}__correction`}>
        <strong>{context.t('form.correction.fieldNote')}</strong>
        <ul>
          {reasons.map((reason, index) => (
            <li key={index}>{reason}</li>
          ))}
        </ul>
      </div>
      <DefaultFieldTemplate {...props} />
    </div>
  );
}

/** The field's errors in the portal's style; its id is the one inputs name in aria-describedby. */
function FieldErrorTemplate({ errors = [], fieldPathId }: FieldErrorProps) {
  const shown = errors.filter((error) => Boolean(error));
  if (shown.length === 0) return null;
  return (
    <ul id={errorId(fieldPathId)} className="field-error">
      {shown.map((error, index) => (
        <li key={index}>{error}</li>
      ))}
    </ul>
  );
}

/** A text button in place of rjsf's icon buttons, which need Bootstrap's icon font. */
function textButton(label: TranslatableString, extraClass = '') {
  return function TextButton(props: IconButtonProps) {
    const { id, onClick, disabled, style, className, registry } = props;
    const classes = ['button', 'button-small', extraClass, className].filter(Boolean).join(' ');
    return (
      <button
        type="button"
        id={id}
        onClick={onClick}
        disabled={disabled}
        style={style}
        className={classes}
      >
        {registry.translateString(label)}
      </button>
    );
  };
}

/** The templates of the form page: rjsf's, with the changes above. */
export const formTemplates = {
  FieldTemplate: CorrectionAwareFieldTemplate,
  FieldErrorTemplate,
  ButtonTemplates: {
    AddButton: textButton(TranslatableString.AddItemButton, 'button-secondary'),
    CopyButton: textButton(TranslatableString.CopyButton),
    MoveDownButton: textButton(TranslatableString.MoveDownButton),
    MoveUpButton: textButton(TranslatableString.MoveUpButton),
    RemoveButton: textButton(TranslatableString.RemoveButton, 'button-danger'),
    ClearButton: textButton(TranslatableString.ClearButton),
  },
};
