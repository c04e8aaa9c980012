import { describe, expect, it } from 'vitest';
import { householdKeyOf } from './household-key.js';

const door = (building: string, unit: string, room: string) =>
  householdKeyOf({ community: '枫桥社区', street: '和平路', building, unit, room });

describe('householdKeyOf', () => {
  it('gives one key to the spellings of one door', () => {
    const key = door('3幢', '1单元', '301室');
    expect(door('3号楼', '1', '301')).toBe(key);
    expect(door(' 3 栋', '1 单元', '301 号')).toBe(key);
    // Full-width digits from a phone keyboard, as typed by hand.
    expect(door('３幢', '１单元', '３０１室')).toBe(key);
  });

  it('keeps different doors apart', () => {
    expect(door('3幢', '1单元', '302室')).not.toBe(door('3幢', '1单元', '301室'));
    expect(door('A座', '', '101')).toBe(door('a座', '', '101'));
    expect(door('A座', '', '101')).not.toBe(door('B座', '', '101'));
  });
});
