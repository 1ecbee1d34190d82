// Small, explicit fixtures written straight to the database for tests that do not need the
// whole demo.
import type { Kysely } from 'kysely';
import type { DB } from '../../src/data/schema.js';
import { systemActor, type UserActor } from '../../src/domain/access/actor.js';
import type { Role } from '../../src/domain/access/roles.js';
import { toActor } from '../../src/domain/access/actor.js';
import { createUser } from '../../src/usecases/users/create-user.js';

export async function insertLa(db: Kysely<DB>, id: string, region: string): Promise<void> {
  await db
    .insertInto('local_authorities')
    .values({
      id,
      name: `${id} council`,
      gss_code: `E0${Math.floor(Math.random() * 1e7)}`,
      ofsted_region: region,
    })
    .execute();
}

export async function makeUser(
  db: Kysely<DB>,
  key: string,
  role: Role,
  scope: { region?: string; laId?: string } = {},
): Promise<UserActor> {
  const user = await createUser(
    { db, actor: systemActor('fixture') },
    {
      email: `${key}@example.org`,
      displayName: key,
      role,
      region: (scope.region as never) ?? null,
      laId: scope.laId ?? null,
      password: 'fixture password 123',
    },
  );
  return toActor(user);
}
