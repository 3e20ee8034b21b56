import type { ApiClient } from './api-client';
import { sampleFile } from './sample-files';
import { sampleData } from './engine-fixture';

/** A multipart upload body of one material file. */
export function uploadForm(
  materialId: string,
  name: string,
  content: string | Uint8Array,
  type: string,
) {
  const form = new FormData();
  form.append('materialId', materialId);
  form.append('file', new Blob([content as BlobPart], { type }), name);
  return form;
}

/**
 * Saves the matter's sample as the application's data through the API, first uploading a small
 * file for each file reference the sample holds. Returns the saved application.
 */
export async function saveSampleOverHttp(
  client: ApiClient,
  applicationId: string,
  matterId: string,
  version: number,
) {
  const data = sampleData(matterId);
  for (const [key, value] of Object.entries(data)) {
    if (!Array.isArray(value) || !value.every(isFileReference)) continue;
    const uploaded = [];
    for (const file of value as { name: string }[]) {
      const { mediaType, content } = sampleFile(file.name);
      const form = uploadForm(key, file.name, content, mediaType);
      const response = await client.request(
        'POST',
        `/api/applications/${applicationId}/attachments`,
        form,
      );
      if (response.status !== 201) throw new Error(`upload failed: ${response.text}`);
      uploaded.push(response.body);
    }
    data[key] = uploaded;
  }
  const saved = await client.put(`/api/applications/${applicationId}/data`, { data, version });
  if (saved.status !== 200) throw new Error(`save failed: ${saved.text}`);
  return saved.body;
}

function isFileReference(value: unknown): boolean {
  return typeof value === 'object' && value !== null && 'sha256' in value && 'id' in value;
}
