import { useMemo } from 'react';
import type { ApplicationDetail } from '../application/application-api';
import { localized, useI18n } from '../i18n/i18n';
import { AnswerList } from './answer-list';
import { answerGroups } from './answer-rows';
import type { FormEditor } from './form-editor';
import { answerWords } from './validation-words';

/**
 * Check your answers: every answer by step with a way back to change it, then the submit
 * (labelled as the workflow labels it: 提交申请, or 提交补正 for a correction).
 */
export function CheckStep({
  editor,
  application,
}: {
  editor: FormEditor;
  application: ApplicationDetail;
}) {
  const { t, locale } = useI18n();
  const { form } = editor;
  const groups = useMemo(
    () =>
      answerGroups(
        form.resolve,
        form.schema,
        form.uiSchema,
        form.steps,
        editor.data.current,
        answerWords(t),
      ),
    [form, editor.data, t],
  );
  const action = application.actions.find((candidate) => candidate.validateForm);
  const change = (stepIndex: number, pointer?: string) => {
    if (pointer) editor.goToField(pointer);
    else editor.moveTo(stepIndex);
  };
  return (
    <div className="check-answers">
      <p className="check-intro">{t('form.check.intro')}</p>
      <AnswerList
        applicationId={application.id}
        groups={groups}
        onChange={change}
        headingLevel={3}
      />
      <div className="step-buttons">
        <button type="button" className="button button-secondary" onClick={editor.previous}>
          {t('common.previous')}
        </button>
        <button
          type="button"
          className="button button-primary"
          onClick={() => void editor.submit()}
          disabled={editor.submitting || !action}
          aria-describedby="submit-note"
        >
          {editor.submitting
            ? t('form.submit.sending')
            : action
              ? localized(action.label, locale)
              : t('common.submit')}
        </button>
      </div>
      <p id="submit-note" className="hint">
        {t('form.submit.note')}
      </p>
    </div>
  );
}
