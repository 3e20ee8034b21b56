import Form from '@rjsf/core';
import { TranslatableString, englishStringTranslator, replaceStringParameters } from '@rjsf/utils';
import { customizeValidator } from '@rjsf/validator-ajv8';
import { Component, type ReactNode, useMemo } from 'react';
import '../form/form.css';
import { localizeSchema, localizeUiSchema } from '../form/localized-schema';
import { type MessageKey, type Translate, useI18n } from '../i18n/i18n';
import { previewSchema, previewUiSchema } from './preview-schema';

/** The preview never validates: formats of the definition language need not be known here. */
const previewValidator = customizeValidator({ ajvOptionsOverrides: { validateFormats: false } });

/** rjsf's own words that a read-only form shows, in the catalogue's language. */
const rjsfWords: Partial<Record<TranslatableString, MessageKey>> = {
  [TranslatableString.ArrayItemTitle]: 'admin.preview.item',
  [TranslatableString.EmptyArray]: 'admin.preview.emptyList',
  [TranslatableString.YesLabel]: 'admin.preview.yes',
  [TranslatableString.NoLabel]: 'admin.preview.no',
  [TranslatableString.AddItemButton]: 'admin.preview.addItem',
  [TranslatableString.AddButton]: 'admin.preview.addItem',
  [TranslatableString.RemoveButton]: 'admin.preview.remove',
  [TranslatableString.MoveUpButton]: 'admin.preview.moveUp',
  [TranslatableString.MoveDownButton]: 'admin.preview.moveDown',
  [TranslatableString.CopyButton]: 'admin.preview.copy',
};

/**
 * The form of a definition as applicants will meet it, read-only: rendered by rjsf from the
 * schema and uiSchema in the page's language, material fields shown as file choosers, no submit button. A schema rjsf
 * cannot render shows a notice instead of breaking the page.
 */
export function FormPreview(props: {
  schema: Record<string, unknown>;
  uiSchema: Record<string, unknown>;
}) {
  const { t, locale } = useI18n();
  // In the page's language, as the form page shows it: one label per field, not "中文 / English".
  const schema = useMemo(
    () => localizeSchema(previewSchema(props.schema), locale),
    [props.schema, locale],
  );
  const uiSchema = useMemo(
    () => localizeUiSchema(previewUiSchema(props.uiSchema), locale),
    [props.uiSchema, locale],
  );
  const translate = useMemo(() => translator(t), [t]);
  return (
    <section className="form-preview" aria-labelledby="form-preview-title">
      <h2 id="form-preview-title">{t('admin.preview.title')}</h2>
      <p className="hint">{t('admin.preview.hint')}</p>
      <PreviewBoundary
        fallback={<p className="notice notice-warning">{t('admin.preview.failed')}</p>}
      >
        <Form
          key={locale}
          schema={schema}
          uiSchema={uiSchema}
          validator={previewValidator}
          idPrefix="preview"
          className="step-form"
          readonly
          noHtml5Validate
          translateString={translate}
        />
      </PreviewBoundary>
    </section>
  );
}

function translator(t: Translate) {
  return (key: TranslatableString, params?: string[]) => {
    const own = rjsfWords[key];
    return own ? replaceStringParameters(t(own), params) : englishStringTranslator(key, params);
  };
}

/** Keeps a schema rjsf throws on from taking the page down with it. */
class PreviewBoundary extends Component<{ fallback: ReactNode; children: ReactNode }> {
  override state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  override render() {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}
