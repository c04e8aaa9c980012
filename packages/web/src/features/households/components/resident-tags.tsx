import { Flex, Tag } from 'antd';
import { useLanguage } from '../../../lib/i18n/use-language';
import { tagColor, tagLabel } from '../labels';

/** A person's or household's tags as coloured chips. */
export function ResidentTags({ tags }: { tags: readonly string[] }) {
  const lang = useLanguage();
  if (!tags.length) return <span>—</span>;
  return (
    <Flex gap={4} wrap>
      {tags.map((tag) => (
        <Tag key={tag} color={tagColor(tag)} style={{ marginInlineEnd: 0 }}>
          {tagLabel(tag, lang)}
        </Tag>
      ))}
    </Flex>
  );
}
