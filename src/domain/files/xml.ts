// XML parsing for untrusted files, on saxes (a streaming, non-validating parser). A document type
// declaration is refused outright, so no external entity (XXE), external DTD or entity expansion
// (billion laughs) can ever be declared; saxes itself only knows the five predefined entities and
// character references, and fails on any other entity reference. Nesting depth is limited too.
import { SaxesParser, type SaxesTagPlain } from 'saxes';

export class UnsafeXmlError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnsafeXmlError';
  }
}

export interface XmlHandlers {
  open?(name: string, attrs: Record<string, string>): void;
  close?(name: string): void;
  text?(text: string): void;
}

export interface SafeXmlParser {
  write(chunk: string): void;
  close(): void;
}

const MAX_DEPTH = 256;

/** A streaming parser: write() text in pieces, then close(). Throws UnsafeXmlError. */
export function createSafeXmlParser(handlers: XmlHandlers, label = 'XML'): SafeXmlParser {
  const parser = new SaxesParser({ position: false, xmlns: false });
  let depth = 0;
  let failure: Error | null = null;
  parser.on('doctype', () => {
    throw new UnsafeXmlError(`${label}: document type declarations (DTDs) are not accepted.`);
  });
  parser.on('error', (err) => {
    failure = new UnsafeXmlError(`${label} is not well-formed: ${err.message}`);
    throw failure;
  });
  parser.on('opentag', (tag: SaxesTagPlain) => {
    if (++depth > MAX_DEPTH) throw new UnsafeXmlError(`${label} is nested too deeply.`);
    handlers.open?.(tag.name, tag.attributes);
    if (tag.isSelfClosing) {
      // saxes reports the closing of a self-closing tag too; nothing to do here.
    }
  });
  parser.on('closetag', (tag: SaxesTagPlain) => {
    depth--;
    handlers.close?.(tag.name);
  });
  if (handlers.text) {
    const onText = handlers.text;
    parser.on('text', (t) => onText(t));
    parser.on('cdata', (t) => onText(t));
  }
  return {
    write(chunk: string) {
      if (failure) throw failure;
      parser.write(chunk);
    },
    close() {
      if (failure) throw failure;
      parser.close();
    },
  };
}

/** Parses a complete XML string. */
export function parseXml(xml: string, handlers: XmlHandlers, label?: string): void {
  const p = createSafeXmlParser(handlers, label);
  p.write(xml);
  p.close();
}

const XML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

// eslint-disable-next-line no-control-regex -- the characters escapeXml drops or escapes
const NEEDS_ESCAPE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff&<>"']/;

/**
 * Escapes text for XML content or attributes, dropping characters XML 1.0 cannot carry (control
 * characters other than tab, newline and carriage return).
 */
export function escapeXml(s: string): string {
  // Most cells need nothing: one scan says so (exports write hundreds of thousands of cells).
  if (!NEEDS_ESCAPE.test(s)) return s;
  return (
    s
      // eslint-disable-next-line no-control-regex -- stripping control characters is the point
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
      .replace(/[&<>"']/g, (c) => XML_ESCAPES[c] ?? c)
  );
}

const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Decodes the predefined entities and character references; any other entity is refused. */
function decodeEntities(s: string, label: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&([^;&\s]{0,32});/g, (_, name: string) => {
    if (name[0] === '#') {
      const code =
        name[1] === 'x' || name[1] === 'X'
          ? parseInt(name.slice(2), 16)
          : parseInt(name.slice(1), 10);
      if (!Number.isFinite(code) || code < 0 || code > 0x10ffff)
        throw new UnsafeXmlError(`${label}: invalid character reference '&${name};'.`);
      return String.fromCodePoint(code);
    }
    const v = PREDEFINED[name];
    if (v === undefined)
      throw new UnsafeXmlError(`${label}: undefined entity '&${name};' refused.`);
    return v;
  });
}

const ATTR_RE = /\s*([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/y;
const NAME_RE = /[^\s/>]+/y;

/**
 * A fast, minimal streaming XML scanner for the bulk of spreadsheet files (sheet data, ODS
 * content): elements, attributes, text and CDATA, with the five predefined entities and character
 * references. Like createSafeXmlParser it refuses any <!DOCTYPE or other <! declaration and any
 * other entity, checks that tags balance, and limits depth; it never fetches or expands anything.
 * With `localNames` element names lose their namespace prefix (x:c -> c).
 */
export function createFastXmlScanner(
  handlers: XmlHandlers,
  label = 'XML',
  options: { localNames?: boolean } = {},
): SafeXmlParser {
  let buf = '';
  const stack: string[] = [];
  const local = options.localNames === true;
  const { open, close, text } = handlers;

  function tagEnd(from: number): number {
    let q = 0;
    for (let j = from; j < buf.length; j++) {
      const c = buf.charCodeAt(j);
      if (q !== 0) {
        if (c === q) q = 0;
      } else if (c === 34 || c === 39) q = c;
      else if (c === 62) return j;
    }
    return -1;
  }

  function run(final: boolean): void {
    let i = 0;
    const n = buf.length;
    while (i < n) {
      const lt = buf.indexOf('<', i);
      if (lt < 0) break;
      if (lt > i && text && stack.length > 0) text(decodeEntities(buf.slice(i, lt), label));
      const next = buf.charCodeAt(lt + 1);
      if (next === 33 /* ! */) {
        if (buf.startsWith('<!--', lt)) {
          const end = buf.indexOf('-->', lt + 4);
          if (end < 0) {
            i = lt;
            break;
          }
          i = end + 3;
          continue;
        }
        if (buf.startsWith('<![CDATA[', lt)) {
          const end = buf.indexOf(']]>', lt + 9);
          if (end < 0) {
            i = lt;
            break;
          }
          if (text && stack.length > 0) text(buf.slice(lt + 9, end));
          i = end + 3;
          continue;
        }
        if (lt + 9 > n && !final) {
          i = lt;
          break;
        }
        throw new UnsafeXmlError(`${label}: document type declarations (DTDs) are not accepted.`);
      }
      if (next === 63 /* ? */) {
        const end = buf.indexOf('?>', lt + 2);
        if (end < 0) {
          i = lt;
          break;
        }
        i = end + 2;
        continue;
      }
      const gt = tagEnd(lt + 1);
      if (gt < 0) {
        i = lt;
        break;
      }
      if (next === 47 /* / */) {
        let name = buf.slice(lt + 2, gt).trim();
        if (local) name = name.slice(name.indexOf(':') + 1);
        const expected = stack.pop();
        if (expected !== name)
          throw new UnsafeXmlError(
            `${label} is not well-formed: </${name}> closes <${expected ?? ''}>.`,
          );
        close?.(name);
      } else {
        const selfClosing = buf.charCodeAt(gt - 1) === 47;
        NAME_RE.lastIndex = lt + 1;
        const nm = NAME_RE.exec(buf);
        let name = nm ? nm[0] : '';
        let p = lt + 1 + name.length;
        if (local) name = name.slice(name.indexOf(':') + 1);
        const attrs: Record<string, string> = {};
        const attrEnd = selfClosing ? gt - 1 : gt;
        while (p < attrEnd) {
          ATTR_RE.lastIndex = p;
          const m = ATTR_RE.exec(buf);
          if (!m || ATTR_RE.lastIndex > attrEnd) break;
          const v = m[2] ?? m[3] ?? '';
          attrs[m[1]!] = v.includes('&') ? decodeEntities(v, label) : v;
          p = ATTR_RE.lastIndex;
        }
        if (stack.length >= MAX_DEPTH) throw new UnsafeXmlError(`${label} is nested too deeply.`);
        stack.push(name);
        open?.(name, attrs);
        if (selfClosing) {
          stack.pop();
          close?.(name);
        }
      }
      i = gt + 1;
    }
    buf = buf.slice(i);
    if (final) {
      if (buf.trim() !== '' || stack.length > 0)
        throw new UnsafeXmlError(`${label} is not well-formed (it ends inside an element).`);
    } else if (buf.length > 64 * 1024 * 1024) {
      throw new UnsafeXmlError(`${label}: a single tag or text is too long.`);
    }
  }

  return {
    write(chunk: string) {
      buf += chunk;
      run(false);
    },
    close() {
      run(true);
    },
  };
}
