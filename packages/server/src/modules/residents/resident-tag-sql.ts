import { RESIDENT_TAGS } from '@fengqiao/shared';

/** A tag as a SQL array literal, written into the SQL so the planner can pick that tag's partial index. */
export function tagArrayLiteral(tag: string): string {
  if (!(RESIDENT_TAGS as readonly string[]).includes(tag)) throw new Error(`unknown tag ${tag}`);
  return `'{${tag}}'::text[]`;
}
