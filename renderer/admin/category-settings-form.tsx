import { type FormEvent, useState } from 'react';
import { apiPut } from '../api/api-client';
import { useI18n } from '../i18n/i18n';
import { BilingualFields } from './bilingual-fields';
import { type BilingualText, type CategorySettings, categoryIdPattern } from './content-shapes';
import { SaveNotice, useSave } from './save-state';

interface SettingsErrors {
  categoryId?: string;
  title?: Partial<BilingualText>;
  order?: string;
}

/**
 * The title (both languages) and order of one category, saved with `PUT` to `path`; used for
 * the catalog's categories and for the downloads page's. Given `pathOfNew` instead, it also asks
 * for the id of a new category. Problems are shown on their inputs.
 */
export function CategorySettingsForm(props: {
  id: string;
  path?: string;
  pathOfNew?(categoryId: string): string;
  initial: CategorySettings;
  legend: string;
  onSaved?(): void;
}) {
  const { t } = useI18n();
  const [categoryId, setCategoryId] = useState('');
  const [title, setTitle] = useState(props.initial.title);
  const [order, setOrder] = useState(String(props.initial.order));
  const [errors, setErrors] = useState<SettingsErrors>({});
  const save = useSave();
  const asksId = props.pathOfNew !== undefined;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: SettingsErrors = {
      ...settingsErrors(
        title,
        order,
        t('admin.category.titleBlank'),
        t('admin.category.orderInvalid'),
      ),
      categoryId:
        asksId && !categoryIdPattern.test(categoryId) ? t('admin.category.idInvalid') : undefined,
    };
    setErrors(found);
    if (found.title || found.order || found.categoryId) return;
    const body = {
      title: { 'zh-CN': title['zh-CN'].trim(), en: title.en.trim() },
      order: Number(order),
    };
    const path = props.pathOfNew ? props.pathOfNew(categoryId) : (props.path ?? '');
    if (await save.run(() => apiPut(path, body))) props.onSaved?.();
  };
  const orderId = `${props.id}-order`;
  return (
    <form noValidate onSubmit={(event) => void submit(event)} className="category-form">
      <fieldset>
        <legend>{props.legend}</legend>
        {asksId && (
          <CategoryIdField
            id={`${props.id}-id`}
            value={categoryId}
            error={errors.categoryId}
            onChange={setCategoryId}
          />
        )}
        <BilingualFields
          id={`${props.id}-title`}
          label={t('admin.category.name')}
          value={title}
          maxLength={200}
          errors={errors.title}
          onChange={setTitle}
        />
        <div className={errors.order ? 'field field-invalid' : 'field'}>
          <label htmlFor={orderId}>{t('admin.category.order')}</label>
          <span className="hint" id={`${orderId}-hint`}>
            {t('admin.category.orderHint')}
          </span>
          {errors.order && (
            <span className="field-error" id={`${orderId}-error`}>
              {errors.order}
            </span>
          )}
          <input
            type="number"
            id={orderId}
            className="input-short"
            value={order}
            min={-1000}
            max={1000}
            step={1}
            aria-invalid={errors.order ? true : undefined}
            aria-describedby={errors.order ? `${orderId}-hint ${orderId}-error` : `${orderId}-hint`}
            onChange={(event) => setOrder(event.target.value)}
          />
        </div>
        <SaveNotice state={save.state} />
        <button type="submit" className="button-primary" disabled={save.state.kind === 'saving'}>
          {t('admin.category.save')}
        </button>
      </fieldset>
    </form>
  );
}

function CategoryIdField(props: {
  id: string;
  value: string;
  error: string | undefined;
  onChange(value: string): void;
}) {
  const { t } = useI18n();
  const { id, error } = props;
  return (
    <div className={error ? 'field field-invalid' : 'field'}>
      <label htmlFor={id}>
        {t('admin.category.id')}
        <span className="required-mark" aria-hidden="true">
          *
        </span>
      </label>
      <span className="hint" id={`${id}-hint`}>
        {t('admin.category.idHint')}
      </span>
      {error && (
        <span className="field-error" id={`${id}-error`}>
          {error}
        </span>
      )}
      <input
        type="text"
        id={id}
        value={props.value}
        maxLength={63}
        aria-required
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-hint ${id}-error` : `${id}-hint`}
        onChange={(event) => props.onChange(event.target.value.trim())}
      />
    </div>
  );
}

function settingsErrors(title: BilingualText, order: string, blank: string, badOrder: string) {
  const titleErrors: Partial<BilingualText> = {};
  if (!title['zh-CN'].trim()) titleErrors['zh-CN'] = blank;
  if (!title.en.trim()) titleErrors.en = blank;
  const value = Number(order);
  const orderOk = order.trim() !== '' && Number.isInteger(value) && Math.abs(value) <= 1000;
  return {
    title: Object.keys(titleErrors).length > 0 ? titleErrors : undefined,
    order: orderOk ? undefined : badOrder,
  };
}
