import {
  allowedTagGroups,
  allowedTags,
  isSensitiveTag,
  RELATIONS,
  RESIDENCE_TYPES,
  type TagGroupKey,
} from '@fengqiao/shared/rules';
import { i18n, type Language } from '../../lib/i18n';

type Labels = Record<string, string>;

/** English names of the Chinese enum values the server stores (the Chinese is the value itself). */
const TAG_EN: Labels = {
  空巢老人: 'Empty-nest elder',
  独居老人: 'Elder living alone',
  留守儿童: 'Left-behind child',
  残疾人: 'Disabled',
  低保: 'Subsistence allowance',
  重点关注: 'Special attention',
  反诈App已安装: 'Anti-fraud app installed',
};

const RELATION_EN: Labels = {
  户主: 'Head',
  配偶: 'Spouse',
  子女: 'Child',
  父母: 'Parent',
  孙辈: 'Grandchild',
  兄弟姐妹: 'Sibling',
  其他: 'Other',
};

const RESIDENCE_EN: Labels = { 户籍: 'Registered', 流动: 'Migrant', 寄住: 'Lodger' };

const pick = (value: string, lang: Language, en: Labels) => (lang === 'en' ? (en[value] ?? value) : value);

export const tagLabel = (tag: string, lang: Language) => pick(tag, lang, TAG_EN);
export const relationLabel = (relation: string, lang: Language) => pick(relation, lang, RELATION_EN);
export const tagGroupLabel = (key: TagGroupKey) => i18n.t(`households.tagGroups.${key}`);
export const residenceLabel = (type: string, lang: Language) => pick(type, lang, RESIDENCE_EN);

export { allowedTagGroups, allowedTags, isSensitiveTag };

/** Tag colours: care needs warm, 重点关注 red, the app installed green. */
const TAG_COLORS: Record<string, string> = {
  空巢老人: 'orange',
  独居老人: 'volcano',
  留守儿童: 'gold',
  残疾人: 'purple',
  低保: 'cyan',
  重点关注: 'red',
  反诈App已安装: 'green',
};

export const tagColor = (tag: string) => TAG_COLORS[tag] ?? 'default';

/** Select options, grouped as the tags are counted (重点人群 apart from the anti-fraud app). */
export function tagOptions(sensitive: boolean, lang: Language) {
  return allowedTagGroups(sensitive).map((group) => ({
    label: tagGroupLabel(group.key),
    title: tagGroupLabel(group.key),
    options: group.tags.map((tag) => ({ value: tag, label: tagLabel(tag, lang) })),
  }));
}

export function relationOptions(lang: Language) {
  return RELATIONS.map((r) => ({ value: r, label: relationLabel(r, lang) }));
}

export function residenceOptions(lang: Language) {
  return RESIDENCE_TYPES.map((r) => ({ value: r, label: residenceLabel(r, lang) }));
}
