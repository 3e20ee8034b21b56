import type { Label } from '../../definitions/matter-definition';
import type { Database } from '../database/database';
import { type CatalogMatter, listCatalog } from '../registry/matter-registry';
import { type IntroText, readContentPage } from './content-pages';

export interface CertificateMatter extends CatalogMatter {
  category: { id: string; title: Label };
}

export interface IntroPage extends IntroText {
  /** Published matters that need a CA certificate login, in catalog order. */
  certificateMatters: CertificateMatter[];
}

/**
 * The business introduction page of manual section 3.1: the administrator's text plus the
 * matters that need a certificate login, computed from the catalog at each request so it never
 * disagrees with what the catalog publishes.
 */
export async function readIntroPage(database: Database): Promise<IntroPage> {
  const [text, catalog] = await Promise.all([
    readContentPage(database, 'intro'),
    listCatalog(database),
  ]);
  const certificateMatters = catalog.flatMap((category) =>
    category.matters
      .filter((matter) => matter.authLevel === 'certificate')
      .map((matter) => ({ ...matter, category: { id: category.id, title: category.title } })),
  );
  return { ...text, certificateMatters };
}
