import { describe, expect, it } from 'vitest';
import { allowedTagGroups, RESIDENT_TAGS, TAG_GROUPS } from './residents.js';

describe('tag groups', () => {
  it('puts every tag in exactly one group', () => {
    const grouped = TAG_GROUPS.flatMap((group) => group.tags);
    expect([...grouped].sort()).toEqual([...RESIDENT_TAGS].sort());
  });

  it('counts the anti-fraud app apart from 重点人群', () => {
    const attention = TAG_GROUPS.find((group) => group.key === 'attention');
    expect(attention?.tags).not.toContain('反诈App已安装');
    expect(TAG_GROUPS.find((group) => group.key === 'antiFraud')?.tags).toEqual(['反诈App已安装']);
  });

  it('leaves 重点关注 out of the groups for a user without resident.sensitive', () => {
    expect(allowedTagGroups(false)).toEqual([
      { key: 'attention', tags: ['空巢老人', '独居老人', '留守儿童', '残疾人', '低保'] },
      { key: 'antiFraud', tags: ['反诈App已安装'] },
    ]);
    expect(allowedTagGroups(true)[0]?.tags).toContain('重点关注');
  });
});
