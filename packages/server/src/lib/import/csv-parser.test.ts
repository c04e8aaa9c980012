import { describe, expect, it } from 'vitest';
import { CsvParser, detectDelimiter } from './csv-parser.js';
import { ImportFileError } from './import-file-error.js';

function parseAll(text: string, delimiter: ',' | '\t' | ';' = ','): string[][] {
  const parser = new CsvParser(delimiter);
  return [...parser.push(text), ...parser.end()];
}

describe('CsvParser', () => {
  it('reads plain records with LF, CRLF and lone CR line ends', () => {
    expect(parseAll('a,b\n1,2\r\n3,4\r5,6')).toEqual([
      ['a', 'b'],
      ['1', '2'],
      ['3', '4'],
      ['5', '6'],
    ]);
  });

  it('does not add a record for the final line break', () => {
    expect(parseAll('a,b\r\n')).toEqual([['a', 'b']]);
  });

  it('handles quoted commas, doubled quotes and line breaks inside quotes', () => {
    const text = '姓名,备注\r\n"张,三","他说""你好"""\r\n"李四","第一行\r\n第二行"\n';
    expect(parseAll(text)).toEqual([
      ['姓名', '备注'],
      ['张,三', '他说"你好"'],
      ['李四', '第一行\r\n第二行'],
    ]);
  });

  it('keeps empty fields, including a trailing one', () => {
    expect(parseAll('a,,c,\n,\n')).toEqual([
      ['a', '', 'c', ''],
      ['', ''],
    ]);
  });

  it('is lenient like Excel about stray quotes', () => {
    expect(parseAll('ab"c,"x"y\n')).toEqual([['ab"c', 'xy']]);
  });

  it('keeps a blank line as a record so row numbers match Excel', () => {
    expect(parseAll('a\n\nb\n')).toEqual([['a'], [''], ['b']]);
  });

  it('gives the same result however the text is split into chunks', () => {
    const text = 'h1,h2,h3\r\n"a,""1""\r\nx",b,c\r\n"",,"end"\r\nlast,"q"\r\n';
    const expected = parseAll(text);
    for (let i = 0; i <= text.length; i++) {
      for (let j = i; j <= text.length; j += 3) {
        const parser = new CsvParser(',');
        const rows = [
          ...parser.push(text.slice(0, i)),
          ...parser.push(text.slice(i, j)),
          ...parser.push(text.slice(j)),
          ...parser.end(),
        ];
        expect(rows).toEqual(expected);
      }
    }
  });

  it('counts the records it has emitted', () => {
    const parser = new CsvParser(',');
    parser.push('a\nb\nc');
    expect(parser.recordsEmitted).toBe(2);
    parser.end();
    expect(parser.recordsEmitted).toBe(3);
  });

  it('rejects an unclosed quote with the row number', () => {
    expect(() => parseAll('a,b\n1,"open\n2,3\n')).toThrow(ImportFileError);
    expect(() => parseAll('a,b\n1,"open\n2,3\n')).toThrow('第 2 行的引号没有闭合');
  });

  it('rejects a record longer than the limit instead of buffering the whole file', () => {
    const parser = new CsvParser(',', 100);
    parser.push('a\n"');
    expect(() => parser.push('x'.repeat(200))).toThrow('第 2 行过长或引号没有闭合');
  });

  it('supports tab and semicolon delimiters', () => {
    expect(parseAll('a\tb\n1\t"2\t3"\n', '\t')).toEqual([
      ['a', 'b'],
      ['1', '2\t3'],
    ]);
    expect(parseAll('a;b\n', ';')).toEqual([['a', 'b']]);
  });
});

describe('detectDelimiter', () => {
  it('picks the delimiter that occurs most on the first line, outside quotes', () => {
    expect(detectDelimiter('姓名,身份证号,电话\n')).toBe(',');
    expect(detectDelimiter('姓名\t身份证号\t电话\n1,2,3,4,5')).toBe('\t');
    expect(detectDelimiter('"a,b,c";d;e\n')).toBe(';');
    expect(detectDelimiter('姓名\n')).toBe(',');
  });
});
