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

export const RELATIONS = ['户主', '配偶', '子女', '父母', '孙辈', '兄弟姐妹', '其他'] as const;
export const RESIDENCE_TYPES = ['户籍', '流动', '寄住'] as const;

/** Children under this age are sensitive data. */
export const MINOR_AGE = 14;
