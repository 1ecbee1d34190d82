// Who is acting. Every use case receives one; the audit log records it.
import type { Role } from './roles.js';
import type { User } from './user.js';

export interface UserActor {
  kind: 'user';
  userId: string;
  email: string;
  displayName: string;
  role: Role;
  /** Ofsted region, for regional staff. */
  region: string | null;
  /** Local authority id, for LA users. */
  laId: string | null;
}

/** The operator of the CLI on the server itself: full access, recorded as such in the audit log. */
export interface SystemActor {
  kind: 'system';
  label: string;
}

export type Actor = UserActor | SystemActor;

export function actorLabel(actor: Actor): string {
  return actor.kind === 'user' ? `${actor.displayName} <${actor.email}>` : actor.label;
}

export function actorUserId(actor: Actor): string | null {
  return actor.kind === 'user' ? actor.userId : null;
}

export function systemActor(label = `cli:${process.env.USER ?? 'operator'}`): SystemActor {
  return { kind: 'system', label };
}

/** The actor an account acts as, once signed in (or named with the CLI's --as). */
export function toActor(user: User): UserActor {
  return {
    kind: 'user',
    userId: user.id,
    email: user.email,
    displayName: user.displayName,
    role: user.role,
    region: user.region,
    laId: user.laId,
  };
}
