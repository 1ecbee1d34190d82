// The project's own structural checker for REFI-QDA documents: what Project.xsd and Codebook.xsd
// require (root element and namespace, required and typed attributes, GUID and colour patterns,
// child elements in sequence order with their counts, text types), plus the one rule the XSD
// states in a comment (a text source has PlainTextContent or plainTextPath, not both). Exports
// are checked with it in `npm test`; `npm run conformance` checks them with a real XSD validator.
import { isRefiGuid } from './guid.js';
import { describeElement, type XmlElement } from './xml-tree.js';
import {
  CODEBOOK_NS,
  codebookTypes,
  PROJECT_NS,
  projectTypes,
  type ComplexType,
  type ElementParticle,
  type Particle,
  type SimpleType,
} from './xsd-rules.js';

export type ProblemCode =
  | 'root'
  | 'namespace'
  | 'attribute-missing'
  | 'attribute-type'
  | 'attribute-unexpected'
  | 'child-missing'
  | 'child-order'
  | 'child-unexpected'
  | 'child-too-many'
  | 'text-unexpected'
  | 'text-type'
  | 'rule';

export interface RefiProblem {
  code: ProblemCode;
  /** Element path, e.g. 'Project/CodeBook[1]/Codes[1]/Code[2]'. */
  path: string;
  /** The element as written: '<Code guid="c-joy" name="Joy">'. */
  element: string;
  attribute?: string;
  /** The simple type that was expected (attribute-type, text-type). */
  type?: SimpleType;
  value?: string;
  reason: string;
}

const DATE_TIME = /^-?\d{4,}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/;
const DATE = /^-?\d{4,}-\d{2}-\d{2}(Z|[+-]\d{2}:\d{2})?$/;

/** Whether the YYYY-MM-DD at the start of v (after an optional minus) is a day that exists. */
function realDay(v: string): boolean {
  const m = /^-?(\d{4,})-(\d{2})-(\d{2})/.exec(v);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const days = new Date(Date.UTC(2000 + (y % 400), mo, 0)).getUTCDate();
  return mo >= 1 && mo <= 12 && d >= 1 && d <= days;
}

const enums: Partial<Record<SimpleType, readonly string[]>> = {
  direction: ['Associative', 'OneWay', 'Bidirectional'],
  typeOfVariable: ['Text', 'Boolean', 'Integer', 'Float', 'Date', 'DateTime'],
  shape: [
    'Person',
    'Oval',
    'Rectangle',
    'RoundedRectangle',
    'Star',
    'LeftTriangle',
    'RightTriangle',
    'UpTriangle',
    'DownTriangle',
    'Note',
  ],
  lineStyle: ['dotted', 'dashed', 'solid'],
};

/** Why value is not of the simple type, or null when it is. */
export function simpleTypeProblem(type: SimpleType, raw: string): string | null {
  const v = type === 'string' ? raw : raw.trim();
  switch (type) {
    case 'string':
      return null;
    case 'guid':
      return isRefiGuid(v)
        ? null
        : 'is not a GUID (a UUID such as 3f2a…-…, with or without braces)';
    case 'integer':
      return /^[+-]?\d+$/.test(v) ? null : 'is not a whole number';
    case 'boolean':
      return /^(true|false|1|0)$/.test(v) ? null : 'is not true or false';
    case 'dateTime':
      return DATE_TIME.test(v) && realDay(v)
        ? null
        : 'is not a date and time (YYYY-MM-DDThh:mm:ssZ)';
    case 'date':
      return DATE.test(v) && realDay(v) ? null : 'is not a date (YYYY-MM-DD)';
    case 'decimal':
      return /^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(v) ? null : 'is not a decimal number';
    case 'rgb':
      return /^#([A-Fa-f0-9]{6}|[A-Fa-f0-9]{3})$/.test(v) ? null : 'is not a colour (#RRGGBB)';
    default: {
      const allowed = enums[type] ?? [];
      return allowed.includes(v) ? null : `is not one of ${allowed.join(', ')}`;
    }
  }
}

const SIMPLE = new Set<string>([
  'string',
  'guid',
  'integer',
  'boolean',
  'dateTime',
  'date',
  'decimal',
  'rgb',
]);

function particles(p: Particle): ElementParticle[] {
  return 'choice' in p ? p.choice : [p];
}

class Checker {
  readonly problems: RefiProblem[] = [];
  constructor(
    private readonly types: Record<string, ComplexType>,
    private readonly ns: string,
  ) {}

  private add(el: XmlElement, p: Omit<RefiProblem, 'path' | 'element'>): void {
    this.problems.push({ path: el.path, element: describeElement(el), ...p });
  }

  element(el: XmlElement, typeName: string): void {
    if (el.ns !== this.ns)
      this.add(el, {
        code: 'namespace',
        value: el.ns ?? '',
        reason: `<${el.name}> must be in the namespace ${this.ns} (found ${el.ns ? `'${el.ns}'` : 'none'})`,
      });
    if (SIMPLE.has(typeName)) return this.simpleElement(el, typeName as SimpleType);
    const type = this.types[typeName];
    if (!type) throw new Error(`validate: unknown type ${typeName}`);
    this.attributes(el, type);
    if (el.text.trim() !== '')
      this.add(el, {
        code: 'text-unexpected',
        value: el.text.trim().slice(0, 40),
        reason: `<${el.name}> may contain elements only, not text`,
      });
    this.sequence(el, type.seq);
    if (
      ['TextSource', 'Transcript'].includes(typeName) &&
      el.attrs.plainTextPath !== undefined &&
      el.children.some((c) => c.name === 'PlainTextContent')
    )
      this.add(el, {
        code: 'rule',
        attribute: 'plainTextPath',
        reason: `<${el.name}> has both PlainTextContent and plainTextPath; it must have one or the other`,
      });
  }

  private simpleElement(el: XmlElement, type: SimpleType): void {
    for (const c of el.children)
      this.add(c, {
        code: 'child-unexpected',
        reason: `<${el.name}> holds text only; <${c.name}> is not allowed in it`,
      });
    for (const a of Object.keys(el.attrs))
      if (!a.startsWith('xsi:'))
        this.add(el, {
          code: 'attribute-unexpected',
          attribute: a,
          reason: `<${el.name}> has no attribute ${a}`,
        });
    const problem = simpleTypeProblem(type, el.text);
    if (problem)
      this.add(el, {
        code: 'text-type',
        type,
        value: el.text.slice(0, 40),
        reason: `The content of <${el.name}> ${problem}`,
      });
  }

  private attributes(el: XmlElement, type: ComplexType): void {
    for (const [name, value] of Object.entries(el.attrs)) {
      const spec = type.attrs[name];
      if (!spec) {
        if (!name.startsWith('xsi:'))
          this.add(el, {
            code: 'attribute-unexpected',
            attribute: name,
            value,
            reason: `<${el.name}> has no attribute ${name}`,
          });
        continue;
      }
      const problem = simpleTypeProblem(spec.type, value);
      if (problem)
        this.add(el, {
          code: 'attribute-type',
          attribute: name,
          type: spec.type,
          value,
          reason: `${name}="${value}" ${problem}`,
        });
    }
    for (const [name, spec] of Object.entries(type.attrs))
      if (spec.required && el.attrs[name] === undefined)
        this.add(el, {
          code: 'attribute-missing',
          attribute: name,
          type: spec.type,
          reason: `<${el.name}> must have the attribute ${name}`,
        });
  }

  private sequence(el: XmlElement, seq: Particle[]): void {
    const counts = seq.map(() => 0);
    let at = 0;
    const missingBetween = (from: number, to: number, before: string) => {
      for (let k = from; k < to; k++) {
        const p = seq[k]!;
        if (counts[k]! < p.min)
          this.add(el, {
            code: 'child-missing',
            reason: `<${el.name}> must contain ${particles(p)
              .map((x) => `<${x.name}>`)
              .join(' or ')}${before}`,
          });
      }
    };
    for (const child of el.children) {
      let j = -1;
      for (let k = at; k < seq.length; k++) {
        if (particles(seq[k]!).some((x) => x.name === child.name)) {
          j = k;
          break;
        }
      }
      if (j < 0) {
        const earlier = seq
          .slice(0, at)
          .some((p) => particles(p).some((x) => x.name === child.name));
        this.add(child, {
          code: earlier ? 'child-order' : 'child-unexpected',
          reason: earlier
            ? `<${child.name}> is out of order in <${el.name}> (expected order: ${seq
                .flatMap(particles)
                .map((x) => x.name)
                .join(', ')})`
            : `<${el.name}> cannot contain <${child.name}>`,
        });
        continue;
      }
      missingBetween(at, j, ` before <${child.name}>`);
      const p = seq[j]!;
      if (counts[j]! >= p.max)
        this.add(child, {
          code: 'child-too-many',
          reason: `<${el.name}> may contain at most ${p.max} ${particles(p)
            .map((x) => `<${x.name}>`)
            .join(' or ')}`,
        });
      counts[j]!++;
      at = j;
      const particle = particles(p).find((x) => x.name === child.name)!;
      this.element(child, particle.type);
    }
    missingBetween(at, seq.length, '');
  }
}

function check(
  root: XmlElement,
  rootName: string,
  types: Record<string, ComplexType>,
  ns: string,
): RefiProblem[] {
  if (root.name !== rootName)
    return [
      {
        code: 'root',
        path: root.path,
        element: describeElement(root),
        reason: `The root element must be <${rootName}>, not <${root.name}>`,
      },
    ];
  const c = new Checker(types, ns);
  c.element(root, rootName);
  return c.problems;
}

/** Problems of a project.qde document against Project.xsd (empty when it is valid). */
export function validateProject(root: XmlElement): RefiProblem[] {
  return check(root, 'Project', projectTypes, PROJECT_NS);
}

/** Problems of a .qdc document against Codebook.xsd (empty when it is valid). */
export function validateCodebook(root: XmlElement): RefiProblem[] {
  return check(root, 'CodeBook', codebookTypes, CODEBOOK_NS);
}

/** One line per problem: "Project/CodeBook[1]/Codes[1]/Code[2] <Code guid="c-joy">: …". */
export function formatProblem(p: RefiProblem): string {
  return `${p.path} ${p.element}: ${p.reason}`;
}
