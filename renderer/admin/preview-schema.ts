type SchemaNode = Record<string, unknown>;

/**
 * A definition's form schema made ready for a read-only preview: each material field (`"material":
 * "ID"`, before or after the API expanded it into a file list) becomes a single file chooser
 * keeping its title and description. Nothing else changes; the argument is left as it is.
 */
export function previewSchema(schema: SchemaNode): SchemaNode {
  return mapNode(schema);
}

/**
 * The uiSchema with the submit button left out, since a preview is not sent anywhere, and every
 * `ui:autofocus` too: a preview sits below the findings and must not take the focus from them.
 */
export function previewUiSchema(uiSchema: SchemaNode): SchemaNode {
  return { ...withoutAutofocus(uiSchema), 'ui:submitButtonOptions': { norender: true } };
}

function withoutAutofocus(node: SchemaNode): SchemaNode {
  const kept: SchemaNode = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'ui:autofocus') continue;
    kept[key] = isNode(value) ? withoutAutofocus(value) : value;
  }
  return kept;
}

function isNode(value: unknown): value is SchemaNode {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function mapNode(node: SchemaNode): SchemaNode {
  if (typeof node.material === 'string') return materialField(node);
  const mapped: SchemaNode = {};
  for (const [key, value] of Object.entries(node)) mapped[key] = mapValue(value);
  return mapped;
}

function mapValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(mapValue);
  if (value !== null && typeof value === 'object') return mapNode(value as SchemaNode);
  return value;
}

function materialField(node: SchemaNode): SchemaNode {
  const field: SchemaNode = { type: 'string', format: 'data-url' };
  if (node.title !== undefined) field.title = node.title;
  if (node.description !== undefined) field.description = node.description;
  return field;
}
