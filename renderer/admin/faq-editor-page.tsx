import { type FormEvent, useState } from 'react';
import { apiPut } from '../api/api-client';
import { ErrorSummary, type FieldProblem } from '../app/error-summary';
import { LoadState } from '../app/load-state';
import { useApiData } from '../app/use-api-data';
import { type Translate, useI18n } from '../i18n/i18n';
import { AdminPage } from './admin-page';
import { BilingualFields } from './bilingual-fields';
import { type FaqItem, bilingual } from './content-shapes';
import {
  type FaqProblem,
  addFaqItem,
  faqBody,
  faqProblems,
  moveFaqItem,
  removeFaqItem,
} from './faq-draft';
import { SaveNotice, useSave } from './save-state';

/** `/admin/content/faq`: the FAQ page's questions and answers, edited and saved as a whole. */
export function FaqEditorPage() {
  const { t } = useI18n();
  const faq = useApiData<{ items: FaqItem[] }>('/api/content/faq');
  return (
    <AdminPage title={t('admin.faq.title')}>
      <LoadState state={faq}>
        {(loaded) => <FaqEditor initial={loaded.items.map(cleanItem)} onSaved={faq.reload} />}
      </LoadState>
    </AdminPage>
  );
}

function FaqEditor(props: { initial: FaqItem[]; onSaved(): void }) {
  const { t } = useI18n();
  const [items, setItems] = useState(props.initial);
  const [problems, setProblems] = useState<FaqProblem[]>([]);
  const save = useSave();
  const update = (next: FaqItem[]) => {
    setItems(next);
    save.reset();
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = faqProblems(items);
    setProblems(found);
    if (found.length > 0) return;
    if (await save.run(() => apiPut('/api/admin/content/faq', faqBody(items)))) props.onSaved();
  };
  return (
    <form noValidate onSubmit={(event) => void submit(event)}>
      <ErrorSummary problems={summaryOf(problems, t)} />
      <SaveNotice state={save.state} />
      {items.length === 0 && <p>{t('admin.faq.empty')}</p>}
      <ol className="faq-editor">
        {items.map((item, index) => (
          <li key={index}>
            <fieldset>
              <legend>{t('admin.faq.item', { number: index + 1 })}</legend>
              <BilingualFields
                id={`faq-${index}-question`}
                label={t('admin.faq.question')}
                value={item.question}
                errors={errorsOf(problems, index, 'question', t)}
                onChange={(question) => update(replace(items, index, { ...item, question }))}
              />
              <BilingualFields
                id={`faq-${index}-answer`}
                label={t('admin.faq.answer')}
                value={item.answer}
                multiline
                errors={errorsOf(problems, index, 'answer', t)}
                onChange={(answer) => update(replace(items, index, { ...item, answer }))}
              />
              <ItemButtons index={index} count={items.length} items={items} onChange={update} />
            </fieldset>
          </li>
        ))}
      </ol>
      <div className="button-row">
        <button type="button" className="button" onClick={() => update(addFaqItem(items))}>
          {t('admin.faq.add')}
        </button>
        <button type="submit" className="button-primary" disabled={save.state.kind === 'saving'}>
          {t('admin.faq.save')}
        </button>
      </div>
    </form>
  );
}

function ItemButtons(props: {
  index: number;
  count: number;
  items: FaqItem[];
  onChange(items: FaqItem[]): void;
}) {
  const { t } = useI18n();
  const { index, items } = props;
  const number = { number: index + 1 };
  return (
    <div className="button-row faq-item-buttons">
      <button
        type="button"
        className="button"
        disabled={index === 0}
        aria-label={t('admin.faq.moveUpNamed', number)}
        onClick={() => props.onChange(moveFaqItem(items, index, -1))}
      >
        {t('admin.faq.moveUp')}
      </button>
      <button
        type="button"
        className="button"
        disabled={index === props.count - 1}
        aria-label={t('admin.faq.moveDownNamed', number)}
        onClick={() => props.onChange(moveFaqItem(items, index, 1))}
      >
        {t('admin.faq.moveDown')}
      </button>
      <button
        type="button"
        className="button-danger"
        aria-label={t('admin.faq.removeNamed', number)}
        onClick={() => props.onChange(removeFaqItem(items, index))}
      >
        {t('admin.faq.remove')}
      </button>
    </div>
  );
}

function replace(items: FaqItem[], index: number, item: FaqItem): FaqItem[] {
  return items.map((current, i) => (i === index ? item : current));
}

function cleanItem(item: FaqItem): FaqItem {
  return { question: bilingual(item.question), answer: bilingual(item.answer) };
}

function errorsOf(problems: FaqProblem[], index: number, part: FaqProblem['part'], t: Translate) {
  const mine = problems.filter((p) => p.index === index && p.part === part);
  return Object.fromEntries(mine.map((p) => [p.language, t('admin.faq.blank')]));
}

function summaryOf(problems: FaqProblem[], t: Translate): FieldProblem[] {
  return problems.map((problem) => ({
    fieldId: `faq-${problem.index}-${problem.part}-${problem.language === 'en' ? 'en' : 'zh'}`,
    message: t(problem.part === 'question' ? 'admin.faq.questionBlank' : 'admin.faq.answerBlank', {
      number: problem.index + 1,
      language: t(problem.language === 'en' ? 'admin.field.english' : 'admin.field.chinese'),
    }),
  }));
}
