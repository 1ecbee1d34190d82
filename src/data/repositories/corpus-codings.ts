// A thematic review's codings of published reports (issue 20): passages of current corpus
// documents coded with the national thematic codebook, at code-point offsets in the stored text,
// and the coding query over them by a context dimension (year, framework, grade, region).
import { sql, type Kysely, type Transaction } from 'kysely';
import type { CorpusCodingDimension } from '../../domain/corpus/coding-query.js';
import type { CorpusKind } from '../../domain/corpus/read-document.js';
import type { DB } from '../schema.js';
import { corpusDocumentsQuery, type CorpusFilters } from './corpus.js';

type Db = Kysely<DB> | Transaction<DB>;

export interface CorpusCoding {
  id: string;
  documentId: string;
  start: number;
  end: number;
  text: string;
  themeKey: string;
  themeName: string;
  coderId: string | null;
  coderLabel: string;
  createdAt: Date;
}

const codingSelect = (db: Db) =>
  db
    .selectFrom('research_study_corpus_codings as k')
    .innerJoin('thematic_codes as t', 't.key', 'k.thematic_key')
    .select([
      'k.id',
      'k.document_id',
      'k.start_pos',
      'k.end_pos',
      'k.span_text',
      'k.thematic_key',
      't.name as theme_name',
      'k.coder_id',
      'k.coder_label',
      'k.created_at',
    ]);

type CodingRow = Awaited<ReturnType<ReturnType<typeof codingSelect>['executeTakeFirstOrThrow']>>;

function shape(r: CodingRow): CorpusCoding {
  return {
    id: r.id,
    documentId: r.document_id,
    start: r.start_pos,
    end: r.end_pos,
    text: r.span_text,
    themeKey: r.thematic_key,
    themeName: r.theme_name,
    coderId: r.coder_id,
    coderLabel: r.coder_label,
    createdAt: r.created_at,
  };
}

/** A study's codings of one document, in text order. */
export async function listCorpusCodings(
  db: Db,
  studyId: string,
  documentId: string,
): Promise<CorpusCoding[]> {
  const rows = await codingSelect(db)
    .where('k.study_id', '=', studyId)
    .where('k.document_id', '=', documentId)
    .orderBy('k.start_pos')
    .orderBy('k.end_pos')
    .orderBy('k.id')
    .limit(5000)
    .execute();
  return rows.map(shape);
}

export async function findCorpusCoding(
  db: Db,
  studyId: string,
  id: string,
): Promise<CorpusCoding | undefined> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
  const r = await codingSelect(db)
    .where('k.study_id', '=', studyId)
    .where('k.id', '=', id)
    .executeTakeFirst();
  return r ? shape(r) : undefined;
}

export async function insertCorpusCoding(
  db: Db,
  c: {
    studyId: string;
    documentId: string;
    start: number;
    end: number;
    text: string;
    themeKey: string;
    coderId: string | null;
    coderLabel: string;
  },
): Promise<string> {
  const r = await db
    .insertInto('research_study_corpus_codings')
    .values({
      study_id: c.studyId,
      document_id: c.documentId,
      start_pos: c.start,
      end_pos: c.end,
      span_text: c.text,
      thematic_key: c.themeKey,
      coder_id: c.coderId,
      coder_label: c.coderLabel,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export async function deleteCorpusCoding(db: Db, id: string): Promise<void> {
  await db.deleteFrom('research_study_corpus_codings').where('id', '=', id).execute();
}

/** Codings per document of the study, for the documents listed. */
export async function corpusCodingsPerDocument(
  db: Db,
  studyId: string,
  documentIds: readonly string[],
): Promise<Map<string, number>> {
  if (documentIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('research_study_corpus_codings')
    .select(['document_id', (eb) => eb.fn.countAll<string>().as('n')])
    .where('study_id', '=', studyId)
    .where('document_id', 'in', [...documentIds])
    .groupBy('document_id')
    .execute();
  return new Map(rows.map((r) => [r.document_id, Number(r.n)]));
}

const dimensionKey = (d: CorpusCodingDimension) =>
  d === 'year'
    ? sql<string | null>`extract(year from d.published_on)::int::text`
    : d === 'framework'
      ? sql<string | null>`d.framework_id`
      : d === 'grade'
        ? sql<string | null>`d.grade`
        : sql<string | null>`la.ofsted_region`;

export interface CorpusCodingCell {
  themeKey: string;
  themeName: string;
  /** The dimension's value; null for "not known". */
  value: string | null;
  codings: number;
  documents: number;
}

/** The study's codings of current documents matching the filters: per thematic code and value
 *  of the dimension, codings and distinct documents. */
export async function corpusCodingMatrix(
  db: Db,
  studyId: string,
  filters: CorpusFilters,
  dimension: CorpusCodingDimension,
): Promise<CorpusCodingCell[]> {
  const key = dimensionKey(dimension);
  const rows = await corpusDocumentsQuery(db, filters)
    .innerJoin('research_study_corpus_codings as k', 'k.document_id', 'd.id')
    .innerJoin('thematic_codes as t', 't.key', 'k.thematic_key')
    .where('k.study_id', '=', studyId)
    .select([
      'k.thematic_key',
      't.name',
      key.as('value'),
      (eb) => eb.fn.countAll<string>().as('codings'),
      (eb) => eb.fn.count<string>('k.document_id').distinct().as('documents'),
    ])
    .groupBy(['k.thematic_key', 't.name', key])
    .execute();
  return rows.map((r) => ({
    themeKey: r.thematic_key,
    themeName: r.name,
    value: r.value,
    codings: Number(r.codings),
    documents: Number(r.documents),
  }));
}

export interface CorpusPassage {
  codingId: string;
  documentId: string;
  laName: string;
  region: string | null;
  publishedOn: string;
  kind: CorpusKind;
  title: string;
  start: number;
  end: number;
  text: string;
  /** Up to 200 characters of the text on each side. */
  before: string;
  after: string;
  coderLabel: string;
}

/** The passages of one cell: the thematic code's codings of documents with this value of the
 *  dimension (null: not known), oldest document first. */
export async function corpusCodingPassages(
  db: Db,
  studyId: string,
  filters: CorpusFilters,
  dimension: CorpusCodingDimension,
  value: string | null,
  themeKey: string,
  limit: number,
): Promise<{ total: number; passages: CorpusPassage[] }> {
  const key = dimensionKey(dimension);
  const q = corpusDocumentsQuery(db, filters)
    .innerJoin('research_study_corpus_codings as k', 'k.document_id', 'd.id')
    .where('k.study_id', '=', studyId)
    .where('k.thematic_key', '=', themeKey)
    .where(value === null ? sql<boolean>`${key} is null` : sql<boolean>`${key} = ${value}`);
  const total = await q.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirst();
  const rows = await q
    .select([
      'k.id',
      'k.document_id',
      'la.name as la_name',
      'la.ofsted_region',
      'd.published_on',
      'd.kind',
      'd.title',
      'k.start_pos',
      'k.end_pos',
      'k.span_text',
      'k.coder_label',
      // SQL strings count characters (code points on a UTF-8 database), as the offsets do.
      sql<string>`substr(d.body, greatest(1, k.start_pos - 199), least(200, k.start_pos))`.as(
        'before',
      ),
      sql<string>`substr(d.body, k.end_pos + 1, 200)`.as('after'),
    ])
    .orderBy('d.published_on')
    .orderBy('la.name')
    .orderBy('k.start_pos')
    .orderBy('k.id')
    .limit(limit)
    .execute();
  return {
    total: Number(total?.n ?? 0),
    passages: rows.map((r) => ({
      codingId: r.id,
      documentId: r.document_id,
      laName: r.la_name,
      region: r.ofsted_region,
      publishedOn: r.published_on,
      kind: r.kind as CorpusKind,
      title: r.title,
      start: r.start_pos,
      end: r.end_pos,
      text: r.span_text,
      before: r.before,
      after: r.after,
      coderLabel: r.coder_label,
    })),
  };
}

/** Per thematic code: the study's codings of published reports and the documents they are in. */
export async function corpusCodingCounts(
  db: Db,
  studyId: string,
): Promise<Array<{ key: string; name: string; codings: number; documents: number }>> {
  const rows = await db
    .selectFrom('research_study_corpus_codings as k')
    .innerJoin('thematic_codes as t', 't.key', 'k.thematic_key')
    .select((eb) => [
      'k.thematic_key as key',
      't.name',
      eb.fn.countAll<string>().as('codings'),
      eb.fn.count<string>('k.document_id').distinct().as('documents'),
    ])
    .where('k.study_id', '=', studyId)
    .groupBy(['k.thematic_key', 't.name'])
    .orderBy('t.name')
    .execute();
  return rows.map((r) => ({
    key: r.key,
    name: r.name,
    codings: Number(r.codings),
    documents: Number(r.documents),
  }));
}

/** Every coding of published reports in a study, for its exports: the report named by its LA,
 *  date and title, oldest report first. */
export async function listStudyCorpusCodingsForExport(
  db: Db,
  studyId: string,
): Promise<
  Array<{
    report: string;
    file: string;
    themeName: string;
    text: string;
    coderLabel: string;
    createdAt: Date;
  }>
> {
  const rows = await db
    .selectFrom('research_study_corpus_codings as k')
    .innerJoin('thematic_codes as t', 't.key', 'k.thematic_key')
    .innerJoin('corpus_documents as d', 'd.id', 'k.document_id')
    .innerJoin('local_authorities as la', 'la.id', 'd.la_id')
    .select([
      'la.name as la_name',
      'd.published_on',
      'd.title',
      'd.file_name',
      't.name as theme_name',
      'k.span_text',
      'k.coder_label',
      'k.created_at',
    ])
    .where('k.study_id', '=', studyId)
    .orderBy('d.published_on')
    .orderBy('d.id')
    .orderBy('k.start_pos')
    .orderBy('k.id')
    .execute();
  return rows.map((r) => ({
    report: `${r.la_name}, ${r.published_on}: ${r.title}`,
    file: r.file_name,
    themeName: r.theme_name,
    text: r.span_text,
    coderLabel: r.coder_label,
    createdAt: r.created_at,
  }));
}

/** The published reports a study has coded, each with its text and the study's codings of it
 *  (code-point offsets), for the study's QDPX export; oldest report first. */
export async function listStudyCodedReports(
  db: Db,
  studyId: string,
): Promise<
  Array<{
    documentId: string;
    fileName: string;
    laName: string;
    publishedOn: string;
    title: string;
    body: string;
    codings: CorpusCoding[];
  }>
> {
  const codings = await codingSelect(db)
    .where('k.study_id', '=', studyId)
    .orderBy('k.document_id')
    .orderBy('k.start_pos')
    .orderBy('k.id')
    .execute();
  if (codings.length === 0) return [];
  const docs = await db
    .selectFrom('corpus_documents as d')
    .innerJoin('local_authorities as la', 'la.id', 'd.la_id')
    .select(['d.id', 'd.file_name', 'la.name as la_name', 'd.published_on', 'd.title', 'd.body'])
    .where('d.id', 'in', [...new Set(codings.map((c) => c.document_id))])
    .orderBy('d.published_on')
    .orderBy('d.id')
    .execute();
  return docs.map((d) => ({
    documentId: d.id,
    fileName: d.file_name,
    laName: d.la_name,
    publishedOn: d.published_on,
    title: d.title,
    body: d.body,
    codings: codings.filter((c) => c.document_id === d.id).map(shape),
  }));
}
