import { useState } from 'react';
import { apiDelete } from '../api/api-client';
import { LoadState } from '../app/load-state';
import { useApiData } from '../app/use-api-data';
import { localized, useI18n } from '../i18n/i18n';
import { formatFileSize } from '../desk/file-size';
import { AdminPage } from './admin-page';
import { CategorySettingsForm } from './category-settings-form';
import { type DownloadCategory, bilingual, emptyText } from './content-shapes';
import { DownloadUploadForm } from './download-upload-form';
import { SaveNotice, useSave } from './save-state';

/**
 * `/admin/content/downloads`: the downloads page's categories (title, order, new ones) and their
 * files (upload, remove).
 */
export function DownloadsEditorPage() {
  const { t } = useI18n();
  const downloads = useApiData<{ categories: DownloadCategory[] }>('/api/content/downloads');
  return (
    <AdminPage title={t('admin.downloads.title')}>
      <LoadState state={downloads}>
        {({ categories }) => (
          <>
            {categories.length > 0 && (
              <DownloadUploadForm categories={categories} onUploaded={downloads.reload} />
            )}
            {categories.map((category) => (
              <DownloadCategorySection
                key={category.id}
                category={category}
                onChanged={downloads.reload}
              />
            ))}
            <CategorySettingsForm
              id="new-download-category"
              pathOfNew={(id) => `/api/admin/content/download-categories/${encodeURIComponent(id)}`}
              initial={{ title: emptyText(), order: categories.length + 1 }}
              legend={t('admin.downloads.newCategory')}
              onSaved={downloads.reload}
            />
          </>
        )}
      </LoadState>
    </AdminPage>
  );
}

function DownloadCategorySection(props: { category: DownloadCategory; onChanged(): void }) {
  const { t, locale } = useI18n();
  const { category } = props;
  const removal = useSave();
  const remove = async (fileId: string) => {
    const path = `/api/admin/content/downloads/${encodeURIComponent(fileId)}`;
    if (await removal.run(() => apiDelete(path))) props.onChanged();
  };
  const headingId = `download-category-${category.id}`;
  return (
    <section className="admin-card" aria-labelledby={headingId}>
      <h2 id={headingId}>
        {localized(category.title, locale)} <code>{category.id}</code>
      </h2>
      <SaveNotice state={removal.state} savedText={t('admin.downloads.removed')} />
      {category.files.length === 0 ? (
        <p>{t('admin.downloads.noFiles')}</p>
      ) : (
        <div className="table-scroll">
          <table>
            <caption className="visually-hidden">
              {t('admin.downloads.filesOf', { category: localized(category.title, locale) })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('admin.downloads.fileTitle')}</th>
                <th scope="col">{t('admin.downloads.fileName')}</th>
                <th scope="col">{t('admin.downloads.size')}</th>
                <th scope="col">{t('admin.matters.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {category.files.map((file) => (
                <FileRow key={file.id} file={file} onRemove={() => void remove(file.id)} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <CategorySettingsForm
        id={`${headingId}-form`}
        path={`/api/admin/content/download-categories/${encodeURIComponent(category.id)}`}
        initial={{ title: bilingual(category.title), order: category.order }}
        legend={t('admin.downloads.categorySettings')}
        onSaved={props.onChanged}
      />
    </section>
  );
}

function FileRow(props: { file: DownloadCategory['files'][number]; onRemove(): void }) {
  const { t, locale } = useI18n();
  const [confirming, setConfirming] = useState(false);
  const { file } = props;
  const title = localized(file.title, locale);
  return (
    <tr>
      <th scope="row">
        <a href={`/api/content/downloads/${encodeURIComponent(file.id)}`}>{title}</a>
      </th>
      <td>{file.name}</td>
      <td>{formatFileSize(file.size)}</td>
      <td>
        {confirming ? (
          <span className="button-row-inline">
            <button type="button" className="button-danger" onClick={props.onRemove}>
              {t('admin.downloads.confirmRemove', { file: title })}
            </button>
            <button type="button" className="button" onClick={() => setConfirming(false)}>
              {t('common.cancel')}
            </button>
          </span>
        ) : (
          <button
            type="button"
            className="button-danger"
            aria-label={t('admin.downloads.removeNamed', { file: title })}
            onClick={() => setConfirming(true)}
          >
            {t('admin.downloads.remove')}
          </button>
        )}
      </td>
    </tr>
  );
}
