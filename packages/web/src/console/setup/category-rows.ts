/**
 * The categorization form's rows: each category with its optional id (`category_ids` maps id → category,
 * and answers then carry the id too). Rows read from params and written back give the same params.
 */

/** One category as the form edits it. */
export interface CategoryRow {
  /** The category, as stored in answers. */
  name: string;
  /** Its id in `category_ids` ('' when it has none). */
  id: string;
}

function isStringRecord(value: unknown): value is Record<string, string> {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.values(value).every((item) => typeof item === 'string')
  );
}

/** The categories of the params with their ids, and whether the params use ids at all. */
export function categoryRows(params: Record<string, unknown>): { rows: CategoryRow[]; withIds: boolean } {
  const categories = Array.isArray(params.categories)
    ? params.categories.filter((item): item is string => typeof item === 'string')
    : [];
  const ids = isStringRecord(params.category_ids) ? params.category_ids : undefined;
  const idOf = new Map(Object.entries(ids ?? {}).map(([id, category]) => [category, id]));
  return {
    rows: categories.map((name) => ({ name, id: idOf.get(name) ?? '' })),
    withIds: ids !== undefined,
  };
}

/**
 * Params with the rows written back: `categories` in row order, and `category_ids` (rows with an id, in row
 * order) when ids are used, or without `category_ids` when they are not.
 */
export function withCategoryRows(
  params: Record<string, unknown>,
  rows: readonly CategoryRow[],
  withIds: boolean,
): Record<string, unknown> {
  const next: Record<string, unknown> = { ...params, categories: rows.map((row) => row.name) };
  if (withIds) {
    next.category_ids = Object.fromEntries(
      rows.filter((row) => row.id !== '').map((row) => [row.id, row.name]),
    );
  } else delete next.category_ids;
  return next;
}

/** A slug for an id suggested from a category name (`Very positive` → `very_positive`). */
export function suggestId(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}
