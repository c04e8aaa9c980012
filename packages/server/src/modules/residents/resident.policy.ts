import { isSensitiveTag, MINOR_AGE } from '@fengqiao/shared';
import { forbidden } from '../../http/app-error.js';
import { ageOn } from '../../lib/dates/china-age.js';
import type { ServiceContext } from '../../security/context.js';
import { can } from '../../security/policy.js';

// Who may see and change what of a person on the register. Hand entry, import, the bulk writer and
// the presenters all ask here, so 重点关注 and children under 14 follow one rule everywhere.

export { isSensitiveTag };

/** What the caller may see: 重点关注 and children's records need `resident.sensitive`. */
export interface Viewer {
  sensitive: boolean;
}

export const viewerOf = (ctx: ServiceContext): Viewer => ({
  sensitive: can(ctx.actor, 'resident.sensitive'),
});

/** The system (a seed, a background re-placement) sees every tag. */
export const SYSTEM_VIEWER: Viewer = { sensitive: true };

export const isChild = (birthDate: string, now?: Date) => ageOn(birthDate, now) < MINOR_AGE;

export function visibleTags(tags: readonly string[], viewer: Viewer): string[] {
  return viewer.sensitive ? [...tags] : tags.filter((t) => !isSensitiveTag(t));
}

/** A child's record is shown masked (name, phone) to a viewer without `resident.sensitive`. */
export const isRestricted = (birthDate: string, viewer: Viewer, now?: Date) =>
  !viewer.sensitive && isChild(birthDate, now);

/** 重点关注 is set only with `resident.sensitive`, whoever the person and whatever they have on file. */
export const mayTag = (viewer: Viewer, tags: readonly string[] | undefined) =>
  viewer.sensitive || !tags?.some(isSensitiveTag);

/** 重点关注 is not even a filter for those who may not see it. */
export const mayFilterByTag = (viewer: Viewer, tag: string | undefined) =>
  viewer.sensitive || !tag || !isSensitiveTag(tag);

/** A child under 14 on file is changed, or seen in full, only with `resident.sensitive`. */
export const mayEdit = (viewer: Viewer, person: { birthDate: string }, now?: Date) =>
  !isRestricted(person.birthDate, viewer, now);

export const mayUnmask = mayEdit;

/**
 * The tags a change leaves: those asked for, plus the stored ones the caller cannot see, which an
 * edit (or a re-import) that never showed them keeps as they are.
 */
export function keptTags(asked: readonly string[], stored: readonly string[], viewer: Viewer): string[] {
  const hidden = viewer.sensitive ? [] : stored.filter(isSensitiveTag);
  return [...new Set([...asked, ...hidden])];
}

export function assertMayTag(viewer: Viewer, tags: readonly string[] | undefined): void {
  if (!mayTag(viewer, tags)) throw forbidden('forbidden.sensitive_tag');
}

export function assertMayFilterByTag(viewer: Viewer, tag: string | undefined): void {
  if (!mayFilterByTag(viewer, tag)) throw forbidden('forbidden.tag_filter');
}

export function assertMayEdit(viewer: Viewer, person: { birthDate: string }): void {
  if (!mayEdit(viewer, person)) throw forbidden('forbidden.minor_edit', { age: MINOR_AGE });
}

export function assertMayUnmask(viewer: Viewer, person: { birthDate: string }): void {
  if (!mayUnmask(viewer, person)) throw forbidden('forbidden.minor_view', { age: MINOR_AGE });
}
