// Whether the demo was seeded (and with which accounts, still there), or whether the database is
// empty enough to seed it: `serve --demo` seeds only a database without accounts.
import {
  anyAccountExists,
  findAccountsByEmail,
  findDemoMarker,
  type DemoAccount,
  type DemoMarker,
} from '../../data/repositories/demo.js';
import { policies } from '../../domain/access/policies.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';

export interface SeededDemo {
  marker: DemoMarker;
  /** The demo's accounts (of these emails) that still exist. */
  accounts: DemoAccount[];
}

export interface FindSeededDemoOutcome {
  demo: SeededDemo | null;
  anyAccount: boolean;
}

export async function findSeededDemo(
  ctx: UseCaseContext,
  emails: string[],
): Promise<FindSeededDemoOutcome> {
  if (!policies.seedDemo(ctx.actor)) throw new AppError('FORBIDDEN');
  const marker = await findDemoMarker(ctx.db);
  const demo = marker ? { marker, accounts: await findAccountsByEmail(ctx.db, emails) } : null;
  return { demo, anyAccount: demo !== null || (await anyAccountExists(ctx.db)) };
}
