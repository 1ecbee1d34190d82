// Research studies (thematic review workspaces) and their memos, the national thematic codebook
// with its versioned mappings, and the deprivation indexes loaded per LA.
import type { Kysely, Transaction } from 'kysely';
import type { Mapping } from '../../domain/research/codebook.js';
import type { StudySelection } from '../../domain/research/selection.js';
import type { DB } from '../schema.js';

type Db = Kysely<DB> | Transaction<DB>;

export interface Study {
  id: string;
  title: string;
  question: string;
  selection: StudySelection;
  laIdentity: 'hidden' | 'shown';
  laIdentitySetBy: string | null;
  createdBy: string | null;
  createdByLabel: string;
  createdAt: Date;
  updatedAt: Date;
}

export interface StudyMemo {
  id: string;
  body: string;
  authorLabel: string;
  createdAt: Date;
}

const studyColumns = [
  'id',
  'title',
  'question',
  'selection',
  'la_identity',
  'la_identity_set_by_label',
  'created_by',
  'created_by_label',
  'created_at',
  'updated_at',
] as const;

function shapeStudy(r: {
  id: string;
  title: string;
  question: string;
  selection: StudySelection;
  la_identity: string;
  la_identity_set_by_label: string | null;
  created_by: string | null;
  created_by_label: string;
  created_at: Date;
  updated_at: Date;
}): Study {
  return {
    id: r.id,
    title: r.title,
    question: r.question,
    selection: r.selection,
    laIdentity: r.la_identity === 'shown' ? 'shown' : 'hidden',
    laIdentitySetBy: r.la_identity_set_by_label,
    createdBy: r.created_by,
    createdByLabel: r.created_by_label,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export async function listStudies(db: Db): Promise<Study[]> {
  const rows = await db
    .selectFrom('research_studies')
    .select(studyColumns)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .limit(200)
    .execute();
  return rows.map(shapeStudy);
}

export async function findStudy(db: Db, id: string): Promise<Study | undefined> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
  const r = await db
    .selectFrom('research_studies')
    .select(studyColumns)
    .where('id', '=', id)
    .executeTakeFirst();
  return r ? shapeStudy(r) : undefined;
}

export async function insertStudy(
  db: Db,
  s: {
    title: string;
    question: string;
    selection: StudySelection;
    createdBy: string | null;
    createdByLabel: string;
  },
): Promise<Study> {
  const r = await db
    .insertInto('research_studies')
    .values({
      title: s.title,
      question: s.question,
      selection: JSON.stringify(s.selection),
      created_by: s.createdBy,
      created_by_label: s.createdByLabel,
    })
    .returning(studyColumns)
    .executeTakeFirstOrThrow();
  return shapeStudy(r);
}

export async function updateStudy(
  db: Db,
  id: string,
  s: {
    title?: string;
    question?: string;
    selection?: StudySelection;
    laIdentity?: 'hidden' | 'shown';
    laIdentitySetBy?: string;
    at: Date;
  },
): Promise<void> {
  await db
    .updateTable('research_studies')
    .set({
      ...(s.title !== undefined ? { title: s.title } : {}),
      ...(s.question !== undefined ? { question: s.question } : {}),
      ...(s.selection !== undefined ? { selection: JSON.stringify(s.selection) } : {}),
      ...(s.laIdentity !== undefined
        ? { la_identity: s.laIdentity, la_identity_set_by_label: s.laIdentitySetBy ?? null }
        : {}),
      updated_at: s.at,
    })
    .where('id', '=', id)
    .execute();
}

export async function listStudyMemos(db: Db, studyId: string): Promise<StudyMemo[]> {
  const rows = await db
    .selectFrom('research_memos')
    .select(['id', 'body', 'author_label', 'created_at'])
    .where('study_id', '=', studyId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    body: r.body,
    authorLabel: r.author_label,
    createdAt: r.created_at,
  }));
}

export async function insertStudyMemo(
  db: Db,
  m: { studyId: string; body: string; authorId: string | null; authorLabel: string },
): Promise<string> {
  const r = await db
    .insertInto('research_memos')
    .values({
      study_id: m.studyId,
      body: m.body,
      author_id: m.authorId,
      author_label: m.authorLabel,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export interface ThematicCode {
  key: string;
  name: string;
  description: string;
}

export async function listThematicCodes(db: Db): Promise<ThematicCode[]> {
  return db
    .selectFrom('thematic_codes')
    .select(['key', 'name', 'description'])
    .orderBy('name')
    .execute();
}

export async function insertThematicCode(
  db: Db,
  c: ThematicCode & { createdByLabel: string },
): Promise<void> {
  await db
    .insertInto('thematic_codes')
    .values({
      key: c.key,
      name: c.name,
      description: c.description,
      created_by_label: c.createdByLabel,
    })
    .execute();
}

export interface CodebookVersion {
  version: number;
  note: string;
  createdByLabel: string;
  createdAt: Date;
}

export async function listCodebookVersions(db: Db): Promise<CodebookVersion[]> {
  const rows = await db
    .selectFrom('thematic_codebook_versions')
    .select(['version', 'note', 'created_by_label', 'created_at'])
    .orderBy('version', 'desc')
    .execute();
  return rows.map((r) => ({
    version: r.version,
    note: r.note,
    createdByLabel: r.created_by_label,
    createdAt: r.created_at,
  }));
}

/** The mappings of one version (the latest when `version` is null); none before the first. */
export async function codebookMappings(
  db: Db,
  version: number | null,
): Promise<{ version: number | null; mappings: Mapping[] }> {
  const v =
    version ??
    (
      await db
        .selectFrom('thematic_codebook_versions')
        .select((eb) => eb.fn.max('version').as('v'))
        .executeTakeFirst()
    )?.v ??
    null;
  if (v === null) return { version: null, mappings: [] };
  const rows = await db
    .selectFrom('thematic_mappings')
    .select(['source_kind', 'source_key', 'thematic_key'])
    .where('version', '=', v)
    .orderBy('thematic_key')
    .orderBy('source_kind')
    .orderBy('source_key')
    .execute();
  return {
    version: v,
    mappings: rows.map((r) => ({
      sourceKind: r.source_kind === 'emergent' ? 'emergent' : 'criterion',
      sourceKey: r.source_key,
      thematicKey: r.thematic_key,
    })),
  };
}

export async function insertCodebookVersion(
  db: Db,
  v: { version: number; note: string; createdByLabel: string; mappings: Mapping[] },
): Promise<void> {
  await db
    .insertInto('thematic_codebook_versions')
    .values({ version: v.version, note: v.note, created_by_label: v.createdByLabel })
    .execute();
  if (v.mappings.length)
    await db
      .insertInto('thematic_mappings')
      .values(
        v.mappings.map((m) => ({
          version: v.version,
          source_kind: m.sourceKind,
          source_key: m.sourceKey,
          thematic_key: m.thematicKey,
        })),
      )
      .execute();
}

/** Emergent code names in published inspections, with how many inspections use each. */
export async function publishedEmergentCodeNames(
  db: Db,
): Promise<Array<{ name: string; inspections: number }>> {
  const rows = await db
    .selectFrom('codes as c')
    .innerJoin('activities as a', 'a.id', 'c.activity_id')
    .select((eb) => [
      eb.fn<string>('lower', [eb.fn('btrim', ['c.name'])]).as('name'),
      eb.fn.count<number>('c.activity_id').distinct().as('inspections'),
    ])
    .where('a.state', '=', 'published')
    .where('c.source', '<>', 'framework')
    .groupBy((eb) => eb.fn('lower', [eb.fn('btrim', ['c.name'])]))
    .orderBy('name')
    .limit(500)
    .execute();
  return rows.map((r) => ({ name: r.name, inspections: Number(r.inspections) }));
}

export async function upsertDeprivation(
  db: Db,
  indexName: string,
  rows: Array<{ laId: string; score: number; decile: number }>,
  at: Date,
): Promise<void> {
  await db.deleteFrom('la_deprivation').where('index_name', '=', indexName).execute();
  if (rows.length)
    await db
      .insertInto('la_deprivation')
      .values(
        rows.map((r) => ({
          la_id: r.laId,
          index_name: indexName,
          score: r.score,
          decile: r.decile,
          loaded_at: at,
        })),
      )
      .execute();
}

/** Every loaded deprivation index: LA, score and decile. */
export async function listDeprivation(
  db: Db,
): Promise<Array<{ laId: string; indexName: string; score: number; decile: number | null }>> {
  const rows = await db
    .selectFrom('la_deprivation')
    .select(['la_id', 'index_name', 'score', 'decile'])
    .orderBy('index_name')
    .orderBy('la_id')
    .execute();
  return rows.map((r) => ({
    laId: r.la_id,
    indexName: r.index_name,
    score: Number(r.score),
    decile: r.decile === null ? null : Number(r.decile),
  }));
}
