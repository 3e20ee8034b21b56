/**
 * JSON Schemas of the editable content, shared by the admin API (request bodies) and the seeding
 * from examples/content, so a page the seed puts in is one an administrator could have saved.
 */
export const labelSchema = {
  type: 'object',
  required: ['zh-CN', 'en'],
  additionalProperties: false,
  properties: {
    'zh-CN': { type: 'string', maxLength: 20_000 },
    en: { type: 'string', maxLength: 20_000 },
  },
} as const;

/** A short bilingual title: one line, not empty. */
export const titleSchema = {
  type: 'object',
  required: ['zh-CN', 'en'],
  additionalProperties: false,
  properties: {
    'zh-CN': { type: 'string', minLength: 1, maxLength: 200 },
    en: { type: 'string', minLength: 1, maxLength: 200 },
  },
} as const;

export const introPageSchema = {
  type: 'object',
  required: ['title', 'body'],
  additionalProperties: false,
  properties: { title: titleSchema, body: labelSchema },
} as const;

export const faqPageSchema = {
  type: 'object',
  required: ['items'],
  additionalProperties: false,
  properties: {
    items: {
      type: 'array',
      maxItems: 200,
      items: {
        type: 'object',
        required: ['question', 'answer'],
        additionalProperties: false,
        properties: { question: labelSchema, answer: labelSchema },
      },
    },
  },
} as const;

/** Ids of categories (catalog and downloads): what a URL path segment can carry as is. */
export const categoryIdPattern = '^[a-z0-9][a-z0-9-]{0,62}$';

export const categorySettingsSchema = {
  type: 'object',
  required: ['title', 'order'],
  additionalProperties: false,
  properties: {
    title: titleSchema,
    order: { type: 'integer', minimum: -1000, maximum: 1000 },
  },
} as const;
