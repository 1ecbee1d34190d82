// Saved research definitions: a query or an outcomes analysis as JSON, with its author.
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../schema.js';

type Db = Kysely<DB> | Transaction<DB>;

export interface SavedDefinition {
  id: string;
  name: string;
  analysis: 'query' | 'outcomes';
  definition: Record<string, unknown>;
  createdBy: string | null;
  createdByLabel: string;
  createdAt: Date;
}

function shape(r: {
  id: string;
  name: string;
  analysis: string;
  definition: Record<string, unknown>;
  created_by: string | null;
  created_by_label: string;
  created_at: Date;
}): SavedDefinition {
  return {
    id: r.id,
    name: r.name,
    analysis: r.analysis as SavedDefinition['analysis'],
    definition: r.definition,
    createdBy: r.created_by,
    createdByLabel: r.created_by_label,
    createdAt: r.created_at,
  };
}

export async function insertDefinition(db: Db, d: Omit<SavedDefinition, 'id'>): Promise<string> {
  const row = await db
    .insertInto('research_definitions')
    .values({
      name: d.name,
      analysis: d.analysis,
      definition: JSON.stringify(d.definition),
      created_by: d.createdBy,
      created_by_label: d.createdByLabel,
      created_at: d.createdAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function findDefinition(db: Db, id: string): Promise<SavedDefinition | undefined> {
  const r = await db
    .selectFrom('research_definitions')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  return r ? shape(r) : undefined;
}

/** All saved definitions, newest first (the use case keeps those the caller may see). */
export async function listDefinitions(db: Db): Promise<SavedDefinition[]> {
  const rows = await db
    .selectFrom('research_definitions')
    .selectAll()
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .execute();
  return rows.map(shape);
}
