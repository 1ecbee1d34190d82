// The corpus of published reports, as stored: imports (staged, then current), documents with their
// LA, date, framework and grade, and the language checks' findings. Reads see current imports only.
import { sql, type Expression, type Kysely, type SqlBool, type Transaction } from 'kysely';
import type { CorpusFinding, CorpusKind } from '../../domain/corpus/read-document.js';
import type { CorpusDimension, GroupCounts } from '../../domain/corpus/language-table.js';
import type { DB } from '../schema.js';

export interface CorpusDocumentInput {
  fileHash: string;
  fileName: string;
  title: string;
  laId: string;
  publishedOn: string;
  kind: CorpusKind;
  frameworkId: string | null;
  grade: string | null;
  words: number;
  body: string;
  findings: CorpusFinding[];
}

export interface CorpusFilters {
  laId?: string | undefined;
  regions?: readonly string[] | undefined;
  years?: readonly number[] | undefined;
  frameworkIds?: readonly string[] | undefined;
  grades?: readonly string[] | undefined;
  kinds?: readonly string[] | undefined;
}

/** Which of these file hashes are stored already (in any import, staged or current). */
export async function storedCorpusHashes(
  db: Kysely<DB>,
  hashes: readonly string[],
): Promise<Set<string>> {
  const found = new Set<string>();
  for (let i = 0; i < hashes.length; i += 500) {
    const chunk = hashes.slice(i, i + 500);
    if (chunk.length === 0) continue;
    const rows = await db
      .selectFrom('corpus_documents')
      .select('file_hash')
      .where('file_hash', 'in', chunk)
      .execute();
    for (const r of rows) found.add(r.file_hash);
  }
  return found;
}

export async function createCorpusImport(
  db: Kysely<DB>,
  input: { source: string; files: number; createdByLabel: string; jobId?: string | undefined },
): Promise<string> {
  const row = await db
    .insertInto('corpus_imports')
    .values({
      status: 'staged',
      source: input.source,
      files: input.files,
      created_by_label: input.createdByLabel,
      job_id: input.jobId ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Writes documents (and their findings) into a staged import. */
export async function insertCorpusDocuments(
  db: Kysely<DB>,
  importId: string,
  docs: readonly CorpusDocumentInput[],
): Promise<void> {
  if (docs.length === 0) return;
  const ids = await db
    .insertInto('corpus_documents')
    .values(
      docs.map((d) => ({
        import_id: importId,
        file_hash: d.fileHash,
        file_name: d.fileName,
        title: d.title,
        la_id: d.laId,
        published_on: d.publishedOn,
        kind: d.kind,
        framework_id: d.frameworkId,
        grade: d.grade,
        words: d.words,
        body: d.body,
      })),
    )
    .returning(['id', 'file_hash'])
    .execute();
  const idOf = new Map(ids.map((r) => [r.file_hash, r.id]));
  const findings = docs.flatMap((d) =>
    d.findings.map((f, seq) => ({
      document_id: idOf.get(d.fileHash) ?? '',
      seq,
      rule: f.rule,
      line: f.line,
      start_offset: f.start,
      end_offset: f.end,
      excerpt: f.excerpt,
    })),
  );
  for (let i = 0; i < findings.length; i += 1000)
    await db
      .insertInto('corpus_findings')
      .values(findings.slice(i, i + 1000))
      .execute();
}

export async function makeCorpusImportCurrent(
  db: Kysely<DB>,
  importId: string,
  added: number,
): Promise<void> {
  await db
    .updateTable('corpus_imports')
    .set({ status: 'current', added })
    .where('id', '=', importId)
    .execute();
}

/** Removes an import and everything written into it. */
export async function deleteCorpusImport(db: Kysely<DB>, importId: string): Promise<void> {
  await db.deleteFrom('corpus_imports').where('id', '=', importId).execute();
}

/** Removes the staged (unfinished) imports a background job wrote in its earlier attempts. */
export async function deleteStagedCorpusImportsOfJob(
  db: Kysely<DB>,
  jobId: string,
): Promise<number> {
  const rows = await db
    .deleteFrom('corpus_imports')
    .where('status', '=', 'staged')
    .where('job_id', '=', jobId)
    .returning('id')
    .execute();
  return rows.length;
}

/** Removes staged imports started before `before` (a process that stopped mid-import). */
export async function deleteStaleCorpusImports(db: Kysely<DB>, before: Date): Promise<number> {
  const rows = await db
    .deleteFrom('corpus_imports')
    .where('status', '=', 'staged')
    .where('created_at', '<', before)
    .returning('id')
    .execute();
  return rows.length;
}

const yearOf = sql<number>`extract(year from d.published_on)::int`;

/** Current documents (with their LA as `la`, the import as `i`) matching the filters. */
export function corpusDocumentsQuery(db: Kysely<DB> | Transaction<DB>, f: CorpusFilters) {
  let q = db
    .selectFrom('corpus_documents as d')
    .innerJoin('corpus_imports as i', 'i.id', 'd.import_id')
    .innerJoin('local_authorities as la', 'la.id', 'd.la_id')
    .where('i.status', '=', 'current');
  if (f.laId) q = q.where('d.la_id', '=', f.laId);
  if (f.regions?.length) q = q.where('la.ofsted_region', 'in', [...f.regions]);
  if (f.years?.length) q = q.where(yearOf, 'in', [...f.years]);
  if (f.frameworkIds?.length) q = q.where('d.framework_id', 'in', [...f.frameworkIds]);
  if (f.grades?.length) {
    const grades = f.grades.filter((g) => g !== 'unknown');
    const unknown = f.grades.includes('unknown');
    q = q.where((eb) => {
      const parts: Expression<SqlBool>[] = [];
      if (grades.length) parts.push(eb('d.grade', 'in', grades));
      if (unknown) parts.push(eb('d.grade', 'is', null));
      return eb.or(parts);
    });
  }
  if (f.kinds?.length) q = q.where('d.kind', 'in', [...f.kinds]);
  return q;
}

export interface CorpusHit {
  id: string;
  laId: string;
  laName: string;
  region: string | null;
  publishedOn: string;
  kind: CorpusKind;
  frameworkId: string | null;
  grade: string | null;
  title: string;
  words: number;
  /** How often the phrase occurs (0 without a phrase). */
  hits: number;
  /** Text around the first occurrence (or the opening). */
  snippet: string;
}

/** The phrase as a regular expression matching it literally (`~*` scans faster than `ilike`). */
const literal = (s: string): string => s.replace(/[\\^$.*+?()[\]{}|]/g, (c) => `\\${c}`);

/** Documents matching the filters and containing the phrase (case-insensitive), newest first. */
export async function searchCorpusDocuments(
  db: Kysely<DB>,
  filters: CorpusFilters,
  phrase: string,
  page: { limit: number; offset: number },
): Promise<{ total: number; hits: CorpusHit[] }> {
  let q = corpusDocumentsQuery(db, filters);
  const p = phrase.trim().toLowerCase();
  if (p) q = q.where(sql<SqlBool>`d.body ~* ${literal(p)}`);
  // One pass over the text finds the matching documents in order; only the page's documents are
  // then read again for their extract and count.
  const matching = await q
    .select('d.id')
    .orderBy('d.published_on', 'desc')
    .orderBy('la.name')
    .orderBy('d.id')
    .execute();
  const pageIds = matching.slice(page.offset, page.offset + page.limit).map((r) => r.id);
  if (pageIds.length === 0) return { total: matching.length, hits: [] };
  const at = p ? sql`strpos(lower(d.body), ${p})` : sql`1`;
  const rows = await corpusDocumentsQuery(db, {})
    .where('d.id', 'in', pageIds)
    .select([
      'd.id',
      'd.la_id',
      'la.name as la_name',
      'la.ofsted_region',
      'd.published_on',
      'd.kind',
      'd.framework_id',
      'd.grade',
      'd.title',
      'd.words',
      sql<string>`substr(d.body, greatest(1, ${at} - 120), 300)`.as('snippet'),
      (p
        ? sql<number>`((length(d.body) - length(replace(lower(d.body), ${p}, ''))) / ${p.length})::int`
        : sql<number>`0`
      ).as('hits'),
    ])
    .orderBy('d.published_on', 'desc')
    .orderBy('la.name')
    .orderBy('d.id')
    .execute();
  return {
    total: matching.length,
    hits: rows.map((r) => ({
      id: r.id,
      laId: r.la_id,
      laName: r.la_name,
      region: r.ofsted_region,
      publishedOn: r.published_on,
      kind: r.kind as CorpusKind,
      frameworkId: r.framework_id,
      grade: r.grade,
      title: r.title,
      words: r.words,
      hits: Number(r.hits),
      snippet: r.snippet,
    })),
  };
}

export interface CorpusFacets {
  documents: number;
  regions: string[];
  years: number[];
  frameworkIds: string[];
  grades: string[];
}

/** What the current corpus holds to filter by. */
export async function corpusFacets(db: Kysely<DB>): Promise<CorpusFacets> {
  const rows = await corpusDocumentsQuery(db, {})
    .select(['la.ofsted_region as region', 'd.framework_id', 'd.grade', yearOf.as('year')])
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .groupBy(['la.ofsted_region', 'd.framework_id', 'd.grade', yearOf])
    .execute();
  const uniq = <T>(xs: T[]) => [...new Set(xs)].sort() as T[];
  return {
    documents: rows.reduce((s, r) => s + Number(r.n), 0),
    regions: uniq(rows.flatMap((r) => (r.region ? [r.region] : []))),
    years: uniq(rows.map((r) => Number(r.year))).sort((a, b) => a - b),
    frameworkIds: uniq(rows.flatMap((r) => (r.framework_id ? [r.framework_id] : []))),
    grades: uniq(rows.flatMap((r) => (r.grade ? [r.grade] : []))),
  };
}

export interface CorpusDocument extends Omit<CorpusHit, 'hits' | 'snippet'> {
  fileName: string;
  body: string;
  importedAt: Date;
  findings: CorpusFinding[];
}

export async function findCorpusDocument(
  db: Kysely<DB>,
  id: string,
): Promise<CorpusDocument | null> {
  const r = await corpusDocumentsQuery(db, {})
    .where('d.id', '=', id)
    .select([
      'd.id',
      'd.la_id',
      'la.name as la_name',
      'la.ofsted_region',
      'd.published_on',
      'd.kind',
      'd.framework_id',
      'd.grade',
      'd.title',
      'd.words',
      'd.file_name',
      'd.body',
      'd.created_at',
    ])
    .executeTakeFirst();
  if (!r) return null;
  const findings = await db
    .selectFrom('corpus_findings')
    .select(['rule', 'line', 'start_offset', 'end_offset', 'excerpt'])
    .where('document_id', '=', id)
    .orderBy('seq')
    .execute();
  return {
    id: r.id,
    laId: r.la_id,
    laName: r.la_name,
    region: r.ofsted_region,
    publishedOn: r.published_on,
    kind: r.kind as CorpusKind,
    frameworkId: r.framework_id,
    grade: r.grade,
    title: r.title,
    words: r.words,
    fileName: r.file_name,
    body: r.body,
    importedAt: r.created_at,
    findings: findings.map((f) => ({
      rule: f.rule,
      line: f.line,
      start: f.start_offset,
      end: f.end_offset,
      excerpt: f.excerpt,
    })),
  };
}

/** Documents, words and findings by rule, per value of a dimension. */
export async function corpusLanguageGroups(
  db: Kysely<DB>,
  dimension: CorpusDimension,
  filters: CorpusFilters,
): Promise<GroupCounts[]> {
  const key =
    dimension === 'year'
      ? sql<string | null>`${yearOf}::text`
      : dimension === 'framework'
        ? sql<string | null>`d.framework_id`
        : sql<string | null>`d.grade`;
  const docs = await corpusDocumentsQuery(db, filters)
    .select([
      key.as('value'),
      (eb) => eb.fn.countAll<string>().as('documents'),
      sql<string>`coalesce(sum(d.words), 0)`.as('words'),
    ])
    .groupBy(key)
    .execute();
  const counts = await corpusDocumentsQuery(db, filters)
    .innerJoin('corpus_findings as f', 'f.document_id', 'd.id')
    .select([key.as('value'), 'f.rule', (eb) => eb.fn.countAll<string>().as('n')])
    .groupBy([key, 'f.rule'])
    .execute();
  const byValue = new Map<string, Record<string, number>>();
  for (const c of counts) {
    const k = c.value ?? '';
    const m = byValue.get(k) ?? {};
    m[c.rule] = Number(c.n);
    byValue.set(k, m);
  }
  return docs.map((d) => ({
    value: d.value,
    documents: Number(d.documents),
    words: Number(d.words),
    findings: byValue.get(d.value ?? '') ?? {},
  }));
}
