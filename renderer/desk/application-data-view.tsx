import { localized, useI18n } from '../i18n/i18n';
import type { DataSection, DisplayValue } from './application-sections';
import { attachmentUrl } from './desk-application';
import { formatFileSize } from './file-size';

/**
 * The application's data, read-only, one titled part per form step: each field a term and its
 * value, nested groups and lists indented, uploaded files as download links.
 */
export function ApplicationDataView(props: { applicationId: string; sections: DataSection[] }) {
  const { t, locale } = useI18n();
  return (
    <section aria-labelledby="desk-data-title" className="desk-data">
      <h2 id="desk-data-title">{t('desk.application.data')}</h2>
      {props.sections.map((section, index) => (
        <div key={index} className="desk-data-section">
          {section.title !== null && <h3>{localized(section.title, locale)}</h3>}
          {section.title === null && props.sections.length > 1 && (
            <h3>{t('desk.application.otherFields')}</h3>
          )}
          <dl className="desk-fields">
            {section.fields.map((field) => (
              <div key={field.name} id={`field-${field.name}`}>
                <dt>{field.title}</dt>
                <dd>
                  <ValueView applicationId={props.applicationId} value={field.value} />
                </dd>
              </div>
            ))}
          </dl>
        </div>
      ))}
    </section>
  );
}

function ValueView({ applicationId, value }: { applicationId: string; value: DisplayValue }) {
  const { t } = useI18n();
  switch (value.kind) {
    case 'empty':
      return <span className="desk-empty">{t('desk.value.empty')}</span>;
    case 'text':
      return <span className="desk-text">{value.text}</span>;
    case 'boolean':
      return <>{t(value.value ? 'desk.value.yes' : 'desk.value.no')}</>;
    case 'files':
      return (
        <ul className="desk-files">
          {value.files.map((file) => (
            <li key={file.id}>
              <a href={attachmentUrl(applicationId, file.id)} download={file.name}>
                {file.name}
              </a>{' '}
              <span className="hint">{formatFileSize(file.size)}</span>
            </li>
          ))}
        </ul>
      );
    case 'list':
      return (
        <ol className="desk-list">
          {value.items.map((item, index) => (
            <li key={index}>
              <ValueView applicationId={applicationId} value={item} />
            </li>
          ))}
        </ol>
      );
    case 'group':
      return (
        <dl className="desk-group">
          {value.fields.map((field, index) => (
            <div key={index}>
              <dt>{field.title}</dt>
              <dd>
                <ValueView applicationId={applicationId} value={field.value} />
              </dd>
            </div>
          ))}
        </dl>
      );
  }
}
