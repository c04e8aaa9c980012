import { describe, expect, it } from 'vitest';
import { csvBlob, csvCell, csvLine, csvTextCell } from './csv';

describe('the CSV written for the import’s reports', () => {
  it('quotes cells holding a comma, quote or line break, doubling the quotes', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('枫源村, 3幢')).toBe('"枫源村, 3幢"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell(42)).toBe('42');
  });

  it('keeps text that Excel would run as a formula as text', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('+86')).toBe("'+86");
    expect(csvCell('-1')).toBe("'-1");
    expect(csvCell('@me')).toBe("'@me");
    expect(csvCell(-1)).toBe('-1');
  });

  it('wraps a number-like text so Excel keeps its leading zeros and all 18 digits', () => {
    expect(csvTextCell('0571')).toBe('"=""0571"""');
    expect(csvTextCell('')).toBe('');
    expect(csvTextCell('a"b')).toBe('"=""ab"""');
  });

  it('joins a line and writes UTF-8 with a byte-order mark and CRLF lines', async () => {
    expect(csvLine(['行', 2, 'a,b'])).toBe('行,2,"a,b"');
    const blob = csvBlob(['a,b', '1,2']);
    expect(blob.type).toBe('text/csv;charset=utf-8');
    const bytes = new Uint8Array(await blob.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes.slice(3))).toBe('a,b\r\n1,2\r\n');
  });
});
