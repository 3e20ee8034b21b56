import { type FormEvent, useState } from 'react';
import { apiPut } from '../api/api-client';
import { ErrorSummary, type FieldProblem } from '../app/error-summary';
import { LoadState } from '../app/load-state';
import { useApiData } from '../app/use-api-data';
import { useI18n } from '../i18n/i18n';
import { AdminPage } from './admin-page';
import { BilingualFields } from './bilingual-fields';
import { type IntroPage, bilingual } from './content-shapes';
import { SaveNotice, useSave } from './save-state';

/** `/admin/content/intro`: the business introduction's title and text (Markdown) in both languages. */
export function IntroEditorPage() {
  const { t } = useI18n();
  const intro = useApiData<IntroPage>('/api/content/intro');
  return (
    <AdminPage title={t('admin.intro.title')}>
      <LoadState state={intro}>
        {(loaded) => (
          <IntroEditor
            initial={{ title: bilingual(loaded.title), body: bilingual(loaded.body) }}
            onSaved={intro.reload}
          />
        )}
      </LoadState>
    </AdminPage>
  );
}

function IntroEditor(props: { initial: IntroPage; onSaved(): void }) {
  const { t } = useI18n();
  const [page, setPage] = useState(props.initial);
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const save = useSave();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const blank = (['zh-CN', 'en'] as const).filter((language) => !page.title[language].trim());
    const found = blank.map((language) => ({
      fieldId: `intro-title-${language === 'en' ? 'en' : 'zh'}`,
      message: t('admin.intro.titleBlank', {
        language: t(language === 'en' ? 'admin.field.english' : 'admin.field.chinese'),
      }),
    }));
    setProblems(found);
    if (found.length > 0) return;
    if (await save.run(() => apiPut('/api/admin/content/intro', page))) props.onSaved();
  };
  const titleErrors = Object.fromEntries(
    problems.map((p) => [p.fieldId.endsWith('-en') ? 'en' : 'zh-CN', p.message]),
  );
  return (
    <form noValidate onSubmit={(event) => void submit(event)}>
      <ErrorSummary problems={problems} />
      <SaveNotice state={save.state} />
      <BilingualFields
        id="intro-title"
        label={t('admin.intro.pageTitle')}
        value={page.title}
        maxLength={200}
        errors={titleErrors}
        onChange={(title) => setPage({ ...page, title })}
      />
      <p className="hint">{t('admin.intro.markdownHint')}</p>
      <BilingualFields
        id="intro-body"
        label={t('admin.intro.body')}
        value={page.body}
        multiline
        required={false}
        rows={14}
        maxLength={20000}
        onChange={(body) => setPage({ ...page, body })}
      />
      <div className="button-row">
        <button type="submit" className="button-primary" disabled={save.state.kind === 'saving'}>
          {t('admin.intro.save')}
        </button>
      </div>
    </form>
  );
}
