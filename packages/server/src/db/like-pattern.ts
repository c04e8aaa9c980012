/** Escapes LIKE wildcards so user text and paths match literally. */
export function escapeLike(text: string): string {
  return text.replace(/[%_\\]/g, '\\$&');
}

/** Matches every row whose value starts with `prefix`: the subtree of an org path. */
export function prefixPattern(prefix: string): string {
  return `${escapeLike(prefix)}%`;
}
