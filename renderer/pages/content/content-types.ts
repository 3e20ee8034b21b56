import type { Label } from '../workstation/workstation-types';

/** `GET /api/content/intro`. */
export interface IntroPageContent {
  title: Label;
  body: Label;
  certificateMatters: { id: string; title: Label; category: { id: string; title: Label } }[];
}

/** `GET /api/content/faq`. */
export interface FaqContent {
  items: { question: Label; answer: Label }[];
}

/** `GET /api/content/downloads`. */
export interface DownloadsContent {
  categories: {
    id: string;
    title: Label;
    files: { id: string; title: Label; name: string; size: number; mediaType: string }[];
  }[];
}
