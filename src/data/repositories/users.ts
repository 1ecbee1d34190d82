import type { Kysely } from 'kysely';
import type { Role } from '../../domain/access/roles.js';
import type { DB } from '../schema.js';
import type { User } from '../../domain/access/user.js';

export type { User };

const columns = [
  'id',
  'email',
  'display_name',
  'role',
  'region',
  'la_id',
  'must_change_password',
  'disabled_at',
  'created_at',
] as const;

type UserRow = {
  id: string;
  email: string;
  display_name: string;
  role: Role;
  region: string | null;
  la_id: string | null;
  must_change_password: boolean;
  disabled_at: Date | null;
  created_at: Date;
};

function toUser(r: UserRow): User {
  return {
    id: r.id,
    email: r.email,
    displayName: r.display_name,
    role: r.role,
    region: r.region,
    laId: r.la_id,
    mustChangePassword: r.must_change_password,
    disabled: r.disabled_at !== null,
    createdAt: r.created_at,
  };
}

export async function findUserById(db: Kysely<DB>, id: string): Promise<User | null> {
  if (!isUuid(id)) return null;
  const row = await db.selectFrom('users').select(columns).where('id', '=', id).executeTakeFirst();
  return row ? toUser(row) : null;
}

export async function findUserByEmail(
  db: Kysely<DB>,
  email: string,
): Promise<(User & { passwordHash: string }) | null> {
  const row = await db
    .selectFrom('users')
    .select([...columns, 'password_hash'])
    .where((eb) => eb(eb.fn('lower', ['email']), '=', email.trim().toLowerCase()))
    .executeTakeFirst();
  return row ? { ...toUser(row), passwordHash: row.password_hash } : null;
}

export async function listUsers(
  db: Kysely<DB>,
  filter: { role?: Role; search?: string } = {},
): Promise<User[]> {
  let q = db.selectFrom('users').select(columns);
  if (filter.role) q = q.where('role', '=', filter.role);
  if (filter.search) {
    const like = `%${filter.search.toLowerCase()}%`;
    q = q.where((eb) =>
      eb.or([
        eb(eb.fn('lower', ['email']), 'like', like),
        eb(eb.fn('lower', ['display_name']), 'like', like),
      ]),
    );
  }
  const rows = await q.orderBy('display_name').execute();
  return rows.map(toUser);
}

export function isUuid(value: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}

/** Replaces a password hash with one of the same password under the current parameters. */
export async function replacePasswordHash(
  db: Kysely<DB>,
  userId: string,
  oldHash: string,
  newHash: string,
): Promise<void> {
  // Only if unchanged meanwhile: a password change in between must win.
  await db
    .updateTable('users')
    .set({ password_hash: newHash })
    .where('id', '=', userId)
    .where('password_hash', '=', oldHash)
    .execute();
}
