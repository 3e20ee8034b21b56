import { type FormEvent, useRef, useState } from 'react';
import { apiUpload } from '../api/api-client';
import { localized, useI18n } from '../i18n/i18n';
import { BilingualFields } from './bilingual-fields';
import { type BilingualText, type DownloadCategory, emptyText } from './content-shapes';
import { SaveNotice, useSave } from './save-state';

interface UploadErrors {
  category?: string;
  title?: Partial<BilingualText>;
  file?: string;
}

/** Adds a file to a category of the downloads page, with its title in both languages. */
export function DownloadUploadForm(props: { categories: DownloadCategory[]; onUploaded(): void }) {
  const { t, locale } = useI18n();
  const [category, setCategory] = useState(props.categories[0]?.id ?? '');
  const [title, setTitle] = useState<BilingualText>(emptyText());
  const [progress, setProgress] = useState<number | null>(null);
  const [errors, setErrors] = useState<UploadErrors>({});
  const fileInput = useRef<HTMLInputElement>(null);
  const save = useSave();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const file = fileInput.current?.files?.[0];
    const found = uploadErrors(category, title, file, t('admin.downloads.required'));
    setErrors(found);
    if (found.category || found.title || found.file || !file) return;
    const form = new FormData();
    form.set('category', category);
    form.set('title', title['zh-CN'].trim());
    form.set('titleEn', title.en.trim());
    form.set('file', file);
    setProgress(0);
    const uploaded = await save.run(() =>
      apiUpload('/api/admin/content/downloads', form, setProgress),
    );
    setProgress(null);
    if (!uploaded) return;
    setTitle(emptyText());
    if (fileInput.current) fileInput.current.value = '';
    props.onUploaded();
  };

  return (
    <form noValidate onSubmit={(event) => void submit(event)} className="admin-card">
      <fieldset>
        <legend>{t('admin.downloads.upload')}</legend>
        <div className={errors.category ? 'field field-invalid' : 'field'}>
          <label htmlFor="download-category">{t('admin.downloads.category')}</label>
          {errors.category && (
            <span className="field-error" id="download-category-error">
              {errors.category}
            </span>
          )}
          <select
            id="download-category"
            value={category}
            aria-invalid={errors.category ? true : undefined}
            aria-describedby={errors.category ? 'download-category-error' : undefined}
            onChange={(event) => setCategory(event.target.value)}
          >
            {props.categories.map((option) => (
              <option key={option.id} value={option.id}>
                {localized(option.title, locale)}
              </option>
            ))}
          </select>
        </div>
        <BilingualFields
          id="download-title"
          label={t('admin.downloads.fileTitle')}
          value={title}
          maxLength={200}
          errors={errors.title}
          onChange={setTitle}
        />
        <div className={errors.file ? 'field field-invalid' : 'field'}>
          <label htmlFor="download-file">
            {t('admin.downloads.file')}
            <span className="required-mark" aria-hidden="true">
              *
            </span>
          </label>
          {errors.file && (
            <span className="field-error" id="download-file-error">
              {errors.file}
            </span>
          )}
          <input
            type="file"
            id="download-file"
            ref={fileInput}
            aria-required
            aria-invalid={errors.file ? true : undefined}
            aria-describedby={errors.file ? 'download-file-error' : undefined}
          />
        </div>
        {progress !== null && (
          <progress max={1} value={progress} aria-label={t('admin.downloads.progress')} />
        )}
        <SaveNotice state={save.state} savedText={t('admin.downloads.uploaded')} />
        <button type="submit" className="button-primary" disabled={save.state.kind === 'saving'}>
          {t('admin.downloads.uploadButton')}
        </button>
      </fieldset>
    </form>
  );
}

function uploadErrors(
  category: string,
  title: BilingualText,
  file: File | undefined,
  required: string,
): UploadErrors {
  const titleErrors: Partial<BilingualText> = {};
  if (!title['zh-CN'].trim()) titleErrors['zh-CN'] = required;
  if (!title.en.trim()) titleErrors.en = required;
  return {
    category: category ? undefined : required,
    title: Object.keys(titleErrors).length > 0 ? titleErrors : undefined,
    file: file ? undefined : required,
  };
}
