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

/**
 * Escapes text for XML content or attributes, dropping characters XML 1.0 cannot carry (control
 * characters other than tab, newline and carriage return).
 */
export function escapeXml(s: string): string {
  return (
    s
      // eslint-disable-next-line no-control-regex -- stripping control characters is the point
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
      .replace(/[&<>"']/g, (c) => XML_ESCAPES[c] ?? c)
  );
}
