import type { Label } from '../../definitions/matter-definition';
import type { Database } from '../database/database';

export interface DownloadCategory {
  id: string;
  title: Label;
  order: number;
}

/** Creates a downloads category or changes its title and order. */
export async function saveDownloadCategory(
  database: Database,
  category: DownloadCategory,
): Promise<DownloadCategory> {
  const row = { id: category.id, title: JSON.stringify(category.title), order: category.order };
  await database('download_categories').insert(row).onConflict('id').merge(['title', 'order']);
  return category;
}

/** Every downloads category, in page order. */
export async function listDownloadCategories(database: Database): Promise<DownloadCategory[]> {
  const rows = await database('download_categories').orderBy([
    { column: 'order' },
    { column: 'id' },
  ]);
  return rows.map((row) => ({
    id: String(row.id),
    title: (typeof row.title === 'string' ? JSON.parse(row.title) : row.title) as Label,
    order: Number(row.order),
  }));
}
