import type { Label } from '../../definitions/matter-definition';
import type { Database } from '../database/database';
import { notFound } from '../engine-error';
import type { CatalogCategory } from '../registry/matter-registry';

export interface CategorySettings {
  title: Label;
  order: number;
}

/**
 * Sets the title and order the catalog shows for a category, over what the matter definitions
 * say: categories come from matter.json, and an administrator should not need a new matter
 * version to rename one. `category_not_found` when no matter names the category.
 */
export async function saveCategoryOverride(
  database: Database,
  id: string,
  settings: CategorySettings,
): Promise<CategorySettings & { id: string }> {
  const known = await database('matters').where({ category_id: id }).first('id');
  if (!known) throw notFound('category_not_found', `no matter is in category ${id}`);
  const row = { id, title: JSON.stringify(settings.title), order: settings.order };
  await database('category_overrides')
    .insert(row)
    .onConflict('id')
    .merge({ title: row.title, order: row.order, updated_at: database.fn.now() });
  return { id, ...settings };
}

/** The catalog's categories with the administrator's titles and order, sorted by that order. */
export async function applyCategoryOverrides(
  database: Database,
  categories: CatalogCategory[],
): Promise<CatalogCategory[]> {
  const rows = await database('category_overrides').select('id', 'title', 'order');
  const overrides = new Map(rows.map((row) => [String(row.id), row]));
  return categories
    .map((category) => {
      const override = overrides.get(category.id);
      if (!override) return category;
      const title =
        typeof override.title === 'string' ? JSON.parse(override.title) : override.title;
      return { ...category, title: title as Label, order: Number(override.order) };
    })
    .sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
}
