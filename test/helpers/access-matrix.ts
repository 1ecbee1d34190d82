// The vocabulary of the access matrix (test/integration/access-matrix.test.ts): roles, expected
// outcomes and route entries. Each area's entries live in test/integration/access-matrix-entries/
// so that areas can add routes without touching one long file.
export type Outcome = 'ok' | 'denied' | 'hidden' | 'signin';
export const roles = [
  'anon',
  'admin',
  'national',
  'regional',
  'regionalOther',
  'lead',
  'inspector',
  'qam',
  'analyst',
  'outsider',
  'la',
  'laOther',
  'researcher',
] as const;
export type RoleKey = (typeof roles)[number];
export type Expect = Partial<Record<RoleKey, Outcome>> & { rest: Outcome };

export interface Entry {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** Route pattern as Fastify registered it; `url` is the concrete request. */
  route: string;
  url: (ids: Ids) => string;
  body?: (ids: Ids) => Record<string, unknown>;
  expect: Expect;
}
export interface Ids {
  /** The demo inspection: notified and on site, in North West (Northfield), with the demo team. */
  activity: string;
  /** A future focused visit: not notified, no team yet. */
  hiddenVisit: string;
  /** The demo LA (demo-northfield) and an LA in London. */
  ownLa: string;
  otherLa: string;
  leadUser: string;
  inspectorUser: string;
  /** An account the admin routes may change freely. */
  targetUser: string;
  laUser: string;
}

/** An id that names nothing: routes about a missing item answer 404 to everyone signed in. */
export const NO_ID = '00000000-0000-4000-8000-000000000000';
export const noSuchItem: Expect = { anon: 'signin', rest: 'hidden' };
export const everyone: Expect = { anon: 'signin', rest: 'ok' };
