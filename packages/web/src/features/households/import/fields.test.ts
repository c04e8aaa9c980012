import { parseIdCard } from '@fengqiao/shared/rules';
import { describe, expect, it } from 'vitest';
import {
  checkMapping,
  columnLetter,
  emptyMapping,
  type ImportMapping,
  isRequired,
  mappingOk,
  sameMapping,
  templateRows,
  toMapping,
} from './fields';

const mapping = (columns: Partial<ImportMapping>): ImportMapping => ({ ...emptyMapping(), ...columns });
const COMPLETE = { community: 0, room: 1, name: 2, idCard: 3 };

describe('the import’s column mapping', () => {
  it('starts with no field mapped, and reads the server’s mapping, unknown fields left out', () => {
    expect(Object.values(emptyMapping()).every((column) => column === null)).toBe(true);
    const read = toMapping({ name: 4, idCard: 5, bogus: 9 });
    expect(read.name).toBe(4);
    expect(read.idCard).toBe(5);
    expect(read.room).toBeNull();
    expect('bogus' in read).toBe(false);
    expect(sameMapping(read, mapping({ name: 4, idCard: 5 }))).toBe(true);
    expect(sameMapping(read, mapping({ name: 4 }))).toBe(false);
  });

  it('requires 村/社区, 门牌号, 姓名 and 身份证号, and accepts a complete mapping', () => {
    const none = checkMapping(emptyMapping());
    expect(none.missing).toEqual(['community', 'room', 'name', 'idCard']);
    expect(mappingOk(none)).toBe(false);
    expect(mappingOk(checkMapping(mapping(COMPLETE)))).toBe(true);
  });

  it('lets one 住址 column stand for 村/社区 and 门牌号', () => {
    const byAddress = mapping({ address: 0, name: 1, idCard: 2 });
    expect(checkMapping(byAddress).missing).toEqual([]);
    expect(isRequired('community', byAddress)).toBe(false);
    expect(isRequired('room', byAddress)).toBe(false);
    expect(isRequired('name', byAddress)).toBe(true);
    expect(isRequired('community', emptyMapping())).toBe(true);
    expect(isRequired('phone', emptyMapping())).toBe(false);
  });

  it('refuses address parts chosen beside a 住址 column, except 村/社区', () => {
    const check = checkMapping(mapping({ address: 0, name: 1, idCard: 2, room: 3, community: 4 }));
    expect(check.besideAddress).toEqual(['room']);
    expect(mappingOk(check)).toBe(false);
  });

  it('finds a column chosen for two fields, and a longitude without its latitude', () => {
    const check = checkMapping(mapping({ ...COMPLETE, phone: 2, lng: 5 }));
    expect([...check.duplicates]).toEqual([2]);
    expect(check.lngLatUnpaired).toBe(true);
    expect(checkMapping(mapping({ ...COMPLETE, lng: 5, lat: 6 })).lngLatUnpaired).toBe(false);
  });

  it('names columns as a spreadsheet does', () => {
    expect([0, 1, 25, 26, 27, 51, 52, 701, 702].map(columnLetter)).toEqual([
      'A',
      'B',
      'Z',
      'AA',
      'AB',
      'AZ',
      'BA',
      'ZZ',
      'AAA',
    ]);
  });

  it('offers a template whose header the server recognises and whose example passes the ID check', () => {
    const { header, example, textColumns } = templateRows();
    expect(header).toHaveLength(example.length);
    expect(header).not.toContain('住址');
    expect(header.slice(0, 5)).toEqual(['村/社区', '街路', '楼栋', '单元', '门牌号']);
    const id = example[header.indexOf('身份证号')] ?? '';
    expect(parseIdCard(id).ok).toBe(true);
    expect([...textColumns].map((i) => header[i]).sort()).toEqual(['手机号', '身份证号', '门牌号'].sort());
  });
});
