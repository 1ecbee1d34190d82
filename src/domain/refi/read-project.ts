// Reads a REFI-QDA project (project.qde, already parsed and checked by validate.ts) into a
// RefiProject of what Triangulate can hold, with a report of what was repaired and what was left
// out (media, sets, graphs…). Fatal problems (a selection outside its text, a coding of a code
// that does not exist, two codes with one GUID) are collected and thrown together as RefiInvalid.
import { RefiInvalid, type RefiDetail } from './import-problems.js';
import type { RefiLink, RefiNote, RefiProject } from './model.js';
import { flattenCodes } from './model.js';
import {
  guidOf,
  readCases,
  readCodes,
  readUsers,
  readVariables,
  refs,
  skip,
  textOf,
  type ReadContext,
} from './read-codes.js';
import { keepElement, type KeepContext, type KeptElement, type KeptFile } from './kept-elements.js';
import { childrenNamed, describeElement, firstChild, type XmlElement } from './xml-tree.js';
import {
  dateTime,
  deduplicate,
  readSources,
  sourceText,
  stamp,
  type ImportedSource,
  type ReadOptions,
} from './read-sources.js';

export type { ImportedSource, ReadOptions } from './read-sources.js';

export interface ImportedProject extends Omit<RefiProject, 'sources'> {
  sources: ImportedSource[];
  /** Elements kept as they were written (media sources, sets, graphs, links, users, variables). */
  kept: KeptElement[];
  /** Files those elements name (pictures, PDFs, audio, video, transcripts). */
  files: KeptFile[];
}

export interface ReadReport {
  repairs: string[];
  /** What the file holds that Triangulate does not import, counted by kind. */
  skipped: Array<{ what: string; count: number }>;
  /** Elements left out because their file is absent (only when asked to skip them). */
  notImported: Array<{ element: string; guid: string; reason: string }>;
  warnings: string[];
}

function readNotes(
  ctx: ReadContext,
  notesEl: XmlElement | undefined,
  opts: ReadOptions,
): RefiNote[] {
  const out: RefiNote[] = [];
  for (const n of childrenNamed(notesEl, 'Note')) {
    const guid = guidOf(ctx, n);
    if (!guid) continue;
    skip(
      ctx,
      'codings inside notes',
      childrenNamed(n, 'PlainTextSelection').length + childrenNamed(n, 'Coding').length,
    );
    const hasText =
      firstChild(n, 'PlainTextContent') !== undefined ||
      n.attrs.plainTextPath !== undefined ||
      n.attrs.richTextPath !== undefined;
    const text = hasText ? sourceText(ctx, n, opts, describeElement(n)) : null;
    out.push({
      guid,
      name: n.attrs.name?.trim() || null,
      description: textOf(firstChild(n, 'Description')),
      text: text ?? '',
      ...stamp(ctx, n),
    });
  }
  return out;
}

function readLinks(ctx: ReadContext, linksEl: XmlElement | undefined): RefiLink[] {
  return childrenNamed(linksEl, 'Link').flatMap((l) => {
    const guid = guidOf(ctx, l);
    const d = l.attrs.direction?.trim();
    return guid
      ? [
          {
            guid,
            name: l.attrs.name ?? null,
            direction: d === 'Associative' || d === 'OneWay' || d === 'Bidirectional' ? d : null,
            originGuid: guidOf(ctx, l, 'originGUID'),
            targetGuid: guidOf(ctx, l, 'targetGUID'),
          },
        ]
      : [];
  });
}

/** A fresh reading context: nothing repaired, skipped or found wrong yet (bar given repairs). */
function newReadContext(opts: Pick<ReadOptions, 'file' | 'repairGuids' | 'repairs'>): ReadContext {
  return {
    file: opts.file,
    repairGuids: opts.repairGuids,
    repairs: [...(opts.repairs ?? [])],
    skipped: new Map(),
    warnings: [],
    fatal: [],
    notImported: [],
  };
}

/** Gives later duplicates of a source, selection or coding GUID a new one (reported). */
export function readProject(
  root: XmlElement,
  opts: ReadOptions,
): { project: ImportedProject; report: ReadReport } {
  const ctx = newReadContext(opts);
  const keep: KeepContext = {
    repairGuids: opts.repairGuids,
    file: (path) => opts.resolveFile?.(path) ?? null,
    files: new Map(),
    warnings: ctx.warnings,
  };
  const kept: KeptElement[] = [];
  const codes = readCodes(ctx, firstChild(firstChild(root, 'CodeBook'), 'Codes'));
  const sources = readSources(ctx, firstChild(root, 'Sources'), opts, keep, kept);
  deduplicate(ctx, sources);
  const codeGuids = new Set(flattenCodes(codes).map((c) => c.guid));
  for (const s of sources)
    for (const k of [...s.codings, ...s.selections.flatMap((x) => x.codings)])
      if (!codeGuids.has(k.codeGuid))
        ctx.fatal.push({
          field: `${s.name ?? s.guid}`,
          value: k.codeGuid,
          reason: `<Coding guid="${k.guid}"> has <CodeRef targetGUID="${k.codeGuid}">, which names no <Code> in the codebook`,
        });
  for (const [wrapper, el, kind] of [
    ['Users', 'User', 'user'],
    ['Variables', 'Variable', 'variable'],
    ['Links', 'Link', 'link'],
    ['Sets', 'Set', 'set'],
    ['Graphs', 'Graph', 'graph'],
  ] as const)
    for (const e of childrenNamed(firstChild(root, wrapper), el)) {
      const k = keepElement(e, kind, keep);
      if (k) kept.push(k);
    }
  if (ctx.fatal.length > 0) throw fatalError(opts.file, ctx.fatal);
  const project: ImportedProject = {
    name: root.attrs.name?.trim() || opts.file.replace(/\.[^.]+$/, ''),
    origin: root.attrs.origin?.trim() || null,
    creationDateTime: dateTime(root.attrs.creationDateTime),
    modifiedDateTime: dateTime(root.attrs.modifiedDateTime),
    users: [...readUsers(ctx, root)].map(([guid, name]) => ({ guid, name })),
    codes,
    variables: readVariables(ctx, root),
    cases: readCases(ctx, root),
    sources,
    notes: readNotes(ctx, firstChild(root, 'Notes'), opts),
    links: readLinks(ctx, firstChild(root, 'Links')),
    description: textOf(firstChild(root, 'Description')),
    noteRefs: refs(ctx, root, 'NoteRef'),
    kept,
    files: [...keep.files.values()],
  };
  return { project, report: reportOf(ctx) };
}

function reportOf(ctx: ReadContext): ReadReport {
  return {
    repairs: ctx.repairs,
    skipped: [...ctx.skipped].map(([what, count]) => ({ what, count })),
    notImported: ctx.notImported,
    warnings: ctx.warnings,
  };
}

function fatalError(file: string, fatal: RefiDetail[]): RefiInvalid {
  const first = fatal[0]!;
  const more = fatal.length > 1 ? ` (and ${fatal.length - 1} more problem(s))` : '';
  return new RefiInvalid(
    `${file} cannot be imported: ${first.reason}${more}. Nothing was imported.`,
    fatal.slice(0, 100),
  );
}

/** Reads a .qdc codebook (Codebook.xsd). */
export function readCodebookDocument(
  root: XmlElement,
  opts: Pick<ReadOptions, 'file' | 'repairGuids' | 'repairs'>,
) {
  const ctx = newReadContext(opts);
  const codes = readCodes(ctx, firstChild(root, 'Codes'));
  skip(ctx, 'sets of codes', childrenNamed(firstChild(root, 'Sets'), 'Set').length);
  if (ctx.fatal.length > 0) throw fatalError(opts.file, ctx.fatal);
  return { codes, report: reportOf(ctx) };
}
