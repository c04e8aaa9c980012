import { describe, expect, it } from 'vitest';
import {
  isChild,
  isRestricted,
  keptTags,
  mayEdit,
  mayFilterByTag,
  mayTag,
  mayUnmask,
  SYSTEM_VIEWER,
  visibleTags,
} from './resident.policy.js';

const officer = { sensitive: true };
const clerk = { sensitive: false };
const NOW = new Date('2026-06-01T04:00:00Z');
const child = { birthDate: '2013-06-02' };
const justFourteen = { birthDate: '2012-06-01' };
const adult = { birthDate: '1980-01-01' };

describe('resident policy', () => {
  it('lets only a sensitive viewer set 重点关注, and anyone the other tags', () => {
    expect(mayTag(clerk, ['低保', '独居老人'])).toBe(true);
    expect(mayTag(clerk, ['低保', '重点关注'])).toBe(false);
    expect(mayTag(officer, ['重点关注'])).toBe(true);
    expect(mayTag(clerk, undefined)).toBe(true);
  });

  it('does not let 重点关注 be a filter for those who may not see it', () => {
    expect(mayFilterByTag(clerk, '重点关注')).toBe(false);
    expect(mayFilterByTag(clerk, '低保')).toBe(true);
    expect(mayFilterByTag(clerk, undefined)).toBe(true);
    expect(mayFilterByTag(officer, '重点关注')).toBe(true);
  });

  it('hides 重点关注 from a viewer without resident.sensitive, and nothing from the system', () => {
    expect(visibleTags(['低保', '重点关注'], clerk)).toEqual(['低保']);
    expect(visibleTags(['低保', '重点关注'], officer)).toEqual(['低保', '重点关注']);
    expect(visibleTags(['重点关注'], SYSTEM_VIEWER)).toEqual(['重点关注']);
  });

  it('counts a person as a child until the day they turn 14 (China time)', () => {
    expect(isChild(child.birthDate, NOW)).toBe(true);
    expect(isChild(justFourteen.birthDate, NOW)).toBe(false);
  });

  it('restricts, and refuses edits and unmasking of, children for a viewer without resident.sensitive', () => {
    expect(isRestricted(child.birthDate, clerk, NOW)).toBe(true);
    expect(isRestricted(child.birthDate, officer, NOW)).toBe(false);
    expect(mayEdit(clerk, child, NOW)).toBe(false);
    expect(mayUnmask(clerk, child, NOW)).toBe(false);
    expect(mayEdit(officer, child, NOW)).toBe(true);
    expect(mayEdit(clerk, adult, NOW)).toBe(true);
  });

  it('keeps the stored tags a viewer cannot see when they change the tags', () => {
    expect(keptTags(['低保'], ['独居老人', '重点关注'], clerk)).toEqual(['低保', '重点关注']);
    expect(keptTags(['低保'], ['独居老人', '重点关注'], officer)).toEqual(['低保']);
    expect(keptTags(['重点关注'], ['重点关注'], clerk)).toEqual(['重点关注']);
  });
});
