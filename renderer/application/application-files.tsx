import { localized, useI18n } from '../i18n/i18n';
import { formatFileSize } from '../form/material-rules';
import {
  type ApplicationDetail,
  type FileRef,
  type Matter,
  attachmentUrl,
  documentUrl,
} from './application-api';

/** The documents issued to the application (receipt, licence), to open or save. */
export function DocumentList({ application }: { application: ApplicationDetail }) {
  const { t, locale } = useI18n();
  if (application.documents.length === 0) return <p>{t('form.detail.noDocuments')}</p>;
  return (
    <ul className="file-list">
      {application.documents.map((document) => {
        const title = localized(document.title, locale) || document.name;
        return (
          <li key={document.id}>
            <a href={documentUrl(application.id, document.id)} target="_blank" rel="noopener">
              {title}
            </a>{' '}
            <span className="hint">{new Date(document.createdAt).toLocaleString(locale)}</span>{' '}
            <a
              href={documentUrl(application.id, document.id, true)}
              className="button button-small"
              download
              aria-label={t('form.detail.downloadNamed', { name: title })}
            >
              {t('form.detail.download')}
            </a>
          </li>
        );
      })}
    </ul>
  );
}

/**
 * The matter's materials with the files the application's answers name for each (a file
 * uploaded and then removed from the form is not part of the application).
 */
export function MaterialList({
  application,
  matter,
}: {
  application: ApplicationDetail;
  matter: Matter;
}) {
  const { t, locale } = useI18n();
  const files = materialFiles(matter, application.data ?? {});
  return (
    <ul className="material-list">
      {matter.materials.map((material) => {
        const listed = files.get(material.id) ?? [];
        return (
          <li key={material.id}>
            <span className="material-title">{localized(material.title, locale)}</span>
            {material.required ? null : <span className="hint"> {t('form.detail.optional')}</span>}
            {listed.length === 0 ? (
              <p className="hint">{t('form.material.none')}</p>
            ) : (
              <ul className="file-list">
                {listed.map((file) => (
                  <li key={file.id}>
                    <a href={attachmentUrl(application.id, file.id)}>{file.name}</a>{' '}
                    <span className="hint">{formatFileSize(file.size)}</span>
                  </li>
                ))}
              </ul>
            )}
          </li>
        );
      })}
    </ul>
  );
}

/** The files of each material, from the top-level fields of the schema that name one. */
function materialFiles(matter: Matter, data: Record<string, unknown>): Map<string, FileRef[]> {
  const found = new Map<string, FileRef[]>();
  const properties = (matter.schema.properties ?? {}) as Record<string, Record<string, unknown>>;
  for (const [name, field] of Object.entries(properties)) {
    const materialId = field?.material;
    const value = data[name];
    if (typeof materialId !== 'string' || !Array.isArray(value)) continue;
    found.set(materialId, [...(found.get(materialId) ?? []), ...(value as FileRef[])]);
  }
  return found;
}
