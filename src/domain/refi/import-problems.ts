// Which departures from the XSDs an import refuses and which it repairs. Refused: anything that
// would make the import guess at identity or position (a GUID that is not a GUID, a code, source,
// selection or coding without one, a selection without whole-number positions, a coding without a
// code). Repaired, with a line in the report: empty wrappers (Taguette's <Sets/>), a missing or
// misspelt namespace, elements out of order, vendor extensions, malformed dates or colours.
import type { RefiProblem } from './validate.js';

export interface RefiDetail {
  /** Element path in the document ('Project/CodeBook[1]/Codes[1]/Code[2]'). */
  field: string;
  value?: string;
  reason: string;
}

/** The file cannot be imported as it is; nothing was changed. */
export class RefiInvalid extends Error {
  constructor(
    message: string,
    readonly details: RefiDetail[],
  ) {
    super(message);
    this.name = 'RefiInvalid';
  }
}

const IDENTIFIED = new Set([
  'Code',
  'TextSource',
  'PlainTextSelection',
  'Coding',
  'Note',
  'Case',
  'Variable',
  'User',
]);
const REFS = new Set([
  'CodeRef',
  'SourceRef',
  'SelectionRef',
  'NoteRef',
  'VariableRef',
  'MemberCode',
  'MemberSource',
  'MemberNote',
]);
const WRAPPERS = new Set([
  'Users',
  'CodeBook',
  'Codes',
  'Variables',
  'Cases',
  'Sources',
  'Notes',
  'Links',
  'Sets',
  'Graphs',
]);

function elementName(p: RefiProblem): string {
  return /^<([A-Za-z]+)/.exec(p.element)?.[1] ?? '';
}

export type Verdict = 'fatal' | 'repair';

export function classifyProblem(p: RefiProblem, opts: { repairGuids: boolean }): Verdict {
  const name = elementName(p);
  switch (p.code) {
    case 'root':
      return 'fatal';
    case 'attribute-type':
      if (p.type === 'guid') return opts.repairGuids ? 'repair' : 'fatal';
      if (name === 'PlainTextSelection' && p.type === 'integer') return 'fatal';
      return 'repair';
    case 'attribute-missing':
      if (p.attribute === 'guid' && IDENTIFIED.has(name)) return 'fatal';
      if (p.attribute === 'targetGUID' && REFS.has(name)) return 'fatal';
      if (name === 'Code' && p.attribute === 'name') return 'fatal';
      if (name === 'PlainTextSelection' && /Position$/.test(p.attribute ?? '')) return 'fatal';
      return 'repair';
    case 'child-missing':
      return name === 'Coding' ? 'fatal' : 'repair';
    default:
      return 'repair';
  }
}

/** Short report lines for the repaired problems, grouped so that 500 alike give one line. */
export function summariseRepairs(problems: RefiProblem[]): string[] {
  const groups = new Map<string, { count: number; example: RefiProblem }>();
  for (const p of problems) {
    const name = elementName(p);
    const key =
      p.code === 'child-missing' && WRAPPERS.has(name)
        ? `empty:${name}`
        : `${p.code}:${name}:${p.attribute ?? ''}`;
    const g = groups.get(key);
    if (g) g.count++;
    else groups.set(key, { count: 1, example: p });
  }
  return [...groups.entries()].map(([key, { count, example }]) => {
    const what = key.startsWith('empty:')
      ? `An empty <${elementName(example)}> (not allowed by the schema) was ignored`
      : `${example.reason} (${example.path}); ${repairAction(example)}`;
    return count > 1 ? `${what} [${count} times]` : what;
  });
}

function repairAction(p: RefiProblem): string {
  switch (p.code) {
    case 'namespace':
      return 'read as REFI-QDA anyway';
    case 'attribute-type':
      return p.type === 'guid' ? 'replaced by a new GUID' : 'the value was ignored';
    case 'attribute-missing':
      return p.attribute === 'isCodable' ? 'treated as codable' : 'left empty';
    case 'attribute-unexpected':
    case 'child-unexpected':
    case 'text-unexpected':
      return 'ignored';
    case 'child-order':
      return 'read anyway';
    case 'child-too-many':
      return 'the first was used';
    case 'rule':
      return 'PlainTextContent was used';
    default:
      return 'ignored';
  }
}

/** The exception for fatal problems: a message naming the first element and its problem. */
export function invalidFile(file: string, fatal: RefiProblem[]): RefiInvalid {
  const first = fatal[0]!;
  const more = fatal.length > 1 ? ` (and ${fatal.length - 1} more problem(s))` : '';
  const onlyGuids = fatal.every((p) => p.code === 'attribute-type' && p.type === 'guid');
  const hint = onlyGuids
    ? ' To import it anyway, ask for its identifiers to be replaced by new GUIDs (--repair-guids; repairGuids in the API).'
    : '';
  return new RefiInvalid(
    `${file} is not a valid REFI-QDA file: ${first.element} at ${first.path}: ${first.reason}${more}. Nothing was imported.${hint}`,
    fatal.slice(0, 100).map((p) => ({
      field: p.path,
      ...(p.value !== undefined ? { value: p.value } : {}),
      reason: `${p.element}: ${p.reason}`,
    })),
  );
}
