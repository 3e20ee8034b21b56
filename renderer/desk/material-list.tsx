import { localized, useI18n } from '../i18n/i18n';
import {
  type IssuedDocument,
  type MaterialWithFiles,
  attachmentUrl,
  documentUrl,
} from './desk-application';
import { formatFileSize } from './file-size';
import { formatOfficeDateTime } from './office-time';

/** The matter's materials with the files the applicant attached to each, to download. */
export function MaterialList(props: { applicationId: string; materials: MaterialWithFiles[] }) {
  const { t, locale } = useI18n();
  return (
    <section aria-labelledby="desk-materials-title">
      <h2 id="desk-materials-title">{t('desk.application.materials')}</h2>
      {props.materials.length === 0 ? (
        <p>{t('desk.application.noMaterials')}</p>
      ) : (
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('desk.material.name')}</th>
                <th scope="col">{t('desk.material.required')}</th>
                <th scope="col">{t('desk.material.files')}</th>
              </tr>
            </thead>
            <tbody>
              {props.materials.map((material) => (
                <tr key={material.id}>
                  <th scope="row">{localized(material.title, locale)}</th>
                  <td>{t(material.required ? 'desk.value.yes' : 'desk.value.no')}</td>
                  <td>
                    {material.files.length === 0 ? (
                      t('desk.material.none')
                    ) : (
                      <ul className="desk-files">
                        {material.files.map((file) => (
                          <li key={file.id}>
                            <a
                              href={attachmentUrl(props.applicationId, file.id)}
                              download={file.name}
                            >
                              {file.name}
                            </a>{' '}
                            <span className="hint">{formatFileSize(file.size)}</span>
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** Documents issued to the application (receipts, licences), to open. */
export function DocumentList(props: { applicationId: string; documents: IssuedDocument[] }) {
  const { t, locale } = useI18n();
  if (props.documents.length === 0) return null;
  return (
    <section aria-labelledby="desk-documents-title">
      <h2 id="desk-documents-title">{t('desk.application.documents')}</h2>
      <ul className="link-list">
        {props.documents.map((document) => (
          <li key={document.id}>
            <a
              href={documentUrl(props.applicationId, document.id)}
              target="_blank"
              rel="noreferrer"
            >
              {localized(document.title, locale)}
            </a>{' '}
            <span className="hint">{formatOfficeDateTime(document.createdAt, locale)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
