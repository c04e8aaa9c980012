import { describe, expect, it } from 'vitest';
import { columnIndex, readSharedStringsXml, readSheetXml, type SheetContext } from './sheet-xml.js';
import type { TableRow } from './table-row.js';

async function* chunks(xml: string, size: number): AsyncGenerator<string> {
  for (let i = 0; i < xml.length; i += size) yield xml.slice(i, i + size);
}

async function rows(
  xml: string,
  context: Partial<SheetContext> = {},
  size = xml.length,
): Promise<TableRow[]> {
  const out: TableRow[] = [];
  const ctx: SheetContext = { sharedStrings: [], numFmtOf: () => undefined, date1904: false, ...context };
  for await (const batch of readSheetXml(chunks(xml, size), ctx)) out.push(...batch);
  return out;
}

const sheet = (data: string, prefix = '') =>
  `<?xml version="1.0"?><${prefix}worksheet xmlns="x"><${prefix}sheetData>${data}</${prefix}sheetData></${prefix}worksheet>`;

describe('columnIndex', () => {
  it('decodes column letters', () => {
    expect(columnIndex('A1')).toBe(0);
    expect(columnIndex('Z9')).toBe(25);
    expect(columnIndex('AA10')).toBe(26);
    expect(columnIndex('XFD1')).toBe(16383);
    expect(columnIndex('12')).toBe(-1);
  });
});

describe('readSheetXml', () => {
  it('reads every cell type as text', async () => {
    const xml = sheet(
      '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="inlineStr"><is><r><t>枫</t></r><r><rPr><b/></rPr><t xml:space="preserve">桥 </t></r><rPh><t>fengqiao</t></rPh></is></c>' +
        '<c r="D1" t="str"><f>A1&amp;"x"</f><v>张三x</v></c><c r="E1" t="b"><v>1</v></c><c r="F1" t="e"><v>#N/A</v></c>' +
        '<c r="G1"><v>3.3068119900101101E+17</v></c><c r="H1" s="2"><v>32874</v></c><c r="I1" t="d"><v>2024-05-06T00:00:00</v></c>' +
        '<c r="J1"><f>1+1</f><v>2</v></c><c r="K1" s="2"><f>TODAY()</f><v>45000.5</v></c><c r="L1"/></row>',
    );
    const result = await rows(xml, {
      sharedStrings: [' 张三 ', { richText: [{ text: '富' }, { text: '文本' }] }],
      numFmtOf: (s) => (s === 2 ? 'yyyy-mm-dd' : undefined),
    });
    expect(result).toEqual([
      {
        rowNumber: 1,
        cells: [
          '张三',
          '富文本',
          '枫桥',
          '张三x',
          'TRUE',
          '#N/A',
          '3.30681199001011E+17',
          '1990-01-01',
          '2024-05-06',
          '2',
          '2023-03-15 12:00:00',
        ],
      },
    ]);
  });

  it('fills gaps, skips empty rows and handles omitted references and prefixes', async () => {
    const xml = sheet(
      '<x:row r="2"><x:c r="C2"><x:v>3</x:v></x:c></x:row><x:row r="3"><x:c r="A3"/></x:row><x:row r="4"/>' +
        '<x:row><x:c><x:v>1</x:v></x:c><x:c><x:v>2</x:v></x:c></x:row>',
      'x:',
    );
    expect(await rows(xml)).toEqual([
      { rowNumber: 2, cells: ['', '', '3'] },
      { rowNumber: 5, cells: ['1', '2'] },
    ]);
  });

  it('uses the 1904 date system when the workbook does', async () => {
    const xml = sheet('<row r="1"><c r="A1" s="1"><v>31412</v></c></row>');
    expect(await rows(xml, { numFmtOf: () => 'd/m/yyyy', date1904: true })).toEqual([
      { rowNumber: 1, cells: ['1990-01-01'] },
    ]);
  });

  it('gives the same rows however the XML is chunked', async () => {
    const xml = sheet(
      '<row r="1"><c r="A1" t="inlineStr"><is><t>枫桥&amp;东溪</t></is></c><c r="B1"><v>12.5</v></c></row><row r="2"><c r="B2" t="str"><v>x</v></c></row>',
    );
    const whole = await rows(xml);
    for (let size = 1; size < 40; size++) expect(await rows(xml, {}, size)).toEqual(whole);
  });
});

describe('readSharedStringsXml', () => {
  it('joins rich-text runs and skips phonetic guides', async () => {
    const xml =
      '<sst><si><t>枫桥村</t></si><si><r><t>富</t></r><r><rPr><b/></rPr><t>文本</t></r></si>' +
      '<si><t>张三</t><rPh sb="0" eb="2"><t>zhang san</t></rPh></si><si><t/></si><si><t>a &amp; b</t></si></sst>';
    expect(await readSharedStringsXml(chunks(xml, 7))).toEqual(['枫桥村', '富文本', '张三', '', 'a & b']);
  });
});
