import { parseIdCard } from '@fengqiao/shared';
import { describe, expect, it } from 'vitest';
import { ageOn } from '../dates/china-age.js';
import { pointInPolygon } from '../geo/polygon-validation.js';
import {
  DEMO_TAGS,
  type DemoHousehold,
  type DemoResident,
  demoGridInputs,
  generateDemoHouseholds,
} from './demo-households.js';
import { LOCAL_REGION_CODE } from './demo-households-data.js';
import { buildDemoStation } from './demo-station.js';

const today = new Date('2026-05-01T04:00:00Z');
const grids = demoGridInputs(buildDemoStation());
const gridByCode = new Map(grids.map((g) => [g.gridCode, g]));
const SEED = 42;
const households = [...generateDemoHouseholds(grids, { seed: SEED, households: 15_000, today })];
const residents = households.flatMap((h) => h.residents);
const ages = (h: DemoHousehold) => h.residents.map((r) => ageOn(r.birthDate, today));
const has = (r: DemoResident, tag: DemoResident['tags'][number]) => r.tags.includes(tag);
const share = (part: number, whole: number) => part / whole;

describe('demoGridInputs', () => {
  it('covers the 35 grids of the demo station, the 社区 as the only apartment community', () => {
    expect(grids).toHaveLength(35);
    expect(new Set(grids.filter((g) => g.communityKind === 'community').map((g) => g.communityName))).toEqual(
      new Set(['枫桥社区']),
    );
  });
});

describe('generateDemoHouseholds', () => {
  it('is deterministic for a seed and varies across seeds', () => {
    const again = [...generateDemoHouseholds(grids, { seed: SEED, households: 15_000, today })];
    expect(again).toEqual(households);
    const other = [...generateDemoHouseholds(grids, { seed: SEED + 1, households: 200, today })];
    expect(other).not.toEqual(households.slice(0, 200));
  });

  it('streams: the first household comes at once even for a city-sized run', () => {
    const started = performance.now();
    const first = generateDemoHouseholds(grids, { seed: SEED, households: 1_000_000, today }).next();
    expect(first.done).toBe(false);
    expect(performance.now() - started).toBeLessThan(500);
  });

  it('yields exactly the requested count, ~3 residents each, over every grid', () => {
    expect(households).toHaveLength(15_000);
    expect(residents.length).toBeGreaterThanOrEqual(40_000);
    expect(residents.length).toBeLessThanOrEqual(50_000);
    for (const h of households) {
      expect(h.residents.length).toBeGreaterThanOrEqual(1);
      expect(h.residents.length).toBeLessThanOrEqual(6);
    }
    const perGrid = new Map<string, number>();
    for (const h of households) perGrid.set(h.gridCode, (perGrid.get(h.gridCode) ?? 0) + 1);
    expect(perGrid.size).toBe(grids.length);
    const mean = 15_000 / grids.length;
    for (const count of perGrid.values()) {
      expect(count).toBeGreaterThan(mean * 0.5);
      expect(count).toBeLessThan(mean * 2);
    }
    expect(new Set(perGrid.values()).size).toBeGreaterThan(10); // not a flat split
  });

  it('gives every resident a valid ID number matching birth date and sex; 户籍 are from Zhuji', () => {
    for (const h of households) {
      for (const r of h.residents) {
        const parsed = parseIdCard(r.idCard, today);
        expect(parsed.ok, r.idCard).toBe(true);
        if (!parsed.ok) continue;
        expect(parsed.normalized).toBe(r.idCard);
        expect(parsed.birthDate).toBe(r.birthDate);
        expect(parsed.sex).toBe(r.sex);
        if (r.residenceType === '户籍') expect(parsed.regionCode).toBe(LOCAL_REGION_CODE);
        if (r.residenceType === '流动') expect(parsed.regionCode).not.toBe(LOCAL_REGION_CODE);
      }
    }
  });

  it('keeps ID numbers and phone numbers unique', () => {
    expect(new Set(residents.map((r) => r.idCard)).size).toBe(residents.length);
    const phones = residents.flatMap((r) => (r.phone ? [r.phone] : []));
    expect(new Set(phones).size).toBe(phones.length);
    for (const phone of phones) expect(phone).toMatch(/^1[35789]\d{9}$/);
  });

  it('keeps ID numbers and phones unique over 200 000 residents', () => {
    const ids = new Set<string>();
    const phones = new Set<string>();
    let count = 0;
    let phoneCount = 0;
    for (const h of generateDemoHouseholds(grids, { seed: 7, households: 70_000, today })) {
      for (const r of h.residents) {
        ids.add(r.idCard);
        count++;
        if (r.phone) {
          phones.add(r.phone);
          phoneCount++;
        }
      }
    }
    expect(count).toBeGreaterThanOrEqual(200_000);
    expect(ids.size).toBe(count);
    expect(phones.size).toBe(phoneCount);
  });

  it('places every household strictly inside its grid, to 6 decimals', () => {
    for (const h of households) {
      const grid = gridByCode.get(h.gridCode);
      expect(grid).toBeDefined();
      if (!grid) continue;
      expect(pointInPolygon(h.lng, h.lat, grid.boundary), `${h.gridCode} ${h.lng},${h.lat}`).toBe(true);
      expect(Math.round(h.lng * 1e6) / 1e6).toBe(h.lng);
      expect(Math.round(h.lat * 1e6) / 1e6).toBe(h.lat);
      expect(h.address.community).toBe(grid.communityName);
    }
  });

  it('writes unique addresses: 门牌 in villages, 幢/单元/室 in the 社区', () => {
    const keys = households.map((h) => {
      const a = h.address;
      return [a.community, a.street, a.building ?? '', a.unit ?? '', a.room].join('|');
    });
    expect(new Set(keys).size).toBe(keys.length);
    for (const h of households) {
      const a = h.address;
      if (gridByCode.get(h.gridCode)?.communityKind === 'village') {
        expect(a.building).toBeNull();
        expect(a.unit).toBeNull();
        expect(a.room).toMatch(/^[1-9]\d*号$/);
      } else {
        expect(a.building).toMatch(/^[1-9]\d*幢$/);
        expect(a.unit).toMatch(/^[1-3]单元$/);
        expect(a.room).toMatch(/^[1-9]\d?0[12]室$/);
      }
      expect(a.street.length).toBeGreaterThan(1);
    }
    // The address already starts with the village, so its roads do not repeat the village's name.
    expect(households.some((h) => h.address.street === '新村路')).toBe(true);
    expect(households.some((h) => h.address.street.startsWith(h.address.community))).toBe(false);
  });

  it('keeps addresses unique at scale, where streets run out and 支路 take over', () => {
    const seen = new Set<string>();
    let n = 0;
    for (const h of generateDemoHouseholds(grids.slice(0, 6), { seed: 3, households: 60_000, today })) {
      const a = h.address;
      seen.add([a.community, a.street, a.building ?? '', a.unit ?? '', a.room].join('|'));
      n++;
    }
    expect(seen.size).toBe(n);
    expect([...seen].some((key) => key.includes('支路'))).toBe(true);
  });

  it('builds families: one head first, a spouse of the other sex and similar age, a shared surname', () => {
    let modal = 0;
    let members = 0;
    for (const h of households) {
      const [head, ...rest] = h.residents;
      expect(head?.relation).toBe('户主');
      expect(rest.every((r) => r.relation !== '户主')).toBe(true);
      const spouses = rest.filter((r) => r.relation === '配偶');
      expect(spouses.length).toBeLessThanOrEqual(1);
      const headAge = ageOn(head?.birthDate ?? '', today);
      for (const spouse of spouses) {
        expect(spouse.sex).not.toBe(head?.sex);
        expect(Math.abs(ageOn(spouse.birthDate, today) - headAge)).toBeLessThanOrEqual(6);
      }
      for (const child of rest.filter((r) => r.relation === '子女')) {
        expect(ageOn(child.birthDate, today)).toBeLessThan(headAge);
      }
      for (const parent of rest.filter((r) => r.relation === '父母')) {
        expect(ageOn(parent.birthDate, today)).toBeGreaterThan(headAge);
      }
      if (h.residents.length < 3) continue;
      const bySurname = new Map<string, number>();
      for (const r of h.residents) bySurname.set(r.name[0] ?? '', (bySurname.get(r.name[0] ?? '') ?? 0) + 1);
      modal += Math.max(...bySurname.values());
      members += h.residents.length;
    }
    // Wives keep their own surnames, so in a family of 3+ most, not all, share one surname.
    expect(share(modal, members)).toBeGreaterThan(0.6);
    expect(residents.every((r) => r.name.length >= 2 && r.name.length <= 3)).toBe(true);
  });

  it('has a town-like age profile: many elderly, villages older than the 社区, migrants younger', () => {
    const all = residents.map((r) => ageOn(r.birthDate, today));
    expect(Math.min(...all)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...all)).toBeLessThanOrEqual(100);
    expect(share(all.filter((a) => a >= 60).length, all.length)).toBeGreaterThan(0.2);
    expect(share(all.filter((a) => a >= 60).length, all.length)).toBeLessThan(0.4);
    const meanAge = (hs: DemoHousehold[]) => {
      const a = hs.flatMap(ages);
      return a.reduce((x, y) => x + y, 0) / a.length;
    };
    const village = households.filter((h) => gridByCode.get(h.gridCode)?.communityKind === 'village');
    const town = households.filter((h) => gridByCode.get(h.gridCode)?.communityKind === 'community');
    expect(meanAge(village)).toBeGreaterThan(meanAge(town));
    const migrant = households.filter((h) => h.residents[0]?.residenceType === '流动');
    expect(share(migrant.length, households.length)).toBeGreaterThan(0.1);
    expect(share(migrant.length, households.length)).toBeLessThan(0.2);
    expect(meanAge(migrant)).toBeLessThan(meanAge(households) - 5);
    expect(households.some((h) => h.residents.length === 1 && (ages(h)[0] ?? 0) >= 65)).toBe(true);
  });

  it('gives phones to most adults and none to children under 14', () => {
    const adults = residents.filter((r) => ageOn(r.birthDate, today) >= 18);
    expect(share(adults.filter((r) => r.phone).length, adults.length)).toBeGreaterThan(0.8);
    for (const r of residents) if (ageOn(r.birthDate, today) < 14) expect(r.phone).toBeNull();
    const old = residents.filter((r) => ageOn(r.birthDate, today) >= 80);
    expect(old.some((r) => r.phone === null)).toBe(true);
  });

  it('applies the 独居/空巢/留守 rules exactly', () => {
    let alone = 0;
    let emptyNest = 0;
    let leftBehind = 0;
    for (const h of households) {
      const a = ages(h);
      const isAlone = a.length === 1 && (a[0] ?? 0) >= 65;
      const isEmptyNest = !isAlone && a.every((x) => x >= 60);
      const noCarer = !a.some((x) => x >= 20 && x <= 55);
      if (isAlone) alone++;
      if (isEmptyNest) emptyNest++;
      h.residents.forEach((r, i) => {
        expect(has(r, '独居老人')).toBe(isAlone);
        expect(has(r, '空巢老人')).toBe(isEmptyNest);
        const child = (a[i] ?? 0) < 16 && noCarer;
        expect(has(r, '留守儿童')).toBe(child);
        if (child) leftBehind++;
      });
      if (h.residents.some((r) => has(r, '独居老人'))) {
        expect(a.filter((x) => x >= 65)).toHaveLength(1);
        expect(h.residents).toHaveLength(1);
      }
    }
    expect(alone).toBeGreaterThan(300);
    expect(emptyNest).toBeGreaterThan(300);
    expect(leftBehind).toBeGreaterThan(100);
  });

  it('tags 残疾人, 低保, 重点关注 and 反诈App已安装 at realistic rates', () => {
    const adults = residents.filter((r) => ageOn(r.birthDate, today) >= 18);
    const withPhone = adults.filter((r) => r.phone);
    expect(share(residents.filter((r) => has(r, '残疾人')).length, residents.length)).toBeGreaterThan(0.01);
    expect(share(residents.filter((r) => has(r, '残疾人')).length, residents.length)).toBeLessThan(0.03);
    const dibao = households.filter((h) => h.residents.some((r) => has(r, '低保')));
    expect(share(dibao.length, households.length)).toBeGreaterThan(0.02);
    expect(share(dibao.length, households.length)).toBeLessThan(0.04);
    for (const h of dibao) {
      expect(h.residents.every((r) => has(r, '低保'))).toBe(true);
      expect(h.residents[0]?.residenceType).toBe('户籍');
    }
    const watched = residents.filter((r) => has(r, '重点关注'));
    expect(share(watched.length, adults.length)).toBeGreaterThan(0.001);
    expect(share(watched.length, adults.length)).toBeLessThan(0.006);
    for (const r of watched) expect(ageOn(r.birthDate, today)).toBeGreaterThanOrEqual(18);
    const antiFraud = residents.filter((r) => has(r, '反诈App已安装'));
    for (const r of antiFraud) {
      expect(r.phone).not.toBeNull();
      expect(ageOn(r.birthDate, today)).toBeGreaterThanOrEqual(18);
    }
    expect(share(antiFraud.length, withPhone.length)).toBeGreaterThan(0.5);
    expect(share(antiFraud.length, withPhone.length)).toBeLessThan(0.7);
    for (const r of residents) {
      const order = r.tags.map((t) => DEMO_TAGS.indexOf(t));
      expect(order).toEqual([...order].sort((x, y) => x - y));
    }
  });

  it('ages are exact on a 29 February and in the first hours of a China day', () => {
    for (const day of [new Date('2028-02-29T01:00:00+08:00'), new Date('2026-01-01T00:30:00+08:00')]) {
      for (const h of generateDemoHouseholds(grids, { seed: 5, households: 3_000, today: day })) {
        for (const r of h.residents) {
          const parsed = parseIdCard(r.idCard, day);
          expect(parsed.ok).toBe(true);
          const age = ageOn(r.birthDate, day);
          expect(age).toBeGreaterThanOrEqual(0);
          if (has(r, '独居老人')) expect(age).toBeGreaterThanOrEqual(65);
          if (has(r, '空巢老人')) expect(age).toBeGreaterThanOrEqual(60);
          if (has(r, '留守儿童')) expect(age).toBeLessThan(16);
        }
      }
    }
  });

  it('handles zero households and rejects bad input', () => {
    expect([...generateDemoHouseholds(grids, { households: 0 })]).toEqual([]);
    expect([...generateDemoHouseholds([], { households: 0 })]).toEqual([]);
    expect(() => generateDemoHouseholds(grids, { households: -1 })).toThrow(RangeError);
    expect(() => generateDemoHouseholds(grids, { households: 1.5 })).toThrow(RangeError);
    expect(() => generateDemoHouseholds([], { households: 1 })).toThrow(RangeError);
  });
});
