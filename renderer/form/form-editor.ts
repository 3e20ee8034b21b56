import { type RefObject, useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { ApiError } from '../api/api-client';
import { navigate } from '../app/router';
import {
  type ApplicationDetail,
  type Matter,
  sendApplicationEvent,
} from '../application/application-api';
import { useI18n } from '../i18n/i18n';
import { validateAnswers } from './answer-validation';
import { type DraftSaver, useDraftSaver } from './draft-saver';
import { type FieldError, distinct, errorsAfterBlur, errorsFromDetails } from './form-errors';
import { type SchemaNode, stepData, stepOfPointer, withStepData } from './form-steps';
import { focusField } from './focus-field';
import { type MatterForm, buildMatterForm, initialAnswers } from './matter-form';
import { usePageWords } from './validation-words';

/** Why the page reloads the application. */
export type ReloadReason = 'conflict' | 'notEditable';

/** What to focus once the page has drawn the step it moved to. */
type Focus = { kind: 'heading' } | { kind: 'summary' } | { kind: 'field'; pointer: string };

export interface FormEditor {
  form: MatterForm;
  saver: DraftSaver;
  step: number;
  /** The index of the check page: one past the last step. */
  checkStep: number;
  errors: FieldError[];
  data: { current: SchemaNode };
  submitting: boolean;
  problem: string | null;
  headingRef: RefObject<HTMLHeadingElement | null>;
  summaryRef: RefObject<HTMLDivElement | null>;
  changeData(part: SchemaNode): void;
  leaveField(id: string): void;
  next(): void;
  previous(): void;
  moveTo(index: number): void;
  goToField(pointer: string): void;
  submit(): Promise<void>;
}

/**
 * The state and moves of the form page: which step is open, the answers (kept outside React so
 * typing redraws only rjsf's step), the errors from the browser's checks and the server's
 * refusals, the draft saving, and the submit with the event the workflow takes.
 */
export function useFormEditor(
  application: ApplicationDetail,
  matter: Matter,
  startAtCheck: boolean,
  onReload: (reason: ReloadReason) => void,
): FormEditor {
  const { t, locale } = useI18n();
  const words = usePageWords(t);
  const form = useMemo(() => buildMatterForm(matter, locale), [matter, locale]);
  const data = useRef<SchemaNode>(initialAnswers(form, application.data));
  const checkStep = form.steps.length;
  const [step, setStep] = useState(() => firstStep(form, application, startAtCheck));
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [submitting, setSubmitting] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [focus, setFocus] = useState<Focus | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const visited = useRef(new Set<string>());
  const stepRef = useRef(step);
  stepRef.current = step;
  const saver = useDraftSaver(application, {
    onConflict: () => onReload('conflict'),
    onNotEditable: () => onReload('notEditable'),
  });

  const { schedule, flush } = saver;

  const validateStep = useCallback(
    (index: number) => {
      const step = form.steps[index];
      if (!step)
        return validateAnswers(form.validator, form.schema, data.current, words.validation);
      const part = stepData(data.current, step);
      return validateAnswers(form.validator, form.stepSchemas[index] ?? {}, part, words.validation);
    },
    [form, words],
  );

  // Before paint, in the same frame as the summary or step appears: a screen reader (or a test)
  // never sees the new content without the focus on it.
  useLayoutEffect(() => {
    if (!focus) return;
    if (focus.kind === 'summary') summaryRef.current?.focus();
    else if (focus.kind === 'heading') headingRef.current?.focus();
    else if (!focusField(focus.pointer)) headingRef.current?.focus();
    setFocus(null);
  }, [focus]);

  const changeData = useCallback(
    (part: SchemaNode) => {
      const current = form.steps[stepRef.current];
      if (!current) return;
      data.current = withStepData(data.current, current, part);
      schedule(data.current);
    },
    [form, schedule],
  );

  const leaveField = useCallback(
    (id: string) => {
      visited.current.add(id);
      const index = stepRef.current;
      const fields = form.steps[index]?.fields ?? [];
      const fresh = validateStep(index);
      setErrors((current) =>
        sameErrors(current, errorsAfterBlur(current, fresh, fields, visited.current)),
      );
    },
    [form, validateStep],
  );

  const moveTo = useCallback(
    (index: number, then: Focus = { kind: 'heading' }) => {
      void flush();
      if (index === checkStep) setErrors(validateStep(checkStep));
      setStep(index);
      setFocus(then);
    },
    [flush, checkStep, validateStep],
  );

  const next = useCallback(() => {
    const index = stepRef.current;
    const fresh = validateStep(index);
    setErrors((current) => replaceStepErrors(current, fresh, form, index));
    if (fresh.length > 0) setFocus({ kind: 'summary' });
    else moveTo(index + 1);
  }, [form, validateStep, moveTo]);

  const previous = useCallback(() => moveTo(Math.max(0, stepRef.current - 1)), [moveTo]);

  const goToField = useCallback(
    (pointer: string) => {
      const target = stepOfPointer(form.steps, pointer);
      if (target === stepRef.current) focusField(pointer);
      else moveTo(target, { kind: 'field', pointer });
    },
    [form, moveTo],
  );

  const submit = async () => {
    const found = validateStep(checkStep);
    setErrors(found);
    if (found.length > 0) return setFocus({ kind: 'summary' });
    const action = application.actions.find((candidate) => candidate.validateForm);
    if (!action) return setProblem(t('form.submit.notAllowed'));
    setSubmitting(true);
    setProblem(null);
    try {
      if (!(await saver.flush()))
        throw new ApiError(0, 'draft_not_saved', t('form.save.failedSubmit'));
      await sendApplicationEvent(application.id, { type: action.type, version: saver.version() });
      navigate(`/applications/${encodeURIComponent(application.id)}/submitted`);
    } catch (error) {
      refused(error);
    } finally {
      setSubmitting(false);
    }
  };

  const refused = (error: unknown) => {
    if (error instanceof ApiError && error.status === 422 && error.details.length > 0) {
      setErrors(errorsFromDetails(error.details));
      setFocus({ kind: 'summary' });
    } else if (error instanceof ApiError && error.code === 'version_conflict') {
      onReload('conflict');
    } else {
      setProblem(error instanceof Error ? error.message : String(error));
    }
  };

  return {
    form,
    saver,
    step,
    checkStep,
    errors,
    data,
    submitting,
    problem,
    headingRef,
    summaryRef,
    changeData,
    leaveField,
    next,
    previous,
    moveTo,
    goToField,
    submit,
  };
}

/** The check page when asked; else the step of the first correction asked for; else the first. */
function firstStep(form: MatterForm, application: ApplicationDetail, startAtCheck: boolean) {
  if (startAtCheck) return form.steps.length;
  const first = application.category === 'correction' ? application.corrections?.items[0] : null;
  return first ? stepOfPointer(form.steps, first.pointer) : 0;
}

/** The errors with those of one step replaced by a fresh check of it. */
function replaceStepErrors(
  current: readonly FieldError[],
  fresh: readonly FieldError[],
  form: MatterForm,
  index: number,
): FieldError[] {
  const others = current.filter((error) => stepOfPointer(form.steps, error.pointer) !== index);
  return distinct([...fresh, ...others]);
}

/** The current list when nothing changed, so React skips redrawing the step. */
function sameErrors(current: FieldError[], next: FieldError[]): FieldError[] {
  return JSON.stringify(current) === JSON.stringify(next) ? current : next;
}
