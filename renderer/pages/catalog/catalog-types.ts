import type { Label } from '../workstation/workstation-types';

export type AuthLevel = 'password' | 'certificate';
export type ApplicantType = 'individual' | 'enterprise';

/** A published matter in the navigation, from `GET /api/categories`. */
export interface CatalogMatter {
  id: string;
  version: string;
  title: Label;
  applicantTypes: ApplicantType[];
  authLevel: AuthLevel;
}

export interface CatalogCategory {
  id: string;
  title: Label;
  matters: CatalogMatter[];
}

/** What the matter page shows of `GET /api/matters/{id}`. */
export interface MatterDescription extends CatalogMatter {
  description: Label | null;
  category: { id: string; title: Label };
  processingDays: number | null;
  materials: {
    id: string;
    title: Label;
    description: Label | null;
    required: boolean;
    accept: string[] | null;
    maxSize: number;
    maxFiles: number;
  }[];
}
