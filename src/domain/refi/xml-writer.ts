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
  // for…in, not Object.entries: an export writes hundreds of thousands of elements, and an array
  // of pairs for each was much of its garbage (issue 19).
  for (const name in attrs) {
    const value = attrs[name];
    if (value === null || value === undefined) continue;
    out += ` ${name}="${typeof value === 'string' ? escapeAttribute(value) : String(value)}"`;
  }
  return out;
}

/** Indentation by depth, made once. */
const PADS: string[] = [];
const padOf = (depth: number): string => (PADS[depth] ??= '  '.repeat(depth));

/** Text gathered before it becomes a piece of UTF-8 bytes (about 1 MB). */
const PIECE = 1 << 20;

export class XmlWriter {
  private readonly parts: string[] = [];
  private readonly pieces: Uint8Array[] = [];
  private buf = '<?xml version="1.0" encoding="UTF-8"?>\n';
  private readonly stack: string[] = [];

  private pad(): string {
    return padOf(this.stack.length);
  }

  private push(s: string): void {
    this.buf += s;
    // A long run of small strings is joined into one piece now and then (never one string of the
    // whole document: a large export is tens of megabytes).
    if (this.buf.length > 4096) {
      this.parts.push(this.buf);
      this.buf = '';
      if (this.parts.length >= PIECE / 4096) this.toPiece();
    }
  }

  private toPiece(): void {
    this.parts.push(this.buf);
    this.buf = '';
    this.pieces.push(Buffer.from(this.parts.join(''), 'utf8'));
    this.parts.length = 0;
  }

  /** Opens an element that will contain other elements. */
  open(name: string, attrs?: Attributes): this {
    this.push(`${this.pad()}<${name}${attributeText(attrs)}>\n`);
    this.stack.push(name);
    return this;
  }

  close(): this {
    const name = this.stack.pop();
    if (name === undefined) throw new Error('XmlWriter: nothing to close');
    this.push(`${this.pad()}</${name}>\n`);
    return this;
  }

  /** An element with attributes only. */
  empty(name: string, attrs?: Attributes): this {
    this.push(`${this.pad()}<${name}${attributeText(attrs)}/>\n`);
    return this;
  }

  /** An element holding text exactly as given (no indentation inside). */
  text(name: string, text: string, attrs?: Attributes): this {
    this.push(`${this.pad()}<${name}${attributeText(attrs)}>${escapeText(text)}</${name}>\n`);
    return this;
  }

  /** XML written elsewhere (one element per line), indented to the current depth. */
  raw(xml: string): this {
    const pad = this.pad();
    for (const line of xml.split('\n')) this.push(`${pad}${line}\n`);
    return this;
  }

  private ensureClosed(): void {
    if (this.stack.length > 0) throw new Error(`XmlWriter: <${this.stack.at(-1)}> is not closed`);
  }

  /** The document as UTF-8 bytes, in pieces of about 1 MB (for a file or an archive entry). */
  toBytes(): Uint8Array[] {
    this.ensureClosed();
    this.toPiece();
    return [...this.pieces];
  }

  toString(): string {
    this.ensureClosed();
    const decoder = new TextDecoder();
    return this.pieces.map((p) => decoder.decode(p)).join('') + this.parts.join('') + this.buf;
  }
}
