import { describe, expect, it } from 'vitest';
import { attribute, decodeXmlEntities, type XmlHandler, XmlScanner } from './xml-scanner.js';

function events(xml: string, chunkSize = xml.length): string[] {
  const out: string[] = [];
  const handler: XmlHandler = {
    wantsText: true,
    open: (name, tag, selfClosing) => out.push(`<${name}${selfClosing ? '/' : ''}|${tag}>`),
    close: (name) => out.push(`</${name}>`),
    text: (text) => {
      if (text.trim()) out.push(`#${text}`);
    },
  };
  const scanner = new XmlScanner(handler);
  for (let i = 0; i < xml.length; i += chunkSize) scanner.write(xml.slice(i, i + chunkSize));
  expect(scanner.end()).toBe(true);
  // Text may arrive in pieces; join neighbours for comparison.
  return out.reduce<string[]>((acc, e) => {
    const last = acc.at(-1);
    if (last?.startsWith('#') && e.startsWith('#')) acc[acc.length - 1] = last + e.slice(1);
    else acc.push(e);
    return acc;
  }, []);
}

const XML =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<!-- a > comment -->' +
  '<x:root a="1 > 0" b=\'q"\'><x:item/>text &amp; &lt;more&gt; &#x6797;&#26519;<![CDATA[<raw> & ]]></x:root>';

describe('XmlScanner', () => {
  it('reports tags by local name, attributes verbatim, text decoded, CDATA raw', () => {
    expect(events(XML)).toEqual([
      `<root|x:root a="1 > 0" b='q"'>`,
      '<item/|x:item>',
      '</item>',
      '#text & <more> 林林<raw> & ',
      '</root>',
    ]);
  });

  it('gives the same events however the input is chunked', () => {
    const whole = events(XML);
    for (let size = 1; size < XML.length; size++) expect(events(XML, size)).toEqual(whole);
  });

  it('reports a document cut off inside a tag', () => {
    const scanner = new XmlScanner({ wantsText: false, open() {}, close() {}, text() {} });
    scanner.write('<root><row r="1"');
    expect(scanner.end()).toBe(false);
  });
});

describe('attribute', () => {
  it('finds whole attribute names only, with either quote and entities', () => {
    const tag = 'c r="AS1" s="3" t="s" x:t="no" data=\'a&amp;b\'';
    expect(attribute(tag, 'r')).toBe('AS1');
    expect(attribute(tag, 's')).toBe('3');
    expect(attribute(tag, 't')).toBe('s');
    expect(attribute(tag, 'data')).toBe('a&b');
    expect(attribute(tag, 'missing')).toBeUndefined();
    expect(attribute('row\n  r = "7"', 'r')).toBe('7');
  });
});

describe('decodeXmlEntities', () => {
  it('decodes named and numeric entities and leaves unknown ones', () => {
    expect(decodeXmlEntities('&quot;&apos;&#38;&#x26;&nbsp;')).toBe('"\'&&&nbsp;');
  });
});
