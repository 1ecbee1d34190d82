// Reads an untrusted REFI-QDA XML document (project.qde or a .qdc) into a small element tree on
// the safe parser of src/domain/files/xml.ts (no DTD, no entities, limited depth), resolving
// namespace prefixes so that `<qda:Code>` and `<Code xmlns="…">` read the same.
import { createSafeXmlParser } from '../files/xml.js';

export interface XmlElement {
  /** Local name (without prefix). */
  name: string;
  /** Namespace URI, or null when none is in scope. */
  ns: string | null;
  /** Attributes without namespace declarations, by qualified name as written. */
  attrs: Record<string, string>;
  children: XmlElement[];
  /** The element's own text (not its descendants'). */
  text: string;
  /** Where it is, for messages: 'Project/Sources/TextSource[3]'. */
  path: string;
}

export class XmlTreeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'XmlTreeError';
  }
}

const MAX_ELEMENTS = 2_000_000;

export function parseXmlTree(xml: string, label: string): XmlElement {
  const stack: Array<{ el: XmlElement; scope: Map<string, string>; counts: Map<string, number> }> =
    [];
  let root: XmlElement | null = null;
  let elements = 0;
  const parser = createSafeXmlParser(
    {
      open(qname, attributes) {
        if (++elements > MAX_ELEMENTS)
          throw new XmlTreeError(`${label} has more than ${MAX_ELEMENTS} elements.`);
        const parent = stack.at(-1);
        const scope = new Map(parent?.scope ?? []);
        const attrs: Record<string, string> = {};
        for (const [k, v] of Object.entries(attributes)) {
          if (k === 'xmlns') scope.set('', v);
          else if (k.startsWith('xmlns:')) scope.set(k.slice(6), v);
          else attrs[k] = v;
        }
        const colon = qname.indexOf(':');
        const prefix = colon < 0 ? '' : qname.slice(0, colon);
        const name = colon < 0 ? qname : qname.slice(colon + 1);
        let path = name;
        if (parent) {
          const n = (parent.counts.get(name) ?? 0) + 1;
          parent.counts.set(name, n);
          path = `${parent.el.path}/${name}[${n}]`;
        }
        const el: XmlElement = {
          name,
          ns: scope.get(prefix) ?? null,
          attrs,
          children: [],
          text: '',
          path,
        };
        if (parent) parent.el.children.push(el);
        else root = el;
        stack.push({ el, scope, counts: new Map() });
      },
      close() {
        stack.pop();
      },
      text(t) {
        const top = stack.at(-1);
        if (top) top.el.text += t;
      },
    },
    label,
  );
  parser.write(xml);
  parser.close();
  if (!root) throw new XmlTreeError(`${label} has no root element.`);
  return root;
}

/** Child elements with this local name. */
export function childrenNamed(el: XmlElement | undefined, name: string): XmlElement[] {
  return el ? el.children.filter((c) => c.name === name) : [];
}

export function firstChild(el: XmlElement | undefined, name: string): XmlElement | undefined {
  return el?.children.find((c) => c.name === name);
}

/** A short description of an element for messages: `Code guid="…" name="…"` at its path. */
export function describeElement(el: XmlElement): string {
  const bits = [el.name];
  for (const a of ['guid', 'name', 'targetGUID']) {
    const v = el.attrs[a];
    if (v !== undefined) bits.push(`${a}="${v.length > 60 ? `${v.slice(0, 57)}…` : v}"`);
  }
  return `<${bits.join(' ')}>`;
}
