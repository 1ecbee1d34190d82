// A small XML writer for the REFI-QDA exports: elements, attributes and text, always escaped,
// indented for people to read (whitespace only between elements, never inside text content).
// Characters XML 1.0 cannot carry are dropped; tabs and line breaks inside attribute values are
// written as character references so that parsers' attribute normalisation keeps them.

const INVALID =
  // eslint-disable-next-line no-control-regex -- removing what XML 1.0 forbids is the point
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

// Anything escapeText or escapeAttribute would change: most values (GUIDs, dates, numbers,
// names) have none, and are returned after this one scan instead of eight replacements.
const NEEDS_WORK =
  // eslint-disable-next-line no-control-regex -- the same characters as INVALID, and & < > " CR LF TAB
  /[\u0000-\u001f\ufffe\uffff\ud800-\udfff&<>"]/;

export function escapeText(s: string): string {
  if (!NEEDS_WORK.test(s)) return s;
  return s
    .replace(INVALID, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r/g, '&#13;');
}

export function escapeAttribute(s: string): string {
  if (!NEEDS_WORK.test(s)) return s;
  return escapeText(s).replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;');
}

export type Attributes = Record<string, string | number | boolean | null | undefined>;

function attributeText(attrs: Attributes | undefined): string {
  if (!attrs) return '';
  let out = '';
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined) continue;
    out += ` ${name}="${escapeAttribute(String(value))}"`;
  }
  return out;
}

export class XmlWriter {
  private readonly parts: string[] = ['<?xml version="1.0" encoding="UTF-8"?>\n'];
  private readonly stack: string[] = [];

  private pad(): string {
    return '  '.repeat(this.stack.length);
  }

  /** Opens an element that will contain other elements. */
  open(name: string, attrs?: Attributes): this {
    this.parts.push(`${this.pad()}<${name}${attributeText(attrs)}>\n`);
    this.stack.push(name);
    return this;
  }

  close(): this {
    const name = this.stack.pop();
    if (name === undefined) throw new Error('XmlWriter: nothing to close');
    this.parts.push(`${this.pad()}</${name}>\n`);
    return this;
  }

  /** An element with attributes only. */
  empty(name: string, attrs?: Attributes): this {
    this.parts.push(`${this.pad()}<${name}${attributeText(attrs)}/>\n`);
    return this;
  }

  /** An element holding text exactly as given (no indentation inside). */
  text(name: string, text: string, attrs?: Attributes): this {
    this.parts.push(`${this.pad()}<${name}${attributeText(attrs)}>${escapeText(text)}</${name}>\n`);
    return this;
  }

  /** XML written elsewhere (one element per line), indented to the current depth. */
  raw(xml: string): this {
    const pad = this.pad();
    for (const line of xml.split('\n')) this.parts.push(`${pad}${line}\n`);
    return this;
  }

  toString(): string {
    if (this.stack.length > 0) throw new Error(`XmlWriter: <${this.stack.at(-1)}> is not closed`);
    return this.parts.join('');
  }
}
