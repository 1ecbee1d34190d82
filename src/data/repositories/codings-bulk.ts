// Many codings in one go (an offline sync brings thousands): multi-row inserts that answer, per
// coding, as insertCoding one at a time would.
import type { Transaction } from 'kysely';
import type { Coding } from '../../domain/evidence/records.js';
import type { DB } from '../schema.js';
import { codingRow, type NewCoding } from './codings.js';

/**
 * Inserts many codings in order; for each, its row, or null when the coder already had this code
 * on exactly this span (before, or earlier in the list): as insertCoding one at a time would.
 */
export async function insertCodings(
  trx: Transaction<DB>,
  list: NewCoding[],
): Promise<Array<Pick<Coding, 'id' | 'guid' | 'anchorStatus' | 'createdAt'> | null>> {
  const keyOf = (
    evidence: string,
    code: string,
    start: number,
    end: number,
    coder: string | null,
  ) => `${evidence}|${code}|${start}|${end}|${coder ?? ''}`;
  const made = new Map<string, Pick<Coding, 'id' | 'guid' | 'anchorStatus' | 'createdAt'>>();
  for (let i = 0; i < list.length; i += CODINGS_PER_INSERT) {
    const rows = await trx
      .insertInto('codings')
      .values(list.slice(i, i + CODINGS_PER_INSERT).map(codingRow))
      .onConflict((oc) => oc.doNothing())
      .returning([
        'id',
        'guid',
        'anchor_status',
        'created_at',
        'evidence_id',
        'code_id',
        'start_pos',
        'end_pos',
        'coder_id',
      ])
      .execute();
    for (const r of rows)
      made.set(keyOf(r.evidence_id, r.code_id, r.start_pos, r.end_pos, r.coder_id), {
        id: r.id,
        guid: r.guid,
        anchorStatus: r.anchor_status,
        createdAt: r.created_at,
      });
  }
  // The first of the list with a key gets the row; a repeat of it would have been refused.
  return list.map((c) => {
    const key = keyOf(c.evidenceId, c.codeId, c.start, c.end, c.coder.id);
    const row = made.get(key) ?? null;
    made.delete(key);
    return row;
  });
}

// Ten parameters a coding, well under PostgreSQL's 65,535 a statement.
const CODINGS_PER_INSERT = 2000;
