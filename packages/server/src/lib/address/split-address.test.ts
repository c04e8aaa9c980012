import { describe, expect, it } from 'vitest';
import { householdKeyOf } from './household-key.js';
import { chineseNumeralToDigits, createAddressSplitter } from './split-address.js';

const STATION = ['枫源村', '栎桥村', '新枫溪村', '枫溪村', '枫桥社区', '和平社区居委会'];
const split = createAddressSplitter(STATION);

type Row = [cell: string, community: string, street: string, building: string, unit: string, room: string];

/** Cells as village committees' and stations' registers write them, and the parts each must give. */
const GOOD: (Row | [...Row, { community: string }])[] = [
  // Villages: 村 + 村民小组 (or a hamlet, or a lane) + 门牌号.
  ['枫源村3组12号', '枫源村', '3组', '', '', '12号'],
  ['诸暨市枫桥镇枫源村3组12号', '枫源村', '3组', '', '', '12号'],
  ['浙江省绍兴市诸暨市枫桥镇枫源村3组12号', '枫源村', '3组', '', '', '12号'],
  ['枫桥镇枫源村三组12号', '枫源村', '3组', '', '', '12号'],
  ['枫源村第三村民小组12号', '枫源村', '3组', '', '', '12号'],
  ['枫源村十一组5号', '枫源村', '11组', '', '', '5号'],
  ['枫源村上宅12号', '枫源村', '上宅', '', '', '12号'],
  ['枫源村12号', '枫源村', '', '', '', '12号'],
  ['枫源村３组１２号', '枫源村', '3组', '', '', '12号'],
  ['枫源村 3组 12号', '枫源村', '3组', '', '', '12号'],
  ['枫源村3组十二号', '枫源村', '3组', '', '', '12号'],
  ['枫源村3组-12号', '枫源村', '3组', '', '', '12号'],
  ['栎桥村新村路8-1号', '栎桥村', '新村路', '', '', '8-1号'],
  ['新枫溪村2组7号', '新枫溪村', '2组', '', '', '7号'],
  ['枫溪镇枫溪村2组7号', '枫溪村', '2组', '', '', '7号'],
  // Towns: community + road and number + 幢/栋/号楼/座 + 单元 + 室/户.
  ['枫桥社区和平路8号3幢2单元301室', '枫桥社区', '和平路8号', '3幢', '2单元', '301室'],
  ['诸暨市枫桥镇枫桥社区和平路8号3幢2单元301室', '枫桥社区', '和平路8号', '3幢', '2单元', '301室'],
  ['枫桥街道枫桥社区和平路8号3幢2单元301室', '枫桥社区', '和平路8号', '3幢', '2单元', '301室'],
  ['越城区枫桥社区和平路8号', '枫桥社区', '和平路', '', '', '8号'],
  ['枫桥社区枫江花园3栋二单元502', '枫桥社区', '枫江花园', '3栋', '2单元', '502'],
  ['枫桥社区枫江花园3号楼1单元101室', '枫桥社区', '枫江花园', '3号楼', '1单元', '101室'],
  ['枫桥社区枫江花园3#楼2单元301', '枫桥社区', '枫江花园', '3号楼', '2单元', '301'],
  ['枫桥社区枫江花园五幢三单元602户', '枫桥社区', '枫江花园', '5幢', '3单元', '602室'],
  ['枫桥社区枫江花园A座1203', '枫桥社区', '枫江花园', 'A座', '', '1203'],
  ['枫桥社区和平路8号3-2-301', '枫桥社区', '和平路8号', '3幢', '2单元', '301室'],
  ['枫桥社区和平路8号301室', '枫桥社区', '和平路8号', '', '', '301室'],
  ['枫桥社区和平路8号', '枫桥社区', '和平路', '', '', '8号'],
  ['枫桥社区2单元301室', '枫桥社区', '', '', '2单元', '301室'],
  ['和平社区新民街6号', '和平社区居委会', '新民街', '', '', '6号'],
  // The file also has a 村/社区 column: the cell may leave the village out, or must agree with it.
  ['3组12号', '枫源村', '3组', '', '', '12号', { community: '枫源村' }],
  ['枫桥镇3组12号', '枫源村', '3组', '', '', '12号', { community: '枫源村' }],
  ['枫源村3组12号', '枫源村', '3组', '', '', '12号', { community: '枫源村' }],
  ['和平路8号', '外村', '和平路', '', '', '8号', { community: '外村' }],
];

/** Cells that cannot be split confidently, and what the row error must say. */
const REFUSED: [cell: string, reason: RegExp, options?: { community: string }][] = [
  ['3组12号', /^无法识别村\/社区「3组12号」/],
  ['东溪村3组12号', /^无法识别村\/社区「东溪村」：不是本所的村\/社区/],
  ['诸暨市枫桥镇东溪村12号', /^无法识别村\/社区「东溪村」/],
  ['枫桥派出所枫源村3组12号', /^无法识别村\/社区/],
  ['枫源村3组', /^无法识别门牌号「枫源村3组」/],
  ['枫源村', /^无法识别门牌号/],
  ['枫桥社区和平路', /^无法识别门牌号/],
  ['枫桥社区和平路8号3幢', /^无法识别门牌号/],
  ['枫源村3组12号(东)', /^无法识别门牌号/],
  ['枫源村3组12号旁', /^无法识别门牌号/],
  ['枫桥社区和平路8号3幢5楼501室', /^无法确定楼栋、单元和房号/],
  ['枫桥社区3幢2单元3幢301室', /^无法确定楼栋、单元和房号/],
  ['枫桥社区和平路8-3-2-301', /^无法识别门牌号/],
  ['枫桥社区A座', /^无法识别门牌号/],
  ['栎桥村3组12号', /^住址中的村\/社区「栎桥村」与村\/社区列「枫源村」不一致/, { community: '枫源村' }],
  ['东溪村3组12号', /^住址中的村\/社区「东溪村」与村\/社区列「枫源村」不一致/, { community: '枫源村' }],
  ['   ', /^住址不能为空/],
];

describe('splitAddress', () => {
  it(`splits ${GOOD.length} real-looking addresses, rural and urban, into the register's parts`, () => {
    for (const [cell, community, street, building, unit, room, options] of GOOD) {
      expect({ cell, result: split(cell, options) }).toEqual({
        cell,
        result: { ok: true, parts: { community, street, building, unit, room } },
      });
    }
  });

  it(`refuses ${REFUSED.length} cells it cannot split confidently, with a reason naming what is wrong`, () => {
    for (const [cell, reason, options] of REFUSED) {
      const result = split(cell, options);
      expect({ cell, ok: result.ok }).toEqual({ cell, ok: false });
      if (!result.ok)
        expect({ cell, reason: result.reason }).toEqual({ cell, reason: expect.stringMatching(reason) });
    }
  });

  it('gives one household key however the same door is written', () => {
    const keys = [
      '枫桥社区和平路8号3幢2单元301室',
      '诸暨市枫桥镇枫桥社区和平路8号三幢二单元301户',
      '枫桥社区 和平路8号 3号楼 2单元 301',
      '枫桥社区和平路8号3-2-301',
      '枫桥社区和平路８号３栋２单元３０１室',
    ].map((cell) => {
      const result = split(cell);
      if (!result.ok) throw new Error(`${cell}: ${result.reason}`);
      return householdKeyOf(result.parts);
    });
    expect(new Set(keys).size).toBe(1);
  });

  it('knows no village when the station has none, so every cell without a 村/社区 column is refused', () => {
    expect(createAddressSplitter([])('枫源村3组12号')).toMatchObject({ ok: false });
  });
});

describe('chineseNumeralToDigits', () => {
  it('reads the numerals registers write before 组, 幢, 单元 and 号', () => {
    const cases: [string, string][] = [
      ['三', '3'],
      ['十', '10'],
      ['十二', '12'],
      ['二十', '20'],
      ['二十三', '23'],
      ['一百零五', '105'],
      ['三〇一', '301'],
      ['两', '2'],
      ['12', '12'],
      ['A', 'A'],
    ];
    expect(cases.map(([text]) => [text, chineseNumeralToDigits(text)])).toEqual(cases);
  });
});
