/** Callbacks for XmlScanner. Names are local (a 'x:row' tag arrives as 'row'). */
export interface XmlHandler {
  open(name: string, tag: string, selfClosing: boolean): void;
  close(name: string): void;
  /** Decoded character data; only delivered while `wantsText` is true. */
  text(text: string): void;
  wantsText: boolean;
}

const ENTITY = /&(?:#x([0-9a-fA-F]+)|#(\d+)|(amp|lt|gt|quot|apos));/g;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function decodeXmlEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(
    ENTITY,
    (_, hex: string | undefined, dec: string | undefined, name: string | undefined) => {
      if (name) return NAMED[name] as string;
      const code = hex ? Number.parseInt(hex, 16) : Number(dec);
      return code <= 0x10ffff ? String.fromCodePoint(code) : '';
    },
  );
}

/** Value of attribute `name` in a tag's text ('c r="A1" t="s"'), entity-decoded; undefined when absent. */
export function attribute(tag: string, name: string): string | undefined {
  let from = 0;
  for (;;) {
    const at = tag.indexOf(name, from);
    if (at < 0) return undefined;
    from = at + name.length;
    const before = tag.charCodeAt(at - 1);
    // Must be a whole attribute name: preceded by whitespace, followed by optional spaces and '='.
    if (!(before === 0x20 || before === 0x09 || before === 0x0a || before === 0x0d)) continue;
    let p = from;
    while (isSpace(tag.charCodeAt(p))) p++;
    if (tag.charCodeAt(p) !== 0x3d) continue;
    p++;
    while (isSpace(tag.charCodeAt(p))) p++;
    const quote = tag[p];
    if (quote !== '"' && quote !== "'") return undefined;
    const end = tag.indexOf(quote, p + 1);
    if (end < 0) return undefined;
    return decodeXmlEntities(tag.slice(p + 1, end));
  }
}

const isSpace = (c: number) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;

/**
 * A small streaming XML tokenizer for the regular XML inside xlsx files: elements, attributes,
 * text, entities, CDATA, comments and processing instructions. No DTDs or validation. Chunks may
 * split anywhere; an incomplete tag is kept for the next chunk.
 */
export class XmlScanner {
  private carry = '';

  constructor(private readonly handler: XmlHandler) {}

  write(chunk: string): void {
    const buf = this.carry ? this.carry + chunk : chunk;
    const h = this.handler;
    const n = buf.length;
    let pos = 0;
    while (pos < n) {
      const lt = buf.indexOf('<', pos);
      if (lt < 0) break;
      let gt: number;
      let special = false;
      if (buf.startsWith('<![CDATA[', lt)) {
        const end = buf.indexOf(']]>', lt + 9);
        if (end < 0) break;
        if (h.wantsText) {
          if (lt > pos) h.text(decodeXmlEntities(buf.slice(pos, lt)));
          h.text(buf.slice(lt + 9, end));
        }
        pos = end + 3;
        continue;
      }
      if (buf.startsWith('<!--', lt)) {
        const end = buf.indexOf('-->', lt + 4);
        if (end < 0) break;
        gt = end + 2;
        special = true;
      } else {
        gt = findTagEnd(buf, lt + 1);
        if (gt < 0) break;
        const first = buf.charCodeAt(lt + 1);
        special = first === 0x3f /* ? */ || first === 0x21; /* ! */
      }
      if (h.wantsText && lt > pos) h.text(decodeXmlEntities(buf.slice(pos, lt)));
      pos = gt + 1;
      if (special) continue;
      if (buf.charCodeAt(lt + 1) === 0x2f /* / */) {
        h.close(localName(buf, lt + 2, gt));
        continue;
      }
      const selfClosing = buf.charCodeAt(gt - 1) === 0x2f;
      const tag = buf.slice(lt + 1, selfClosing ? gt - 1 : gt);
      h.open(localName(tag, 0, tag.length), tag, selfClosing);
      if (selfClosing) h.close(localName(tag, 0, tag.length));
    }
    if (pos < n && !h.wantsText && buf.indexOf('<', pos) < 0) {
      // Text nobody wants, with no tag after it yet: drop it rather than carry it.
      this.carry = '';
      return;
    }
    this.carry = buf.slice(pos);
  }

  /** Whatever is left must be whitespace, else the document was cut off. */
  end(): boolean {
    const rest = this.carry.trim();
    this.carry = '';
    return rest === '';
  }
}

/** Index of the '>' closing a tag, skipping '>' inside quoted attribute values; -1 if not yet seen. */
function findTagEnd(buf: string, from: number): number {
  let quote = 0;
  for (let p = from; p < buf.length; p++) {
    const c = buf.charCodeAt(p);
    if (quote) {
      if (c === quote) quote = 0;
    } else if (c === 0x3e) return p;
    else if (c === 0x22 || c === 0x27) quote = c;
  }
  return -1;
}

function localName(s: string, start: number, end: number): string {
  let p = start;
  while (p < end) {
    const c = s.charCodeAt(p);
    if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x2f || c === 0x3e) break;
    p++;
  }
  const name = s.slice(start, p);
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}
