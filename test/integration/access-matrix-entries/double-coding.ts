import type { Entry, Expect, Ids } from '../../helpers/access-matrix.js';
import { NO_ID } from '../../helpers/access-matrix.js';

// Blind double coding (issue 15): the demo inspection's assignment, coded by the lead and the team
// inspector, both finished. Set in the matrix's beforeAll from the demo database.
export const doubleCodingIds = { assignment: NO_ID, record: NO_ID };

// The list is read like the evidence base; an assignment by its coders, the lead, admins and
// national staff (the QAM and the analyst on the team do not see it).
const evidenceRead: Expect = {
  anon: 'signin',
  regional: 'hidden',
  regionalOther: 'hidden',
  outsider: 'hidden',
  la: 'hidden',
  laOther: 'hidden',
  researcher: 'hidden',
  rest: 'ok',
};
// Setting one up: the lead and admins; the input names no record, so nothing is made.
const assign: Expect = {
  ...evidenceRead,
  national: 'denied',
  inspector: 'denied',
  qam: 'denied',
  analyst: 'denied',
};
const view: Expect = {
  anon: 'signin',
  admin: 'ok',
  national: 'ok',
  lead: 'ok',
  inspector: 'ok',
  rest: 'hidden',
};
// Coding: the coders only (both have finished, so their writes are refused as a state error).
const code: Expect = { ...view, admin: 'denied', national: 'denied' };
// Reconciling: the lead and admins (the agreed key names no span, so nothing is written).
const reconcile: Expect = { ...view, inspector: 'denied', national: 'denied' };

const H = (i: Ids) => `/activities/${i.activity}/double-coding`;
const A = (i: Ids) => `/api/v1${H(i)}`;
const ONE = () => doubleCodingIds.assignment;
const badAssign = () => ({
  title: 'Matrix',
  records: ['E999'],
  coders: ['lead@triangulate.example', 'inspector@triangulate.example'],
});
const badCoding = () => ({ evidenceId: NO_ID, codeId: NO_ID, passage: 'Matrix' });
const badAgreed = () => ({ agreed: ['not-a-span'] });

export const doubleCodingEntries: Entry[] = [
  { method: 'GET', route: '/activities/:id/double-coding', url: H, expect: evidenceRead },
  {
    method: 'POST',
    route: '/activities/:id/double-coding',
    url: H,
    body: badAssign,
    expect: assign,
  },
  {
    method: 'GET',
    route: '/activities/:id/double-coding/:assignmentId',
    url: (i) => `${H(i)}/${ONE()}`,
    expect: view,
  },
  {
    method: 'POST',
    route: '/activities/:id/double-coding/:assignmentId/codings',
    url: (i) => `${H(i)}/${ONE()}/codings`,
    body: badCoding,
    expect: code,
  },
  {
    method: 'POST',
    route: '/activities/:id/double-coding/:assignmentId/codings/:codingId/remove',
    url: (i) => `${H(i)}/${ONE()}/codings/${NO_ID}/remove`,
    expect: code,
  },
  {
    method: 'POST',
    route: '/activities/:id/double-coding/:assignmentId/finish',
    url: (i) => `${H(i)}/${ONE()}/finish`,
    expect: code,
  },
  {
    method: 'GET',
    route: '/activities/:id/double-coding/:assignmentId/agreement',
    url: (i) => `${H(i)}/${ONE()}/agreement`,
    expect: view,
  },
  {
    method: 'GET',
    route: '/activities/:id/double-coding/:assignmentId/reconcile',
    url: (i) => `${H(i)}/${ONE()}/reconcile`,
    expect: view,
  },
  {
    method: 'POST',
    route: '/activities/:id/double-coding/:assignmentId/records/:evidenceId/reconcile',
    url: (i) => `${H(i)}/${ONE()}/records/${doubleCodingIds.record}/reconcile`,
    body: badAgreed,
    expect: reconcile,
  },
  { method: 'GET', route: '/api/v1/activities/:id/double-coding', url: A, expect: evidenceRead },
  {
    method: 'POST',
    route: '/api/v1/activities/:id/double-coding',
    url: A,
    body: badAssign,
    expect: assign,
  },
  {
    method: 'GET',
    route: '/api/v1/activities/:id/double-coding/:assignmentId',
    url: (i) => `${A(i)}/${ONE()}`,
    expect: view,
  },
  {
    method: 'POST',
    route: '/api/v1/activities/:id/double-coding/:assignmentId/codings',
    url: (i) => `${A(i)}/${ONE()}/codings`,
    body: badCoding,
    expect: code,
  },
  {
    method: 'DELETE',
    route: '/api/v1/activities/:id/double-coding/:assignmentId/codings/:codingId',
    url: (i) => `${A(i)}/${ONE()}/codings/${NO_ID}`,
    expect: code,
  },
  {
    method: 'POST',
    route: '/api/v1/activities/:id/double-coding/:assignmentId/finish',
    url: (i) => `${A(i)}/${ONE()}/finish`,
    expect: code,
  },
  {
    method: 'GET',
    route: '/api/v1/activities/:id/double-coding/:assignmentId/agreement',
    url: (i) => `${A(i)}/${ONE()}/agreement?resamples=10`,
    expect: view,
  },
  {
    method: 'POST',
    route: '/api/v1/activities/:id/double-coding/:assignmentId/records/:evidenceId/reconcile',
    url: (i) => `${A(i)}/${ONE()}/records/${doubleCodingIds.record}/reconcile`,
    body: badAgreed,
    expect: reconcile,
  },
];
