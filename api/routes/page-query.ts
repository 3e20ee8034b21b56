const pageNumber = { type: 'string', pattern: '^[0-9]{1,6}$' };

/** A query schema with `page` and `pageSize` (decimal strings) and the filters given. */
export function pageQuery(filters: Record<string, object>) {
  return {
    type: 'object',
    properties: { ...filters, page: pageNumber, pageSize: pageNumber },
    additionalProperties: false,
  };
}

/** Page and page size as numbers; the engine clamps them to 1… and 1…100. */
export function pageOf(query: { page?: string; pageSize?: string }) {
  return {
    page: query.page === undefined ? undefined : Number(query.page),
    pageSize: query.pageSize === undefined ? undefined : Number(query.pageSize),
  };
}
