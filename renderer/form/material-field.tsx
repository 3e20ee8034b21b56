import { type FieldProps, ariaDescribedByIds } from '@rjsf/utils';
import { type ChangeEvent, useRef, useState } from 'react';
import { ApiError } from '../api/api-client';
import { type FileRef, attachmentUrl, uploadMaterialFile } from '../application/application-api';
import { localized } from '../i18n/i18n';
import type { FormPageContext } from './form-context';
import {
  type MaterialProblem,
  acceptedTypeNames,
  formatFileSize,
  materialFileProblem,
} from './material-rules';

interface Upload {
  key: number;
  name: string;
  fraction: number;
}

const problemKeys = {
  type: 'form.material.wrongType',
  size: 'form.material.tooLarge',
  count: 'form.material.tooMany',
  empty: 'form.material.empty',
} as const satisfies Record<MaterialProblem, string>;

/**
 * A material of the definition (`"material": ID`, expanded into a list of uploaded files): the
 * files uploaded so far, a file picker limited to the material's types, and a progress bar per
 * upload. A file the limits refuse is named at once without being sent; the server's refusal
 * of one is shown the same way.
 */
export function MaterialField(props: FieldProps<FileRef[]>) {
  const { schema, fieldPathId, formData, registry, disabled, readonly, required } = props;
  const context = registry.formContext as FormPageContext;
  const { t } = context;
  const id = fieldPathId.$id;
  const material = context.materials.get(String(schema.material));
  const files = Array.isArray(formData) ? formData : [];
  const latest = useRef(files);
  latest.current = files;
  const [uploads, setUploads] = useState<Upload[]>([]);
  const [problems, setProblems] = useState<string[]>([]);
  const inputRef = useRef<HTMLInputElement>(null);

  if (!material) return <p className="field-error">{t('form.material.unknown')}</p>;
  const maxFiles = material.maxFiles;
  const title =
    typeof schema.title === 'string' ? schema.title : localized(material.title, context.locale);

  const commit = (next: FileRef[]) => {
    latest.current = next;
    props.onChange(next, fieldPathId.path);
    props.onBlur(id, next);
  };

  const uploadOne = async (file: File, key: number) => {
    setUploads((list) => [...list, { key, name: file.name, fraction: 0 }]);
    const progress = (fraction: number) =>
      setUploads((list) => list.map((u) => (u.key === key ? { ...u, fraction } : u)));
    try {
      const ref = await uploadMaterialFile(context.applicationId, material.id, file, progress);
      commit([...latest.current, ref]);
    } catch (error) {
      const reason = error instanceof ApiError ? error.message : String(error);
      setProblems((list) => [...list, t('form.material.refused', { name: file.name, reason })]);
    } finally {
      setUploads((list) => list.filter((u) => u.key !== key));
    }
  };

  const choose = async (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = Array.from(event.target.files ?? []);
    event.target.value = '';
    const found: string[] = [];
    const accepted: File[] = [];
    for (const file of chosen) {
      const problem = materialFileProblem(material, file, files.length + accepted.length + 1);
      if (problem) found.push(problemText(problem, file.name));
      else accepted.push(file);
    }
    setProblems(found);
    for (const [index, file] of accepted.entries()) await uploadOne(file, Date.now() + index);
  };

  const problemText = (problem: MaterialProblem, name: string) =>
    t(problemKeys[problem], {
      name,
      types: acceptedTypeNames(material.accept),
      size: formatFileSize(material.maxSize),
      count: maxFiles,
    });

  const remove = (file: FileRef) => {
    commit(latest.current.filter((candidate) => candidate.id !== file.id));
    inputRef.current?.focus();
  };

  const locked = disabled || readonly;
  const full = files.length + uploads.length >= maxFiles;
  const description = material.description ? localized(material.description, context.locale) : '';
  return (
    <fieldset className="material-field" aria-describedby={`${id}__limits`}>
      <legend>
        {title}
        {required ? <span className="required-mark"> *</span> : null}
      </legend>
      {description ? <p className="material-description">{description}</p> : null}
      <p className="material-limits" id={`${id}__limits`}>
        {t('form.material.limits', {
          types: acceptedTypeNames(material.accept) || t('form.material.anyType'),
          size: formatFileSize(material.maxSize),
          count: maxFiles,
        })}
      </p>
      {files.length > 0 ? (
        <ul className="material-files">
          {files.map((file) => (
            <li key={file.id}>
              <a href={attachmentUrl(context.applicationId, file.id)}>{file.name}</a>{' '}
              <span className="material-file-size">{formatFileSize(file.size)}</span>{' '}
              {locked ? null : (
                <button
                  type="button"
                  className="button button-small button-danger"
                  onClick={() => remove(file)}
                  aria-label={t('form.material.removeNamed', { name: file.name })}
                >
                  {t('form.material.remove')}
                </button>
              )}
            </li>
          ))}
        </ul>
      ) : (
        <p className="material-none">{t('form.material.none')}</p>
      )}
      {uploads.map((upload) => (
        <UploadProgress key={upload.key} upload={upload} />
      ))}
      {problems.length > 0 ? (
        <ul className="field-error" role="alert">
          {problems.map((problem, index) => (
            <li key={index}>{problem}</li>
          ))}
        </ul>
      ) : null}
      {locked || full ? null : (
        <div className="material-picker">
          <label htmlFor={id}>{t('form.material.choose', { title })}</label>
          <input
            ref={inputRef}
            id={id}
            type="file"
            accept={(material.accept ?? []).join(',') || undefined}
            multiple={maxFiles - files.length > 1}
            aria-describedby={`${ariaDescribedByIds(id)} ${id}__limits`}
            onChange={choose}
          />
        </div>
      )}
    </fieldset>
  );
}

function UploadProgress({ upload }: { upload: Upload }) {
  const percent = Math.round(upload.fraction * 100);
  return (
    <div className="upload-progress">
      <span id={`upload-${upload.key}`}>{upload.name}</span>
      <div
        className="progress-bar"
        role="progressbar"
        aria-labelledby={`upload-${upload.key}`}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={`${percent}%`}
      >
        <div className="progress-bar-fill" style={{ width: `${percent}%` }} />
      </div>
    </div>
  );
}
