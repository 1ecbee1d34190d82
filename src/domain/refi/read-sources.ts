// The sources of a REFI-QDA project (text sources, PDFs' text, transcripts) with their
// selections and codings, read for read-project.ts; media are kept as they were written.
import { countOf } from '../wording/plural.js';
import { docxText } from '../evidence/import/docx-text.js';
import { cpLength } from '../evidence/offsets.js';
import { uuidV5 } from './guid.js';
import type { RefiCoding, RefiSelection, RefiTextSource } from './model.js';
import { guidOf, readVariableValues, refs, textOf, type ReadContext } from './read-codes.js';
import { keepElement, type KeepContext, type KeptElement } from './kept-elements.js';
import { decodeSourceText } from './text-map.js';
import { childrenNamed, describeElement, firstChild, type XmlElement } from './xml-tree.js';

export interface ImportedSource extends RefiTextSource {
  /** What it was in the file: a text source, a PDF's text representation, a transcript. */
  kind: 'text' | 'pdf' | 'transcript';
  /** The GUID of the kept media source it is part of (exported with it, not on its own). */
  keptIn?: string | null;
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
export const dateTime = (v: string | undefined): string | null =>
  v !== undefined && DT.test(v.trim()) ? v.trim() : null;

export function stamp(ctx: ReadContext, el: XmlElement) {
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
export function sourceText(
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
      reason: `its text file '${path}' is not in the archive; its ${countOf(childrenNamed(el, 'PlainTextSelection').length, 'selection')} and ${countOf(
        childrenNamed(el, 'PlainTextSelection').flatMap((s) => childrenNamed(s, 'Coding')).length +
          childrenNamed(el, 'Coding').length,
        'coding',
      )} were left out with it`,
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

export function readSources(
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
export function deduplicate(ctx: ReadContext, sources: ImportedSource[]): void {
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
