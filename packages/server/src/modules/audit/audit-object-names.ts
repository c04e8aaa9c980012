import type { ServiceContext } from '../../security/context.js';

/**
 * Names the objects of one type that the caller may see, by id, masked as the owning module masks
 * them elsewhere; ids outside the caller's scope are left out, so the log shows only their type.
 * One call (one query) per object type per page.
 */
export type AuditObjectNamer = (ctx: ServiceContext, ids: string[]) => Promise<Map<string, string>>;

/** A namer per object type, given by the modules that own the objects (wired in app.ts). */
export type AuditObjectNamers = Readonly<Partial<Record<string, AuditObjectNamer>>>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface NamedObject {
  objectType: string | null;
  objectId: string | null;
}

/** The names of a page's objects, asked of each type's namer once. */
export async function nameAuditObjects(
  ctx: ServiceContext,
  namers: AuditObjectNamers,
  rows: readonly NamedObject[],
): Promise<(row: NamedObject) => string | null> {
  const idsByType = new Map<string, Set<string>>();
  for (const { objectType, objectId } of rows) {
    if (!objectType || !objectId || !UUID.test(objectId) || !namers[objectType]) continue;
    const ids = idsByType.get(objectType) ?? new Set<string>();
    ids.add(objectId);
    idsByType.set(objectType, ids);
  }
  const named = new Map<string, Map<string, string>>();
  await Promise.all(
    [...idsByType].map(async ([type, ids]) => {
      const namer = namers[type] as AuditObjectNamer;
      named.set(type, await namer(ctx, [...ids]));
    }),
  );
  return (row) =>
    row.objectType && row.objectId ? (named.get(row.objectType)?.get(row.objectId) ?? null) : null;
}
