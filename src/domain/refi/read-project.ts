// Reads a REFI-QDA project (project.qde, already parsed and checked by validate.ts) into a
// RefiProject of what Triangulate can hold, with a report of what was repaired and what was left
// out (media, sets, graphs…). Fatal problems (a selection outside its text, a coding of a code
// that does not exist, two codes with one GUID) are collected and thrown together as RefiInvalid.
import { docxText } from '../evidence/import/docx-text.js';
import { cpLength } from '../evidence/offsets.js';
import { uuidV5 } from './guid.js';
import { RefiInvalid, type RefiDetail } from './import-problems.js';
import type {
  RefiCoding,
  RefiLink,
  RefiNote,
  RefiProject,
  RefiSelection,
  RefiTextSource,
} from './model.js';
import { flattenCodes } from './model.js';
import {
  guidOf,
  readCases,
  readCodes,
  readUsers,
  readVariables,
  readVariableValues,
  refs,
  skip,
  textOf,
  type ReadContext,
} from './read-codes.js';
import { keepElement, type KeepContext, type KeptElement, type KeptFile } from './kept-elements.js';
import { decodeSourceText } from './text-map.js';
import { childrenNamed, describeElement, firstChild, type XmlElement } from './xml-tree.js';

export interface ImportedSource extends RefiTextSource {
  /** What it was in the file: a text source, a PDF's text representation, a transcript. */
  kind: 'text' | 'pdf' | 'transcript';
  /** The GUID of the kept media source it is part of (exported with it, not on its own). */
  keptIn?: string | null;
}

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

export interface ReadOptions {
  file: string;
  repairGuids: boolean;
  /** Reads an internal source file, or null when it is not in the archive. */
  readInternal(path: string): Uint8Array | null;
  /** The archive file a path names (its name and bytes), or null. */
  resolveFile?(path: string): { name: string; bytes: Uint8Array } | null;
  /** Repairs already noted (from validation and the container). */
  repairs?: string[];
  /** Leave out sources whose file is absent (listed) instead of refusing the file. */
  skipMissingSources?: boolean;
}

const DT = /^-?\d{4,}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/;
const dateTime = (v: string | undefined): string | null =>
  v !== undefined && DT.test(v.trim()) ? v.trim() : null;

function stamp(ctx: ReadContext, el: XmlElement) {
  return {
    creatingUser: guidOf(ctx, el, 'creatingUser'),
    creationDateTime: dateTime(el.attrs.creationDateTime),
    modifyingUser: guidOf(ctx, el, 'modifyingUser'),
    modifiedDateTime: dateTime(el.attrs.modifiedDateTime),
  };
}

function readCoding(ctx: ReadContext, el: XmlElement): RefiCoding | null {
  const guid = guidOf(ctx, el);
  const ref = firstChild(el, 'CodeRef');
  const codeGuid = ref ? guidOf(ctx, ref, 'targetGUID') : null;
  if (!guid || !codeGuid) return null;
  return {
    guid,
    codeGuid,
    creatingUser: guidOf(ctx, el, 'creatingUser'),
    creationDateTime: dateTime(el.attrs.creationDateTime),
    noteRefs: refs(ctx, el, 'NoteRef'),
  };
}

/** The plain text of a TextSource-like element, or null (with the reason recorded). */
function sourceText(
  ctx: ReadContext,
  el: XmlElement,
  opts: ReadOptions,
  label: string,
): string | null {
  const inline = firstChild(el, 'PlainTextContent');
  if (inline) return inline.text;
  const plain = el.attrs.plainTextPath;
  if (plain !== undefined) {
    const bytes = opts.readInternal(plain);
    if (bytes) {
      const { text, encoding } = decodeSourceText(bytes);
      if (encoding !== 'UTF-8')
        ctx.warnings.push(
          `${label}: its text file is ${encoding}, not UTF-8 as REFI-QDA requires; read as ${encoding}`,
        );
      return text;
    }
  }
  const rich = el.attrs.richTextPath;
  const docx = rich !== undefined ? opts.readInternal(rich) : null;
  if (docx) {
    try {
      const text = docxText(docx);
      ctx.warnings.push(
        `${label}: no plain-text version in the file; the text was taken from its .docx, so check that its codings sit on the right words`,
      );
      return text;
    } catch {
      // fall through: reported as missing
    }
  }
  const path = plain ?? rich;
  if (opts.skipMissingSources && path) {
    ctx.notImported.push({
      element: el.name,
      guid: guidOf(ctx, el) ?? el.attrs.guid ?? '',
      reason: `its text file '${path}' is not in the archive; its ${childrenNamed(el, 'PlainTextSelection').length} selection(s) and ${
        childrenNamed(el, 'PlainTextSelection').flatMap((s) => childrenNamed(s, 'Coding')).length +
        childrenNamed(el, 'Coding').length
      } coding(s) were left out with it`,
    });
    return null;
  }
  ctx.fatal.push({
    field: el.path,
    value: el.attrs.guid ?? '',
    reason: path
      ? `${label}: its text file '${path}' is not in the archive (looked for it under sources/ by its name, in any case)`
      : `${label}: it has neither PlainTextContent nor a plainTextPath, so it has no text`,
  });
  return null;
}

function readTextSource(
  ctx: ReadContext,
  el: XmlElement,
  kind: ImportedSource['kind'],
  name: string | null,
  opts: ReadOptions,
): ImportedSource | null {
  const guid = guidOf(ctx, el);
  if (!guid) return null;
  const label = `${describeElement(el).replace(/>$/, '')}${name && !el.attrs.name ? ` for "${name}"` : ''}>`;
  const selectionsEl = childrenNamed(el, 'PlainTextSelection');
  const text = sourceText(ctx, el, opts, label);
  if (text === null) return null;
  const length = cpLength(text);
  const selections: RefiSelection[] = [];
  for (const s of selectionsEl) {
    const sg = guidOf(ctx, s);
    const start = Number(s.attrs.startPosition?.trim());
    const end = Number(s.attrs.endPosition?.trim());
    if (!sg || !Number.isInteger(start) || !Number.isInteger(end)) continue;
    const problem =
      start < 0
        ? `startPosition ${start} is negative`
        : end < start
          ? `endPosition ${end} is before startPosition ${start}`
          : end > length
            ? `endPosition ${end} is beyond the end of the text (${length} code points)`
            : null;
    if (problem) {
      ctx.fatal.push({
        field: s.path,
        value: `${start}-${end}`,
        reason: `${describeElement(s)} in ${label}: ${problem}`,
      });
      continue;
    }
    selections.push({
      guid: sg,
      name: s.attrs.name ?? null,
      start,
      end,
      ...stamp(ctx, s),
      description: textOf(firstChild(s, 'Description')),
      codings: childrenNamed(s, 'Coding')
        .map((k) => readCoding(ctx, k))
        .filter((k): k is RefiCoding => k !== null),
      noteRefs: refs(ctx, s, 'NoteRef'),
    });
  }
  return {
    guid,
    kind,
    name: name ?? el.attrs.name?.trim() ?? null,
    description: textOf(firstChild(el, 'Description')),
    text,
    ...stamp(ctx, el),
    selections,
    codings: childrenNamed(el, 'Coding')
      .map((k) => readCoding(ctx, k))
      .filter((k): k is RefiCoding => k !== null),
    noteRefs: refs(ctx, el, 'NoteRef'),
    variableValues: readVariableValues(ctx, el),
  };
}

function readSources(
  ctx: ReadContext,
  sourcesEl: XmlElement | undefined,
  opts: ReadOptions,
  keep: KeepContext,
  kept: KeptElement[],
) {
  const out: ImportedSource[] = [];
  for (const s of sourcesEl?.children ?? []) {
    const name = s.attrs.name?.trim() ?? null;
    if (s.name === 'TextSource') {
      const t = readTextSource(ctx, s, 'text', null, opts);
      if (t) out.push(t);
      continue;
    }
    if (!['PDFSource', 'PictureSource', 'AudioSource', 'VideoSource'].includes(s.name)) continue;
    // Kept whole and exported again; their text (a PDF's representation, transcripts) is also
    // imported as evidence, so that it can be read, searched and coded here.
    const k = keepElement(s, 'source', keep);
    if (k) kept.push(k);
    if (s.name === 'PDFSource') {
      const rep = firstChild(s, 'Representation');
      const t = rep ? readTextSource(ctx, rep, 'pdf', name, opts) : null;
      if (t) out.push({ ...t, keptIn: k?.guid ?? null });
    } else if (s.name === 'AudioSource' || s.name === 'VideoSource') {
      for (const tr of childrenNamed(s, 'Transcript')) {
        const hasText =
          firstChild(tr, 'PlainTextContent') !== undefined ||
          tr.attrs.plainTextPath !== undefined ||
          tr.attrs.richTextPath !== undefined;
        if (!hasText) continue;
        const t = readTextSource(ctx, tr, 'transcript', tr.attrs.name?.trim() || name, opts);
        if (t) out.push({ ...t, keptIn: k?.guid ?? null });
      }
    }
  }
  return out;
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

/** Gives later duplicates of a source, selection or coding GUID a new one (reported). */
function deduplicate(ctx: ReadContext, sources: ImportedSource[]): void {
  const seen = new Set<string>();
  const fresh = (g: string, what: string): string => {
    if (!seen.has(g)) {
      seen.add(g);
      return g;
    }
    let n = 1;
    let next = uuidV5(`${g}:duplicate:${n}`);
    while (seen.has(next)) next = uuidV5(`${g}:duplicate:${++n}`);
    seen.add(next);
    ctx.repairs.push(`The ${what} GUID ${g} is used twice; the second was given ${next}`);
    return next;
  };
  for (const s of sources) {
    s.guid = fresh(s.guid, 'source');
    for (const sel of s.selections) {
      sel.guid = fresh(sel.guid, 'selection');
      for (const k of sel.codings) k.guid = fresh(k.guid, 'coding');
    }
    for (const k of s.codings) k.guid = fresh(k.guid, 'coding');
  }
}

export function readProject(
  root: XmlElement,
  opts: ReadOptions,
): { project: ImportedProject; report: ReadReport } {
  const ctx: ReadContext = {
    file: opts.file,
    repairGuids: opts.repairGuids,
    repairs: [...(opts.repairs ?? [])],
    skipped: new Map(),
    warnings: [],
    fatal: [],
    notImported: [],
  };
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
  const ctx: ReadContext = {
    file: opts.file,
    repairGuids: opts.repairGuids,
    repairs: [...(opts.repairs ?? [])],
    skipped: new Map(),
    warnings: [],
    fatal: [],
    notImported: [],
  };
  const codes = readCodes(ctx, firstChild(root, 'Codes'));
  skip(ctx, 'sets of codes', childrenNamed(firstChild(root, 'Sets'), 'Set').length);
  if (ctx.fatal.length > 0) throw fatalError(opts.file, ctx.fatal);
  return { codes, report: reportOf(ctx) };
}
