// The local authority register and its successions, as stored.
import type { Kysely, Selectable } from 'kysely';
import type { LaRecord, LaSuccession } from '../../domain/las/la.js';
import { createLaRegister, type LaRegister } from '../../domain/las/register.js';
import type { DB, LocalAuthorityTable } from '../schema.js';

/** A stored authority. (Aliases and the 0-25 population stay in the reference file: no columns.) */
export interface LocalAuthority {
  id: string;
  name: string;
  gssCode: string;
  previousGssCodes: string[];
  dfeCode: string | null;
  ofstedUrn: string | null;
  ofstedRegion: string | null;
  onsRegionCode: string | null;
  onsRegion: string | null;
  laType: string | null;
  validFrom: string | null;
  validTo: string | null;
  population0to17: number | null;
  statNeighbours: string[];
}

function shape(r: Selectable<LocalAuthorityTable>): LocalAuthority {
  return {
    id: r.id,
    name: r.name,
    gssCode: r.gss_code,
    previousGssCodes: r.previous_gss_codes,
    dfeCode: r.dfe_code,
    ofstedUrn: r.ofsted_urn,
    ofstedRegion: r.ofsted_region,
    onsRegionCode: r.ons_region_code,
    onsRegion: r.ons_region,
    laType: r.la_type,
    validFrom: r.valid_from,
    validTo: r.valid_to,
    population0to17: r.population_0_17,
    statNeighbours: r.stat_neighbours,
  };
}

export async function listLocalAuthorities(
  db: Kysely<DB>,
  filter: { region?: string } = {},
): Promise<LocalAuthority[]> {
  let q = db.selectFrom('local_authorities').selectAll();
  if (filter.region) q = q.where('ofsted_region', '=', filter.region);
  const rows = await q.orderBy('name').orderBy('id').execute();
  return rows.map(shape);
}

export async function findLocalAuthority(
  db: Kysely<DB>,
  id: string,
): Promise<LocalAuthority | undefined> {
  const row = await db
    .selectFrom('local_authorities')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? shape(row) : undefined;
}

export async function listLaSuccessions(db: Kysely<DB>): Promise<LaSuccession[]> {
  const rows = await db
    .selectFrom('la_successions')
    .selectAll()
    .orderBy('predecessor_id')
    .orderBy('successor_id')
    .execute();
  return rows.map((r) => ({
    predecessorId: r.predecessor_id,
    successorId: r.successor_id,
    effectiveDate: r.effective_date,
  }));
}

export interface UpsertOutcome {
  inserted: string[];
  updated: string[];
  unchanged: number;
}

function toRow(r: LaRecord) {
  return {
    id: r.id,
    name: r.name,
    gss_code: r.gssCode,
    previous_gss_codes: r.previousGssCodes,
    dfe_code: r.dfeCode,
    ofsted_urn: r.ofstedUrn,
    ofsted_region: r.ofstedRegion,
    ons_region_code: r.onsRegionCode,
    ons_region: r.onsRegion,
    la_type: r.laType,
    valid_from: r.validFrom,
    valid_to: r.validTo,
    population_0_17: r.population0to17,
    stat_neighbours: r.statNeighbours,
  };
}

const STORED_FIELDS = [
  'name',
  'gssCode',
  'previousGssCodes',
  'dfeCode',
  'ofstedUrn',
  'ofstedRegion',
  'onsRegionCode',
  'onsRegion',
  'laType',
  'validFrom',
  'validTo',
  'population0to17',
  'statNeighbours',
] as const satisfies readonly (keyof LocalAuthority & keyof LaRecord)[];

function sameStored(stored: LocalAuthority, record: LaRecord): boolean {
  return STORED_FIELDS.every((k) => JSON.stringify(stored[k]) === JSON.stringify(record[k]));
}

/** Inserts new authorities and updates changed ones; never deletes (history refers to them). */
export async function upsertLocalAuthorities(
  db: Kysely<DB>,
  records: readonly LaRecord[],
): Promise<UpsertOutcome> {
  const existing = new Map(
    (await db.selectFrom('local_authorities').selectAll().execute()).map((r) => [r.id, shape(r)]),
  );
  const outcome: UpsertOutcome = { inserted: [], updated: [], unchanged: 0 };
  const fresh = records.filter((r) => !existing.has(r.id));
  for (let i = 0; i < fresh.length; i += 200) {
    await db
      .insertInto('local_authorities')
      .values(fresh.slice(i, i + 200).map(toRow))
      .execute();
  }
  outcome.inserted = fresh.map((r) => r.id);
  for (const r of records) {
    const current = existing.get(r.id);
    if (!current) continue;
    if (sameStored(current, r)) {
      outcome.unchanged += 1;
      continue;
    }
    const { id: _id, ...changes } = toRow(r);
    await db.updateTable('local_authorities').set(changes).where('id', '=', r.id).execute();
    outcome.updated.push(r.id);
  }
  return outcome;
}

/** Inserts new successions and corrects changed dates; never deletes. */
export async function upsertLaSuccessions(
  db: Kysely<DB>,
  successions: readonly LaSuccession[],
): Promise<UpsertOutcome> {
  const key = (s: LaSuccession) => `${s.predecessorId}>${s.successorId}`;
  const existing = new Map((await listLaSuccessions(db)).map((s) => [key(s), s]));
  const outcome: UpsertOutcome = { inserted: [], updated: [], unchanged: 0 };
  for (const s of successions) {
    const current = existing.get(key(s));
    if (!current) {
      await db
        .insertInto('la_successions')
        .values({
          predecessor_id: s.predecessorId,
          successor_id: s.successorId,
          effective_date: s.effectiveDate,
        })
        .execute();
      outcome.inserted.push(key(s));
    } else if (current.effectiveDate !== s.effectiveDate) {
      await db
        .updateTable('la_successions')
        .set({ effective_date: s.effectiveDate })
        .where('predecessor_id', '=', s.predecessorId)
        .where('successor_id', '=', s.successorId)
        .execute();
      outcome.updated.push(key(s));
    } else {
      outcome.unchanged += 1;
    }
  }
  return outcome;
}

/** Current authorities (and, if given, this one even if former), by name: for select lists. */
export async function listLaChoices(
  db: Kysely<DB>,
  alsoId?: string | null,
): Promise<{ id: string; name: string }[]> {
  return db
    .selectFrom('local_authorities')
    .select(['id', 'name'])
    .where((eb) => eb.or([eb('valid_to', 'is', null), ...(alsoId ? [eb('id', '=', alsoId)] : [])]))
    .orderBy('name')
    .execute();
}

/** The names of these authorities, by id (unknown ids are absent). */
export async function laNamesById(
  db: Kysely<DB>,
  ids: readonly string[],
): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('local_authorities')
    .select(['id', 'name'])
    .where('id', 'in', [...ids])
    .execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Every stored authority's id. */
export async function listLaIds(db: Kysely<DB>): Promise<Set<string>> {
  const rows = await db.selectFrom('local_authorities').select('id').execute();
  return new Set(rows.map((r) => r.id));
}

/** The whole stored register with its successions, for lookups. */
export async function loadLaRegister(db: Kysely<DB>): Promise<LaRegister<LocalAuthority>> {
  const [las, successions] = await Promise.all([listLocalAuthorities(db), listLaSuccessions(db)]);
  return createLaRegister(las, successions);
}
