// The register's fixed vocabulary and its pure rules, shared by server and web without TypeBox.

export const RESIDENT_TAGS = [
  '空巢老人',
  '独居老人',
  '留守儿童',
  '残疾人',
  '低保',
  '重点关注',
  '反诈App已安装',
] as const;
export type ResidentTag = (typeof RESIDENT_TAGS)[number];
/** Tags only the grid's own officer and the chief may see. */
export const SENSITIVE_TAGS: readonly ResidentTag[] = ['重点关注'];

export const isSensitiveTag = (tag: string) => (SENSITIVE_TAGS as readonly string[]).includes(tag);

/** The tags a user may see, set and filter by: 重点关注 only with `resident.sensitive`. */
export function allowedTags(sensitive: boolean): ResidentTag[] {
  return RESIDENT_TAGS.filter((tag) => sensitive || !isSensitiveTag(tag));
}

/**
 * How tags are shown together. 重点人群 are people who need care or watching; the anti-fraud app is
 * coverage of a campaign, not a group of people, so it is counted apart.
 */
export const TAG_GROUPS = [
  { key: 'attention', tags: ['空巢老人', '独居老人', '留守儿童', '残疾人', '低保', '重点关注'] },
  { key: 'antiFraud', tags: ['反诈App已安装'] },
] as const satisfies readonly { key: string; tags: readonly ResidentTag[] }[];
export type TagGroupKey = (typeof TAG_GROUPS)[number]['key'];

/** The tag groups with the tags a user may see (see `allowedTags`); a group left empty is dropped. */
export function allowedTagGroups(sensitive: boolean): { key: TagGroupKey; tags: ResidentTag[] }[] {
  const allowed = new Set<string>(allowedTags(sensitive));
  return TAG_GROUPS.map(({ key, tags }) => ({ key, tags: tags.filter((tag) => allowed.has(tag)) })).filter(
    (group) => group.tags.length > 0,
  );
}

export const RELATIONS = ['户主', '配偶', '子女', '父母', '孙辈', '兄弟姐妹', '其他'] as const;
export const RESIDENCE_TYPES = ['户籍', '流动', '寄住'] as const;

/** Children under this age are sensitive data. */
export const MINOR_AGE = 14;
