import type { Kysely } from 'kysely';
import { findLocalAuthority } from '../../data/repositories/local-authorities.js';
import type { User } from '../../data/repositories/users.js';
import type { DB } from '../../data/schema.js';
import type { Role } from '../../domain/access/roles.js';
import type { ErrorDetail } from '../../errors.js';

/** A regional account needs a region; an LA account needs an LA that exists. */
export async function userScopeProblems(
  db: Kysely<DB>,
  role: Role,
  region: string | null,
  laId: string | null,
): Promise<ErrorDetail[]> {
  const problems: ErrorDetail[] = [];
  if (role === 'regional' && !region)
    problems.push({ field: 'region', reason: 'Select the Ofsted region' });
  if (role === 'la_user') {
    if (!laId) problems.push({ field: 'laId', reason: 'Select the local authority' });
    else {
      const la = await findLocalAuthority(db, laId);
      if (!la)
        problems.push({ field: 'laId', value: laId, reason: 'No local authority has this id' });
    }
  }
  return problems;
}

/** What the audit log keeps about an account (never the password hash). */
export function presentUserForAudit(u: User): Record<string, unknown> {
  return {
    email: u.email,
    displayName: u.displayName,
    role: u.role,
    region: u.region,
    laId: u.laId,
    mustChangePassword: u.mustChangePassword,
    disabled: u.disabled,
  };
}
