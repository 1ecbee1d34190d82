// Every role against every route. Each registered route must appear below; a route added
// without an entry fails this test, so nobody ships a page whose access nobody decided.
// Outcomes: ok = passed the access check (2xx, or a validation/state error about the input),
// denied = 403, hidden = 404 (reveals nothing, not even existence), signin = not signed in.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../src/domain/access/actor.js';
import { createUser } from '../../src/usecases/users/create-user.js';
import { attachFile } from '../../src/usecases/attachments/attach-file.js';
import { getActivity } from '../../src/usecases/activities/get-activity.js';
import { getJudgementsOverview } from '../../src/usecases/judgements/get-judgements-overview.js';
import { getProvisionalViews } from '../../src/usecases/judgements/get-provisional-views.js';
import { actorFor, contextFor } from '../helpers/reports.js';
import { createTestApp, DEMO_PASSWORD, demoEmail, type TestApp } from '../helpers/app.js';
import {
  NO_ID,
  everyone,
  noSuchItem,
  roles,
  type Entry,
  type Expect,
  type Ids,
  type Outcome,
  type RoleKey,
} from '../helpers/access-matrix.js';
import {
  areaEntries,
  prepareActionPlans,
  prepareIntelligenceFiles,
} from './access-matrix-entries/index.js';
import { doubleCodingIds } from './access-matrix-entries/double-coding.js';

const adminOnly: Expect = { anon: 'signin', admin: 'ok', rest: 'denied' };
/** The national analysis of the published history: aggregate, public, hidden from the rest. */
const historyAnalysts: Expect = {
  anon: 'signin',
  admin: 'ok',
  national: 'ok',
  researcher: 'ok',
  rest: 'hidden',
};
const auditReaders: Expect = { anon: 'signin', admin: 'ok', national: 'ok', rest: 'denied' };
// The demo inspection: notified and on site, in North West, with the demo team.
const viewActivity: Expect = {
  anon: 'signin',
  regionalOther: 'hidden',
  outsider: 'hidden',
  laOther: 'hidden',
  researcher: 'hidden',
  rest: 'ok',
};
const manageActivity: Expect = {
  ...viewActivity,
  national: 'denied',
  inspector: 'denied',
  qam: 'denied',
  analyst: 'denied',
  la: 'denied',
};
const activityAudit: Expect = {
  ...viewActivity,
  regional: 'denied',
  inspector: 'denied',
  analyst: 'denied',
  la: 'denied',
};
// The future focused visit: not notified, no team yet.
const viewHiddenVisit: Expect = {
  anon: 'signin',
  admin: 'ok',
  national: 'ok',
  regional: 'ok',
  rest: 'hidden',
};
const createActivityRule: Expect = { anon: 'signin', admin: 'ok', regional: 'ok', rest: 'denied' };
// The evidence base: the team reads and writes; admins and national read; regional staff (not on
// the team), LA users and researchers never see it.
const evidenceRead: Expect = { ...viewActivity, regional: 'hidden', la: 'hidden' };
const evidenceWrite: Expect = { ...evidenceRead, admin: 'denied', national: 'denied' };
// Reports: drafts are read like the evidence base; the team except shadows writes; the lead and
// admins release and publish; only the inspected LA's users comment (once a draft is released).
const reportWrite: Expect = { ...evidenceRead, admin: 'denied', national: 'denied' };
const reportRelease: Expect = {
  ...evidenceRead,
  national: 'denied',
  inspector: 'denied',
  qam: 'denied',
  analyst: 'denied',
};
const reportComment: Expect = {
  anon: 'signin',
  admin: 'denied',
  national: 'denied',
  lead: 'denied',
  inspector: 'denied',
  qam: 'denied',
  analyst: 'denied',
  rest: 'hidden',
};
// The QAM (or an admin) signs off the exact current version; the rest of the draft's readers are
// refused, and those who cannot read the draft see nothing.
const reportSignOff: Expect = {
  ...evidenceRead,
  national: 'denied',
  lead: 'denied',
  inspector: 'denied',
  analyst: 'denied',
};
const reportRespond: Expect = {
  anon: 'signin',
  admin: 'denied',
  national: 'denied',
  rest: 'hidden',
};
// Candidate lines of enquiry from the Annex A profile: the team's inspectors decide.
const decideData: Expect = {
  ...evidenceRead,
  admin: 'denied',
  national: 'denied',
  qam: 'denied',
  analyst: 'denied',
};
// Judgements: the team, admins, national and the region's staff read them (inspectors on the
// consistency panel too, none in the demo); LA users only read the moderation record once the
// activity is published (the demo is on site). Writes go to the role the stage gives them.
const judgementsRead: Expect = { ...viewActivity, la: 'hidden' };
const judgementEdit: Expect = {
  ...judgementsRead,
  national: 'denied',
  regional: 'denied',
  qam: 'denied',
  analyst: 'denied',
};
const judgementMove: Expect = { ...judgementEdit, inspector: 'denied' };
const provisionalView: Expect = { ...judgementEdit, admin: 'denied' };
const panelAssign: Expect = {
  ...judgementsRead,
  national: 'denied',
  inspector: 'denied',
  analyst: 'denied',
};
const panelRemove: Expect = {
  anon: 'signin',
  national: 'denied',
  inspector: 'denied',
  analyst: 'denied',
  rest: 'hidden',
};
const panelComment: Expect = {
  ...judgementsRead,
  national: 'denied',
  regional: 'denied',
  lead: 'denied',
  inspector: 'denied',
  qam: 'denied',
  analyst: 'denied',
};
const panelAnswer: Expect = {
  anon: 'signin',
  national: 'denied',
  regional: 'denied',
  inspector: 'denied',
  qam: 'denied',
  analyst: 'denied',
  rest: 'hidden',
};
const feedbackWrite: Expect = {
  ...judgementsRead,
  admin: 'denied',
  national: 'denied',
  regional: 'denied',
  analyst: 'denied',
};
const divergenceWrite: Expect = {
  ...judgementsRead,
  national: 'denied',
  regional: 'denied',
  inspector: 'denied',
  analyst: 'denied',
};
const J = (ids: Ids) => `/activities/${ids.activity}/judgements`;
const JA = (ids: Ids) => `/api/v1/activities/${ids.activity}/judgements`;
const judgementEntries = (): Entry[] => [
  ...(
    [
      ['/activities/:id/judgements', (i: Ids) => J(i)],
      ['/activities/:id/judgements/:key/edit', (i: Ids) => `${J(i)}/help_and_protection/edit`],
      ['/activities/:id/judgements/qa', (i: Ids) => `${J(i)}/qa`],
      ['/activities/:id/judgements/history', (i: Ids) => `${J(i)}/history`],
      ['/activities/:id/judgements/provisional-views', (i: Ids) => `${J(i)}/provisional-views`],
      ['/activities/:id/judgements/panel', (i: Ids) => `${J(i)}/panel`],
      ['/activities/:id/judgements/divergence', (i: Ids) => `${J(i)}/divergence`],
      ['/activities/:id/feedback-log', (i: Ids) => `/activities/${i.activity}/feedback-log`],
      [
        '/activities/:id/moderation-record',
        (i: Ids) => `/activities/${i.activity}/moderation-record`,
      ],
      ['/api/v1/activities/:id/judgements', (i: Ids) => JA(i)],
      ['/api/v1/activities/:id/judgements/history', (i: Ids) => `${JA(i)}/history`],
      [
        '/api/v1/activities/:id/judgements/provisional-views',
        (i: Ids) => `${JA(i)}/provisional-views`,
      ],
      ['/api/v1/activities/:id/judgements/report-input', (i: Ids) => `${JA(i)}/report-input`],
      ['/api/v1/activities/:id/feedback-log', (i: Ids) => `${EV(i)}/feedback-log`],
      ['/api/v1/activities/:id/moderation-record', (i: Ids) => `${EV(i)}/moderation-record`],
    ] as const
  ).map(([route, url]) => ({ method: 'GET' as const, route, url, expect: judgementsRead })),
  // Case-level ratings: read as the judgements are; rated by the lead and inspecting team
  // members. The write's grade is not on the scale, so the demo stays unchanged; a case that is
  // not in the sample is not found by anyone.
  ...(
    [
      ['/activities/:id/case-ratings', (i: Ids) => `/activities/${i.activity}/case-ratings`],
      ['/api/v1/activities/:id/case-ratings', (i: Ids) => `${EV(i)}/case-ratings`],
    ] as const
  ).map(([route, url]) => ({ method: 'GET' as const, route, url, expect: judgementsRead })),
  {
    method: 'GET',
    route: '/activities/:id/case-ratings/:caseId',
    url: (i) => `/activities/${i.activity}/case-ratings/${NO_ID}`,
    expect: { anon: 'signin', rest: 'hidden' },
  },
  {
    method: 'POST',
    route: '/activities/:id/case-ratings/:caseId/:key',
    url: (i) => `/activities/${i.activity}/case-ratings/${NO_ID}/help_and_protection`,
    body: () => ({ grade: 'not_a_grade' }),
    // Those who may rate pass the check, then the form cannot be shown again for a case that is
    // not in the sample: not found. Everyone else is refused first.
    expect: { ...provisionalView, lead: 'hidden', inspector: 'hidden' },
  },
  {
    method: 'POST',
    route: '/api/v1/activities/:id/case-ratings/:caseId/:key',
    url: (i) => `${EV(i)}/case-ratings/${NO_ID}/help_and_protection`,
    body: () => ({ grade: 'not_a_grade' }),
    expect: provisionalView,
  },
  // Writes that pass the access check fail on their input, so the demo stays unchanged.
  {
    method: 'PATCH',
    route: '/api/v1/activities/:id/judgements/:key',
    url: (i) => `${JA(i)}/help_and_protection`,
    body: () => ({ expectedVersion: 999, grade: 'good' }),
    expect: judgementEdit,
  },
  {
    method: 'POST',
    route: '/activities/:id/judgements/:key',
    url: (i) => `${J(i)}/help_and_protection`,
    body: () => ({ expectedVersion: '999', grade: 'good' }),
    expect: judgementEdit,
  },
  {
    method: 'POST',
    route: '/api/v1/activities/:id/judgements/stage',
    url: (i) => `${JA(i)}/stage`,
    body: () => ({ toStage: 'final' }),
    expect: judgementMove,
  },
  {
    method: 'POST',
    route: '/activities/:id/judgements/stage',
    url: (i) => `${J(i)}/stage`,
    body: () => ({ toStage: 'final' }),
    expect: judgementMove,
  },
  {
    method: 'POST',
    route: '/api/v1/activities/:id/judgements/:key/provisional-view',
    url: (i) => `${JA(i)}/help_and_protection/provisional-view`,
    body: () => ({ grade: 'not_a_grade' }),
    expect: provisionalView,
  },
  {
    method: 'POST',
    route: '/activities/:id/judgements/:key/provisional-view',
    url: (i) => `${J(i)}/help_and_protection/provisional-view`,
    body: () => ({ grade: 'not_a_grade' }),
    expect: provisionalView,
  },
  {
    method: 'POST',
    route: '/api/v1/activities/:id/judgements/panel',
    url: (i) => `${JA(i)}/panel`,
    body: () => ({ user: 'nobody@example.org' }),
    expect: panelAssign,
  },
  {
    method: 'POST',
    route: '/activities/:id/judgements/panel',
    url: (i) => `${J(i)}/panel`,
    body: () => ({ user: 'nobody@example.org' }),
    expect: panelAssign,
  },
  {
    method: 'DELETE',
    route: '/api/v1/activities/:id/judgements/panel/:userId',
    url: (i) => `${JA(i)}/panel/${NO_ID}`,
    expect: panelRemove,
  },
  {
    method: 'POST',
    route: '/activities/:id/judgements/panel/:userId/remove',
    url: (i) => `${J(i)}/panel/${NO_ID}/remove`,
    expect: panelRemove,
  },
  {
    method: 'POST',
    route: '/api/v1/activities/:id/judgements/panel/comments',
    url: (i) => `${JA(i)}/panel/comments`,
    body: () => ({ kind: 'comment', text: 'Matrix check' }),
    expect: panelComment,
  },
  {
    method: 'POST',
    route: '/activities/:id/judgements/panel/comments',
    url: (i) => `${J(i)}/panel/comments`,
    body: () => ({ kind: 'comment', text: 'Matrix check' }),
    expect: panelComment,
  },
  {
    method: 'POST',
    route: '/api/v1/activities/:id/judgements/panel/comments/:commentId/response',
    url: (i) => `${JA(i)}/panel/comments/${NO_ID}/response`,
    body: () => ({ response: 'Matrix check' }),
    expect: panelAnswer,
  },
  {
    method: 'POST',
    route: '/activities/:id/judgements/panel/comments/:commentId/response',
    url: (i) => `${J(i)}/panel/comments/${NO_ID}/response`,
    body: () => ({ response: 'Matrix check' }),
    expect: panelAnswer,
  },
  {
    method: 'POST',
    route: '/api/v1/activities/:id/feedback-log',
    url: (i) => `${EV(i)}/feedback-log`,
    body: () => ({
      kind: 'keeping_in_touch',
      heldOn: '2026-11-24',
      present: 'Matrix',
      themes: [{ judgementKey: 'no_such_judgement', direction: 'strength', text: 'x' }],
    }),
    expect: feedbackWrite,
  },
  {
    method: 'POST',
    route: '/activities/:id/feedback-log',
    url: (i) => `/activities/${i.activity}/feedback-log`,
    body: () => ({
      kind: 'keeping_in_touch',
      'heldOn-day': '24',
      'heldOn-month': '11',
      'heldOn-year': '2026',
      present: 'Matrix',
      'theme-text-no_such_judgement': 'x',
      'theme-direction-no_such_judgement': 'strength',
    }),
    expect: feedbackWrite,
  },
  {
    method: 'POST',
    route: '/api/v1/activities/:id/judgements/divergence',
    url: (i) => `${JA(i)}/divergence`,
    body: () => ({ flagKey: 'no_such_flag', explanation: 'Matrix check' }),
    expect: divergenceWrite,
  },
  {
    method: 'POST',
    route: '/activities/:id/judgements/divergence',
    url: (i) => `${J(i)}/divergence`,
    body: () => ({ flagKey: 'no_such_flag', explanation: 'Matrix check' }),
    expect: divergenceWrite,
  },
];
const EV = (ids: Ids) => `/api/v1/activities/${ids.activity}`;

const A = (ids: Ids) => ids.activity;
// A record of the demo inspection, for the coding workbench's forms (set in beforeAll).
let workbenchEvidenceId = NO_ID;
// A file kept with that record (set in beforeAll), for the download routes.
let matrixAttachmentId = NO_ID;
// Attachments: evidence files are the evidence base's (read by its readers, added and removed by
// its writers); the activity's list also shows the inspected LA its comments' documents.
const attachmentList: Expect = { ...evidenceRead, la: 'ok' };
const attachmentRoutes: Entry[] = [
  {
    method: 'GET',
    route: '/activities/:id/evidence/:evidenceId/attachments',
    url: (i) => `/activities/${A(i)}/evidence/${workbenchEvidenceId}/attachments`,
    expect: evidenceWrite,
  },
  {
    method: 'POST',
    route: '/activities/:id/evidence/:evidenceId/attachments',
    url: (i) => `/activities/${A(i)}/evidence/${workbenchEvidenceId}/attachments`,
    body: () => ({}),
    expect: evidenceWrite,
  },
  {
    method: 'POST',
    route: '/api/v1/activities/:id/evidence/:evidenceId/attachments',
    url: (i) => `${EV(i)}/evidence/${workbenchEvidenceId}/attachments?fileName=m.txt`,
    body: () => ({}),
    expect: evidenceWrite,
  },
  // No report is released in the matrix's world: a comment that does not exist is hidden.
  {
    method: 'GET',
    route: '/activities/:id/report/comments/:commentId/attachments',
    url: (i) => `/activities/${A(i)}/report/comments/${NO_ID}/attachments`,
    expect: noSuchItem,
  },
  {
    method: 'POST',
    route: '/activities/:id/report/comments/:commentId/attachments',
    url: (i) => `/activities/${A(i)}/report/comments/${NO_ID}/attachments`,
    body: () => ({}),
    expect: noSuchItem,
  },
  {
    method: 'POST',
    route: '/api/v1/activities/:id/report/comments/:commentId/attachments',
    url: (i) => `${EV(i)}/report/comments/${NO_ID}/attachments?fileName=m.txt`,
    body: () => ({}),
    expect: noSuchItem,
  },
  {
    method: 'GET',
    route: '/api/v1/activities/:id/attachments',
    url: (i) => `${EV(i)}/attachments`,
    expect: attachmentList,
  },
  {
    method: 'GET',
    route: '/activities/:id/attachments/:attachmentId',
    url: (i) => `/activities/${A(i)}/attachments/${matrixAttachmentId}`,
    expect: evidenceRead,
  },
  {
    method: 'GET',
    route: '/api/v1/activities/:id/attachments/:attachmentId',
    url: (i) => `${EV(i)}/attachments/${matrixAttachmentId}`,
    expect: evidenceRead,
  },
  {
    method: 'GET',
    route: '/activities/:id/attachments/:attachmentId/delete',
    url: (i) => `/activities/${A(i)}/attachments/${matrixAttachmentId}/delete`,
    expect: evidenceWrite,
  },
  {
    method: 'POST',
    route: '/activities/:id/attachments/:attachmentId/delete',
    url: (i) => `/activities/${A(i)}/attachments/${NO_ID}/delete`,
    body: () => ({}),
    expect: noSuchItem,
  },
  {
    method: 'DELETE',
    route: '/api/v1/activities/:id/attachments/:attachmentId',
    url: (i) => `${EV(i)}/attachments/${NO_ID}`,
    expect: noSuchItem,
  },
];

const matrix: Entry[] = [
  ...attachmentRoutes,
  { method: 'GET', route: '/', url: () => '/', expect: { rest: 'ok' } },
  { method: 'GET', route: '/health', url: () => '/health', expect: { rest: 'ok' } },
  {
    method: 'GET',
    route: '/api/openapi.json',
    url: () => '/api/openapi.json',
    expect: { rest: 'ok' },
  },
  { method: 'GET', route: '/sign-in', url: () => '/sign-in', expect: { rest: 'ok' } },
  {
    method: 'POST',
    route: '/sign-in',
    url: () => '/sign-in',
    body: () => ({ email: 'x@example.org', password: 'wrong' }),
    expect: { rest: 'signin' },
  },
  {
    method: 'POST',
    route: '/api/v1/sessions',
    url: () => '/api/v1/sessions',
    body: () => ({ email: 'x@example.org', password: 'wrong' }),
    expect: { rest: 'signin' },
  },
  { method: 'GET', route: '/api/v1/me', url: () => '/api/v1/me', expect: everyone },
  { method: 'GET', route: '/home', url: () => '/home', expect: everyone },
  { method: 'GET', route: '/account', url: () => '/account', expect: everyone },
  { method: 'GET', route: '/notifications', url: () => '/notifications', expect: everyone },
  {
    method: 'POST',
    route: '/notifications/read',
    url: () => '/notifications/read',
    body: () => ({ back: '/home' }),
    expect: everyone,
  },
  {
    // Someone else's notification, or none: not found for everyone (nothing revealed).
    method: 'POST',
    route: '/notifications/:id/read',
    url: () => '/notifications/00000000-0000-4000-8000-000000000000/read',
    body: () => ({}),
    expect: { anon: 'signin', rest: 'hidden' },
  },
  // The caller's own queue: each person sees only their own (nothing to ask about anyone else).
  { method: 'GET', route: '/api/v1/me/work', url: () => '/api/v1/me/work', expect: everyone },
  {
    method: 'GET',
    route: '/api/v1/me/notifications',
    url: () => '/api/v1/me/notifications?unread=true',
    expect: everyone,
  },
  {
    method: 'POST',
    route: '/api/v1/me/notifications/read',
    url: () => '/api/v1/me/notifications/read',
    body: () => ({}),
    expect: everyone,
  },
  {
    // Someone else's notification, or none: not found for everyone (nothing revealed).
    method: 'POST',
    route: '/api/v1/me/notifications/:id/read',
    url: () => '/api/v1/me/notifications/00000000-0000-4000-8000-000000000000/read',
    body: () => ({}),
    expect: { anon: 'signin', rest: 'hidden' },
  },
  { method: 'GET', route: '/account/password', url: () => '/account/password', expect: everyone },
  {
    method: 'POST',
    route: '/account/password',
    url: () => '/account/password',
    body: () => ({ currentPassword: 'x', newPassword: 'y', confirmPassword: 'z' }),
    expect: everyone,
  },
  { method: 'GET', route: '/las', url: () => '/las', expect: everyone },
  {
    method: 'GET',
    route: '/las/:id',
    url: (i) => `/las/${i.ownLa}`,
    expect: { ...everyone, laOther: 'hidden' },
  },
  {
    method: 'GET',
    route: '/las/:id',
    url: (i) => `/las/${i.otherLa}`,
    expect: { ...everyone, la: 'hidden' },
  },
  // London's regional team may create activities, but not for a North West authority.
  {
    method: 'GET',
    route: '/activities/new',
    url: () => '/activities/new',
    expect: { ...createActivityRule, regionalOther: 'ok' },
  },
  {
    method: 'POST',
    route: '/activities',
    url: () => '/activities',
    body: (i) => ({
      laId: i.ownLa,
      activityType: 'annual_engagement_meeting',
      'plannedStart-day': '1',
      'plannedStart-month': '3',
      'plannedStart-year': '2027',
    }),
    expect: createActivityRule,
  },
  {
    method: 'GET',
    route: '/activities/:id',
    url: (i) => `/activities/${A(i)}`,
    expect: viewActivity,
  },
  {
    method: 'GET',
    route: '/activities/:id',
    url: (i) => `/activities/${i.hiddenVisit}`,
    expect: viewHiddenVisit,
  },
  {
    method: 'GET',
    route: '/activities/:id',
    url: () => '/activities/00000000-0000-4000-8000-000000000000',
    expect: { anon: 'signin', rest: 'hidden' },
  },
  {
    method: 'POST',
    route: '/activities/:id/state',
    url: (i) => `/activities/${A(i)}/state`,
    body: () => ({ toState: 'published' }),
    expect: manageActivity,
  },
  {
    method: 'POST',
    route: '/activities/:id/team',
    url: (i) => `/activities/${A(i)}/team`,
    body: (i) => ({ userId: i.laUser, teamRole: 'shadow' }),
    expect: manageActivity,
  },
  {
    method: 'GET',
    route: '/activities/:id/team/:userId/remove',
    url: (i) => `/activities/${A(i)}/team/${i.inspectorUser}/remove`,
    expect: manageActivity,
  },
  {
    method: 'POST',
    route: '/activities/:id/team/:userId/remove',
    url: (i) => `/activities/${A(i)}/team/00000000-0000-4000-8000-000000000000/remove`,
    expect: { ...manageActivity, admin: 'hidden', regional: 'hidden', lead: 'hidden' },
  },
  {
    method: 'GET',
    route: '/activities/:id/audit',
    url: (i) => `/activities/${A(i)}/audit`,
    expect: activityAudit,
  },
  { method: 'GET', route: '/audit', url: () => '/audit', expect: auditReaders },
  { method: 'GET', route: '/admin/users', url: () => '/admin/users', expect: adminOnly },
  {
    method: 'POST',
    route: '/admin/users',
    url: () => '/admin/users',
    body: () => ({ email: 'bad' }),
    expect: adminOnly,
  },
  { method: 'GET', route: '/admin/users/new', url: () => '/admin/users/new', expect: adminOnly },
  {
    method: 'GET',
    route: '/admin/users/:id',
    url: (i) => `/admin/users/${i.targetUser}`,
    expect: adminOnly,
  },
  {
    method: 'POST',
    route: '/admin/users/:id',
    url: (i) => `/admin/users/${i.targetUser}`,
    body: () => ({ displayName: 'Target person', role: 'researcher' }),
    expect: adminOnly,
  },
  {
    method: 'POST',
    route: '/admin/users/:id/status',
    url: (i) => `/admin/users/${i.targetUser}/status`,
    body: () => ({ disabled: 'false' }),
    expect: adminOnly,
  },
  {
    method: 'POST',
    route: '/admin/users/:id/password',
    url: (i) => `/admin/users/${i.targetUser}/password`,
    body: () => ({
      newPassword: 'a new long password 1',
      confirmPassword: 'a new long password 1',
    }),
    expect: adminOnly,
  },
  // JSON API
  { method: 'GET', route: '/api/v1/activities', url: () => '/api/v1/activities', expect: everyone },
  {
    method: 'POST',
    route: '/api/v1/activities',
    url: () => '/api/v1/activities',
    body: (i) => ({
      laId: i.ownLa,
      activityType: 'annual_engagement_meeting',
      plannedStart: '2027-03-02',
    }),
    expect: createActivityRule,
  },
  {
    method: 'GET',
    route: '/api/v1/activities/:id',
    url: (i) => `/api/v1/activities/${A(i)}`,
    expect: viewActivity,
  },
  {
    method: 'GET',
    route: '/api/v1/activities/:id',
    url: (i) => `/api/v1/activities/${i.hiddenVisit}`,
    expect: viewHiddenVisit,
  },
  {
    method: 'POST',
    route: '/api/v1/activities/:id/state',
    url: (i) => `/api/v1/activities/${A(i)}/state`,
    body: () => ({ toState: 'published' }),
    expect: manageActivity,
  },
  {
    method: 'POST',
    route: '/api/v1/activities/:id/team',
    url: (i) => `/api/v1/activities/${A(i)}/team`,
    body: (i) => ({ userId: i.laUser, teamRole: 'shadow' }),
    expect: manageActivity,
  },
  {
    method: 'DELETE',
    route: '/api/v1/activities/:id/team/:userId',
    url: (i) => `/api/v1/activities/${A(i)}/team/00000000-0000-4000-8000-000000000000`,
    expect: { ...manageActivity, admin: 'hidden', regional: 'hidden', lead: 'hidden' },
  },
  { method: 'GET', route: '/api/v1/audit', url: () => '/api/v1/audit', expect: auditReaders },
  {
    method: 'GET',
    route: '/api/v1/audit',
    url: (i) => `/api/v1/audit?activityId=${A(i)}`,
    expect: activityAudit,
  },
  {
    method: 'GET',
    route: '/api/v1/audit/verify',
    url: () => '/api/v1/audit/verify',
    expect: auditReaders,
  },
  { method: 'GET', route: '/api/v1/users', url: () => '/api/v1/users', expect: adminOnly },
  {
    method: 'POST',
    route: '/api/v1/users',
    url: () => '/api/v1/users',
    body: () => ({
      email: 'new.person@example.org',
      displayName: 'New',
      role: 'researcher',
      password: 'x',
    }),
    expect: adminOnly,
  },
  {
    method: 'PATCH',
    route: '/api/v1/users/:id',
    url: (i) => `/api/v1/users/${i.targetUser}`,
    body: () => ({ displayName: 'Target person' }),
    expect: adminOnly,
  },
  {
    method: 'POST',
    route: '/api/v1/users/:id/password',
    url: (i) => `/api/v1/users/${i.targetUser}/password`,
    body: () => ({ newPassword: 'another long password 2' }),
    expect: adminOnly,
  },
  { method: 'GET', route: '/api/v1/frameworks', url: () => '/api/v1/frameworks', expect: everyone },
  {
    method: 'GET',
    route: '/api/v1/frameworks/:id',
    url: () => '/api/v1/frameworks/ilacs-2023',
    expect: everyone,
  },
  {
    method: 'POST',
    route: '/api/v1/frameworks/:id/aggregation-check',
    url: () => '/api/v1/frameworks/ilacs-2023/aggregation-check',
    body: () => ({ grades: { overall_effectiveness: 'good' } }),
    expect: everyone,
  },
  // Language checks hold no data: any signed-in person may run them.
  {
    method: 'GET',
    route: '/api/v1/language/rules',
    url: () => '/api/v1/language/rules',
    expect: everyone,
  },
  {
    method: 'POST',
    route: '/api/v1/language/lint',
    url: () => '/api/v1/language/lint',
    body: () => ({ text: 'We ensure that all children are kept safe.' }),
    expect: everyone,
  },
  // Inter-coder agreement reads an evidence record's codings: the evidence base's readers (the
  // demo record has one coder, so readers get 400, which passes the access check).
  {
    method: 'GET',
    route: '/api/v1/activities/:id/evidence/:evidenceId/coding-agreement',
    url: (i) => `${EV(i)}/evidence/${workbenchEvidenceId}/coding-agreement?resamples=10`,
    expect: evidenceRead,
  },
  // Agreement statistics compute on the ratings sent and store nothing: any signed-in person.
  {
    method: 'POST',
    route: '/api/v1/agreement',
    url: () => '/api/v1/agreement',
    body: () => ({
      raters: ['A', 'B'],
      units: [
        { id: 'c1', ratings: ['1', '1'] },
        { id: 'c2', ratings: ['2', '1'] },
      ],
      resamples: 10,
    }),
    expect: everyone,
  },
  // Evidence base (items of another activity or none answer 404 to everyone)
  {
    method: 'GET',
    route: '/api/v1/activities/:id/evidence',
    url: (i) => `${EV(i)}/evidence`,
    expect: evidenceRead,
  },
  {
    method: 'POST',
    route: '/api/v1/activities/:id/evidence',
    url: (i) => `${EV(i)}/evidence`,
    body: () => ({ text: 'Matrix evidence.', method: 'la_audit' }),
    expect: evidenceWrite,
  },
  {
    method: 'POST',
    route: '/api/v1/activities/:id/evidence/import',
    url: (i) => `${EV(i)}/evidence/import`,
    body: () => ({
      fileName: 'm.txt',
      method: 'la_audit',
      contentBase64: Buffer.from('Matrix file.').toString('base64'),
    }),
    expect: evidenceWrite,
  },
  {
    method: 'GET',
    route: '/api/v1/activities/:id/evidence/:evidenceId',
    url: (i) => `${EV(i)}/evidence/${NO_ID}`,
    expect: noSuchItem,
  },
  {
    method: 'PATCH',
    route: '/api/v1/activities/:id/evidence/:evidenceId',
    url: (i) => `${EV(i)}/evidence/${NO_ID}`,
    body: () => ({ expectedVersion: 1, text: 'x' }),
    expect: noSuchItem,
  },
  {
    method: 'DELETE',
    route: '/api/v1/activities/:id/evidence/:evidenceId',
    url: (i) => `${EV(i)}/evidence/${NO_ID}`,
    expect: noSuchItem,
  },
  {
    method: 'POST',
    route: '/api/v1/activities/:id/evidence/:evidenceId/restore',
    url: (i) => `${EV(i)}/evidence/${NO_ID}/restore`,
    body: () => ({}),
    expect: noSuchItem,
  },
  {
    method: 'GET',
    route: '/api/v1/activities/:id/codes',
    url: (i) => `${EV(i)}/codes`,
    expect: evidenceRead,
  },
  {
    method: 'POST',
    route: '/api/v1/activities/:id/codes',
    url: (i) => `${EV(i)}/codes`,
    body: () => ({ name: 'Matrix code' }),
    expect: evidenceWrite,
  },
  {
    method: 'POST',
    route: '/api/v1/activities/:id/codes/seed',
    url: (i) => `${EV(i)}/codes/seed`,
    expect: evidenceWrite,
  },
  {
    method: 'PATCH',
    route: '/api/v1/activities/:id/codes/:codeId',
    url: (i) => `${EV(i)}/codes/${NO_ID}`,
    body: () => ({ expectedVersion: 1, name: 'x' }),
    expect: noSuchItem,
  },
  {
    method: 'POST',
    route: '/api/v1/activities/:id/codes/:codeId/merge',
    url: (i) => `${EV(i)}/codes/${NO_ID}/merge`,
    body: () => ({ targetCodeId: NO_ID }),
    expect: noSuchItem,
  },
  {
    method: 'GET',
    route: '/api/v1/activities/:id/codings',
    url: (i) => `${EV(i)}/codings`,
    expect: evidenceRead,
  },
  {
    method: 'POST',
    route: '/api/v1/activities/:id/codings',
    url: (i) => `${EV(i)}/codings`,
    body: () => ({ evidenceId: NO_ID, codeIds: [NO_ID], start: 0, end: 1, evidenceVersion: 1 }),
    expect: noSuchItem,
  },
  {
    method: 'DELETE',
    route: '/api/v1/activities/:id/codings/:codingId',
    url: (i) => `${EV(i)}/codings/${NO_ID}`,
    expect: noSuchItem,
  },
  {
    method: 'GET',
    route: '/api/v1/activities/:id/cases',
    url: (i) => `${EV(i)}/cases`,
    expect: evidenceRead,
  },
  {
    method: 'POST',
    route: '/api/v1/activities/:id/cases',
    url: (i) => `${EV(i)}/cases`,
    body: () => ({ kind: 'child', reference: 'M-1' }),
    expect: evidenceWrite,
  },
  {
    method: 'PATCH',
    route: '/api/v1/activities/:id/cases/:caseId',
    url: (i) => `${EV(i)}/cases/${NO_ID}`,
    body: () => ({ expectedVersion: 1 }),
    expect: noSuchItem,
  },
  {
    method: 'GET',
    route: '/api/v1/activities/:id/memos',
    url: (i) => `${EV(i)}/memos`,
    expect: evidenceRead,
  },
  {
    method: 'POST',
    route: '/api/v1/activities/:id/memos',
    url: (i) => `${EV(i)}/memos`,
    body: () => ({ targetType: 'activity', text: 'Matrix memo' }),
    expect: evidenceWrite,
  },
  {
    method: 'PATCH',
    route: '/api/v1/activities/:id/memos/:memoId',
    url: (i) => `${EV(i)}/memos/${NO_ID}`,
    body: () => ({ expectedVersion: 1 }),
    expect: noSuchItem,
  },
  {
    method: 'DELETE',
    route: '/api/v1/activities/:id/memos/:memoId',
    url: (i) => `${EV(i)}/memos/${NO_ID}`,
    expect: noSuchItem,
  },
  {
    method: 'GET',
    route: '/api/v1/activities/:id/lines-of-enquiry',
    url: (i) => `${EV(i)}/lines-of-enquiry`,
    expect: evidenceRead,
  },
  // Reports. The first entry creates the demo inspection's draft (the lead is the first writer
  // asked); the rest use it without changing it (stale versions, states that refuse). The team
  // reads the draft, admins and the national team too; writers are the team except shadows;
  // the lead and admins release and publish; the LA sees nothing before a release.
  {
    method: 'POST',
    route: '/activities/:id/report',
    url: (i) => `/activities/${A(i)}/report`,
    body: () => ({}),
    expect: reportWrite,
  },
  {
    method: 'GET',
    route: '/activities/:id/report',
    url: (i) => `/activities/${A(i)}/report`,
    expect: evidenceRead,
  },
  {
    method: 'GET',
    route: '/activities/:id/report/sections/:key',
    url: (i) => `/activities/${A(i)}/report/sections/summary`,
    expect: evidenceRead,
  },
  {
    method: 'POST',
    route: '/activities/:id/report/sections/:key',
    url: (i) => `/activities/${A(i)}/report/sections/summary`,
    body: () => ({ text: 'Matrix text.', baseVersion: '999' }),
    expect: reportWrite,
  },
  {
    method: 'GET',
    route: '/activities/:id/report/versions',
    url: (i) => `/activities/${A(i)}/report/versions`,
    expect: evidenceRead,
  },
  {
    method: 'GET',
    route: '/activities/:id/report/versions/:version',
    url: (i) => `/activities/${A(i)}/report/versions/1?compare=1`,
    expect: evidenceRead,
  },
  {
    method: 'POST',
    route: '/activities/:id/report/versions/:version/restore',
    url: (i) => `/activities/${A(i)}/report/versions/1/restore`,
    body: () => ({ baseVersion: '999' }),
    expect: reportWrite,
  },
  {
    method: 'POST',
    route: '/activities/:id/report/grades',
    url: (i) => `/activities/${A(i)}/report/grades`,
    body: () => ({ baseVersion: '999' }),
    expect: reportWrite,
  },
  {
    method: 'GET',
    route: '/activities/:id/report/export',
    url: (i) => `/activities/${A(i)}/report/export?format=html`,
    expect: evidenceRead,
  },
  {
    method: 'GET',
    route: '/activities/:id/report/published',
    url: (i) => `/activities/${A(i)}/report/published`,
    expect: noSuchItem,
  },
  {
    method: 'GET',
    route: '/activities/:id/report/release',
    url: (i) => `/activities/${A(i)}/report/release`,
    expect: reportRelease,
  },
  {
    method: 'POST',
    route: '/activities/:id/report/release',
    url: (i) => `/activities/${A(i)}/report/release`,
    body: () => ({ windowDays: '5', baseVersion: '999' }),
    expect: reportRelease,
  },
  {
    method: 'POST',
    route: '/activities/:id/report/sign-off',
    url: (i) => `/activities/${A(i)}/report/sign-off`,
    body: () => ({ baseVersion: '999' }),
    expect: reportSignOff,
  },
  {
    method: 'POST',
    route: '/activities/:id/report/factual-accuracy/confirm',
    url: (i) => `/activities/${A(i)}/report/factual-accuracy/confirm`,
    body: () => ({}),
    expect: reportComment,
  },
  {
    method: 'GET',
    route: '/activities/:id/report/factual-accuracy',
    url: (i) => `/activities/${A(i)}/report/factual-accuracy`,
    expect: noSuchItem,
  },
  {
    method: 'POST',
    route: '/activities/:id/report/comments',
    url: (i) => `/activities/${A(i)}/report/comments`,
    body: () => ({ sectionKey: 'summary', text: 'Matrix comment.' }),
    expect: reportComment,
  },
  {
    method: 'GET',
    route: '/activities/:id/report/comments/:commentId',
    url: (i) => `/activities/${A(i)}/report/comments/${NO_ID}`,
    expect: noSuchItem,
  },
  {
    method: 'POST',
    route: '/activities/:id/report/comments/:commentId',
    url: (i) => `/activities/${A(i)}/report/comments/${NO_ID}`,
    body: () => ({ outcome: 'not_accepted', reason: 'Matrix.', baseVersion: '1' }),
    expect: reportRespond,
  },
  {
    method: 'GET',
    route: '/activities/:id/report/publish',
    url: (i) => `/activities/${A(i)}/report/publish`,
    expect: reportRelease,
  },
  {
    method: 'POST',
    route: '/activities/:id/report/publish',
    url: (i) => `/activities/${A(i)}/report/publish`,
    body: () => ({ baseVersion: '999' }),
    expect: reportRelease,
  },
  {
    method: 'GET',
    route: '/api/v1/activities/:id/report',
    url: (i) => `${EV(i)}/report`,
    expect: evidenceRead,
  },
  {
    method: 'POST',
    route: '/api/v1/activities/:id/report',
    url: (i) => `${EV(i)}/report`,
    body: () => ({}),
    expect: reportWrite,
  },
  {
    method: 'PATCH',
    route: '/api/v1/activities/:id/report/sections/:sectionKey',
    url: (i) => `${EV(i)}/report/sections/summary`,
    body: () => ({ text: 'Matrix text.', baseVersion: 999 }),
    expect: reportWrite,
  },
  {
    method: 'GET',
    route: '/api/v1/activities/:id/report/versions/:version',
    url: (i) => `${EV(i)}/report/versions/1`,
    expect: evidenceRead,
  },
  {
    method: 'POST',
    route: '/api/v1/activities/:id/report/versions/:version/restore',
    url: (i) => `${EV(i)}/report/versions/1/restore`,
    body: () => ({ baseVersion: 999 }),
    expect: reportWrite,
  },
  {
    method: 'POST',
    route: '/api/v1/activities/:id/report/grades',
    url: (i) => `${EV(i)}/report/grades`,
    body: () => ({ baseVersion: 999 }),
    expect: reportWrite,
  },
  {
    method: 'POST',
    route: '/api/v1/activities/:id/report/release',
    url: (i) => `${EV(i)}/report/release`,
    body: () => ({ windowDays: 5, baseVersion: 999 }),
    expect: reportRelease,
  },
  {
    method: 'POST',
    route: '/api/v1/activities/:id/report/sign-off',
    url: (i) => `${EV(i)}/report/sign-off`,
    body: () => ({ baseVersion: 999 }),
    expect: reportSignOff,
  },
  {
    method: 'POST',
    route: '/api/v1/activities/:id/report/factual-accuracy/confirm',
    url: (i) => `${EV(i)}/report/factual-accuracy/confirm`,
    body: () => ({}),
    expect: reportComment,
  },
  {
    method: 'GET',
    route: '/api/v1/activities/:id/report/factual-accuracy',
    url: (i) => `${EV(i)}/report/factual-accuracy`,
    expect: noSuchItem,
  },
  {
    method: 'POST',
    route: '/api/v1/activities/:id/report/comments',
    url: (i) => `${EV(i)}/report/comments`,
    body: () => ({ sectionKey: 'summary', text: 'Matrix comment.' }),
    expect: reportComment,
  },
  {
    method: 'POST',
    route: '/api/v1/activities/:id/report/comments/:commentId/response',
    url: (i) => `${EV(i)}/report/comments/${NO_ID}/response`,
    body: () => ({ outcome: 'not_accepted', reason: 'Matrix.', baseVersion: 1 }),
    expect: reportRespond,
  },
  {
    method: 'POST',
    route: '/api/v1/activities/:id/report/publish',
    url: (i) => `${EV(i)}/report/publish`,
    body: () => ({ baseVersion: 999 }),
    expect: reportRelease,
  },
  {
    method: 'POST',
    route: '/api/v1/activities/:id/lines-of-enquiry',
    url: (i) => `${EV(i)}/lines-of-enquiry`,
    body: () => ({ title: 'Matrix line' }),
    expect: evidenceWrite,
  },
  {
    method: 'PATCH',
    route: '/api/v1/activities/:id/lines-of-enquiry/:lineId',
    url: (i) => `${EV(i)}/lines-of-enquiry/${NO_ID}`,
    body: () => ({ expectedVersion: 1 }),
    expect: noSuchItem,
  },
  { method: 'GET', route: '/api/v1/las', url: () => '/api/v1/las', expect: everyone },
  {
    method: 'GET',
    route: '/api/v1/las/:id',
    url: (i) => `/api/v1/las/${i.ownLa}`,
    expect: { ...everyone, laOther: 'hidden' },
  },
  {
    method: 'GET',
    route: '/api/v1/las/:id',
    url: (i) => `/api/v1/las/${i.otherLa}`,
    expect: { ...everyone, la: 'hidden' },
  },
  {
    method: 'GET',
    route: '/api/v1/history/analysis',
    url: () => '/api/v1/history/analysis',
    expect: historyAnalysts,
  },
  {
    method: 'GET',
    route: '/history/analysis',
    url: () => '/history/analysis',
    expect: historyAnalysts,
  },
  {
    method: 'GET',
    route: '/history/analysis/download',
    url: () => '/history/analysis/download?table=transitions',
    expect: historyAnalysts,
  },
  {
    method: 'POST',
    route: '/api/v1/history/imports',
    url: () => '/api/v1/history/imports',
    body: () => ({ fileName: 'x.csv', content: 'not,a,history\nfile,at,all' }),
    expect: { anon: 'signin', admin: 'ok', national: 'ok', rest: 'denied' },
  },
  // REFI-QDA exchange: exports read the evidence base; imports write it (admins too, migrating
  // work from another tool); importing into a new activity is creating one.
  {
    method: 'GET',
    route: '/api/v1/activities/:id/refi/project',
    url: (i) => `${EV(i)}/refi/project`,
    expect: evidenceRead,
  },
  {
    method: 'GET',
    route: '/api/v1/activities/:id/refi/codebook',
    url: (i) => `${EV(i)}/refi/codebook`,
    expect: evidenceRead,
  },
  {
    method: 'POST',
    route: '/api/v1/refi/imports',
    url: () => '/api/v1/refi/imports',
    body: (i) => ({ fileName: 'm.qdpx', contentBase64: 'AAAA', activityId: i.activity }),
    expect: { ...evidenceWrite, admin: 'ok' },
  },
  {
    method: 'POST',
    route: '/api/v1/refi/imports',
    url: () => '/api/v1/refi/imports',
    body: (i) => ({ fileName: 'm.qdpx', contentBase64: 'AAAA', laId: i.ownLa }),
    expect: createActivityRule,
  },
  {
    method: 'POST',
    route: '/api/v1/refi/imports/raw',
    url: (i) => `/api/v1/refi/imports/raw?fileName=m.qdpx&activityId=${i.activity}`,
    body: () => ({}),
    expect: { ...evidenceWrite, admin: 'ok' },
  },
  // Evidence analysis: queries read the evidence base; national search is for the national team
  // (everywhere) and inspectors (their own activities); team meetings are written by the team.
  {
    method: 'GET',
    route: '/api/v1/activities/:id/evidence/search',
    url: (i) => `${EV(i)}/evidence/search?q=plan`,
    expect: evidenceRead,
  },
  {
    method: 'GET',
    route: '/api/v1/evidence/search',
    url: () => '/api/v1/evidence/search?q=plan',
    expect: {
      anon: 'signin',
      regional: 'denied',
      regionalOther: 'denied',
      la: 'denied',
      laOther: 'denied',
      researcher: 'denied',
      rest: 'ok',
    },
  },
  ...(
    [
      ['coding-query', { expression: { code: NO_ID } }],
      ['coding-query/export', { expression: { code: NO_ID } }],
      ['matrix', { rows: { kind: 'judgementAreas' }, columns: { kind: 'method' } }],
      [
        'matrix/cell',
        {
          rows: { kind: 'judgementAreas' },
          columns: { kind: 'method' },
          row: 0,
          column: 'la_audit',
        },
      ],
      ['matrix/export', { rows: { kind: 'judgementAreas' }, columns: { kind: 'direction' } }],
      ['co-occurrence', { codes: [NO_ID] }],
    ] as const
  ).map(([path, body]): Entry => ({
    method: 'POST',
    route: `/api/v1/activities/:id/analysis/${path}`,
    url: (i) => `${EV(i)}/analysis/${path}`,
    body: () => ({ ...body }),
    expect: evidenceRead,
  })),
  {
    method: 'GET',
    route: '/api/v1/activities/:id/analysis/balance',
    url: (i) => `${EV(i)}/analysis/balance`,
    expect: evidenceRead,
  },
  {
    method: 'GET',
    route: '/api/v1/activities/:id/analysis/passages/export',
    url: (i) => `${EV(i)}/analysis/passages/export`,
    expect: evidenceRead,
  },
  ...(
    [
      ['GET', 'challenges', undefined],
      ['PATCH', 'focus', {}],
      ['POST', 'evidence', { evidenceId: NO_ID, stance: 'supports' }],
      ['DELETE', 'evidence/:linkId', undefined],
      [
        'POST',
        'reviews',
        { items: [{ kind: 'unseen_case', id: NO_ID }], outcome: 'not_relevant', note: 'x' },
      ],
      ['POST', 'status', { status: 'exploring' }],
    ] as const
  ).map(([method, path, body]): Entry => ({
    method,
    route: `/api/v1/activities/:id/lines-of-enquiry/:lineId/${path}`,
    url: (i) => `${EV(i)}/lines-of-enquiry/${NO_ID}/${path.replace(':linkId', NO_ID)}`,
    ...(body ? { body: () => ({ ...body }) } : {}),
    expect: noSuchItem,
  })),
  {
    method: 'GET',
    route: '/api/v1/activities/:id/vignettes',
    url: (i) => `${EV(i)}/vignettes`,
    expect: evidenceRead,
  },
  {
    method: 'POST',
    route: '/api/v1/activities/:id/vignettes',
    url: (i) => `${EV(i)}/vignettes`,
    body: () => ({ evidenceId: NO_ID, start: 0, end: 1 }),
    expect: noSuchItem,
  },
  {
    method: 'PATCH',
    route: '/api/v1/activities/:id/vignettes/:vignetteId',
    url: (i) => `${EV(i)}/vignettes/${NO_ID}`,
    body: () => ({ expectedVersion: 1 }),
    expect: noSuchItem,
  },
  {
    method: 'DELETE',
    route: '/api/v1/activities/:id/vignettes/:vignetteId',
    url: (i) => `${EV(i)}/vignettes/${NO_ID}`,
    expect: noSuchItem,
  },
  {
    method: 'POST',
    route: '/api/v1/anonymisation-check',
    url: () => '/api/v1/anonymisation-check',
    body: () => ({ text: 'Mrs Smith, B1 1AA' }),
    expect: everyone,
  },
  {
    method: 'POST',
    route: '/api/v1/activities/:id/meetings',
    url: (i) => `${EV(i)}/meetings`,
    body: () => ({ kind: 'morning' }),
    expect: evidenceWrite,
  },
  {
    method: 'GET',
    route: '/api/v1/activities/:id/meetings/view',
    url: (i) => `${EV(i)}/meetings/view`,
    expect: evidenceRead,
  },
  // The coding workbench: the evidence base's readers open it; its writers code and write memos.
  {
    method: 'GET',
    route: '/activities/:id/workbench',
    url: (i) => `/activities/${A(i)}/workbench`,
    expect: evidenceRead,
  },
  {
    method: 'POST',
    route: '/activities/:id/workbench/codings',
    url: (i) => `/activities/${A(i)}/workbench/codings`,
    body: () => ({ evidenceId: workbenchEvidenceId, codeId: '', passage: '' }),
    expect: evidenceWrite,
  },
  {
    method: 'POST',
    route: '/activities/:id/workbench/codings/:codingId/remove',
    url: (i) => `/activities/${A(i)}/workbench/codings/${NO_ID}/remove`,
    expect: noSuchItem,
  },
  {
    method: 'POST',
    route: '/activities/:id/workbench/codes',
    url: (i) => `/activities/${A(i)}/workbench/codes`,
    body: () => ({ name: 'Matrix workbench code' }),
    expect: evidenceWrite,
  },
  {
    method: 'POST',
    route: '/activities/:id/workbench/memos',
    url: (i) => `/activities/${A(i)}/workbench/memos`,
    body: () => ({ targetType: 'evidence', targetId: workbenchEvidenceId, text: 'Matrix memo' }),
    expect: evidenceWrite,
  },
  {
    method: 'POST',
    route: '/activities/:id/workbench/memos/:memoId',
    url: (i) => `/activities/${A(i)}/workbench/memos/${NO_ID}`,
    body: () => ({ expectedVersion: '1', text: 'Matrix memo' }),
    expect: noSuchItem,
  },
  // Evidence and analysis pages (HTML): the same rules as the JSON API they stand beside.
  ...(
    [
      ['/evidence', evidenceRead],
      ['/evidence/new', evidenceWrite],
      ['/evidence/import', evidenceWrite],
      ['/analysis/search?q=plan', evidenceRead],
      ['/analysis/coding-query', evidenceRead],
      ['/analysis/coding-query/export', evidenceRead],
      ['/analysis/passages/export', evidenceRead],
      ['/analysis/matrix', evidenceRead],
      ['/analysis/matrix/cell?rows=areas&row=0&column=strength&columns=direction', evidenceRead],
      ['/analysis/matrix/export?rows=areas&columns=direction', evidenceRead],
      ['/analysis/co-occurrence', evidenceRead],
      ['/analysis/balance', evidenceRead],
      ['/analysis/vignettes', evidenceRead],
      ['/analysis/meetings', evidenceRead],
      ['/enquiries', evidenceRead],
      ['/refi', evidenceRead],
      ['/refi/project.qdpx', evidenceRead],
      ['/refi/codebook.qdc', evidenceRead],
    ] as const
  ).map(([path, expect]): Entry => ({
    method: 'GET',
    route: `/activities/:id${path.split('?')[0]}`,
    url: (i) => `/activities/${A(i)}${path}`,
    expect,
  })),
  ...(
    [
      ['/evidence', { text: '', method: '' }, evidenceWrite],
      ['/evidence/import', {}, evidenceWrite],
      ['/analysis/vignettes', { evidenceId: NO_ID, start: '0', end: '1' }, noSuchItem],
      ['/analysis/meetings', { kind: '' }, evidenceWrite],
      ['/enquiries', { title: '' }, evidenceWrite],
      ['/refi', {}, { ...evidenceWrite, admin: 'ok' }],
    ] as const
  ).map(([path, body, expect]): Entry => ({
    method: 'POST',
    route: `/activities/:id${path}`,
    url: (i) => `/activities/${A(i)}${path}`,
    body: () => ({ ...body }),
    expect: expect as Expect,
  })),
  ...(
    [
      ['GET', ''],
      ['GET', '/edit'],
      ['POST', '/edit'],
      ['GET', '/delete'],
      ['POST', '/delete'],
      ['POST', '/restore'],
    ] as const
  ).map(([method, path]): Entry => ({
    method,
    route: `/activities/:id/evidence/:evidenceId${path}`,
    url: (i) => `/activities/${A(i)}/evidence/${NO_ID}${path}`,
    ...(method === 'POST' ? { body: () => ({}) } : {}),
    expect: noSuchItem,
  })),
  ...(
    [
      ['GET', ''],
      ['POST', '/focus'],
      ['POST', '/evidence'],
      ['POST', '/evidence/:linkId/unlink'],
      ['POST', '/reviews'],
      ['POST', '/status'],
    ] as const
  ).map(([method, path]): Entry => ({
    method,
    route: `/activities/:id/enquiries/:lineId${path}`,
    url: (i) => `/activities/${A(i)}/enquiries/${NO_ID}${path.replace(':linkId', NO_ID)}`,
    ...(method === 'POST' ? { body: () => ({}) } : {}),
    expect: noSuchItem,
  })),
  ...judgementEntries(),
  // Last: these end the session they are called with.
  // Annex A child-level data: the team (not shadows), admins and national read it; the lead
  // inspector, the team's analyst and admins import it; regional staff, LA users and researchers
  // never see it.
  {
    method: 'GET',
    route: '/activities/:id/annex-a',
    url: (i) => `/activities/${A(i)}/annex-a`,
    expect: evidenceRead,
  },
  {
    method: 'POST',
    route: '/activities/:id/annex-a',
    url: (i) => `/activities/${A(i)}/annex-a`,
    expect: { ...evidenceRead, national: 'denied', inspector: 'denied', qam: 'denied' },
  },
  {
    method: 'GET',
    route: '/api/v1/activities/:id/annex-a',
    url: (i) => `${EV(i)}/annex-a`,
    expect: evidenceRead,
  },
  {
    method: 'GET',
    route: '/api/v1/activities/:id/annex-a/rows',
    url: (i) => `${EV(i)}/annex-a/rows?list=1`,
    expect: evidenceRead,
  },
  {
    method: 'POST',
    route: '/api/v1/activities/:id/annex-a/imports',
    url: (i) => `${EV(i)}/annex-a/imports?fileName=empty.xlsx`,
    expect: { ...evidenceRead, national: 'denied', inspector: 'denied', qam: 'denied' },
  },
  {
    method: 'GET',
    route: '/api/v1/activities/:id/annex-a/jobs/:jobId',
    url: (i) => `${EV(i)}/annex-a/jobs/${NO_ID}`,
    expect: noSuchItem,
  },
  {
    method: 'POST',
    route: '/api/v1/activities/:id/annex-a/retention',
    url: (i) => `${EV(i)}/annex-a/retention`,
    body: () => ({ retainUntil: '2030-01-01', reason: 'Matrix check' }),
    expect: { ...evidenceRead, national: 'denied', inspector: 'denied', qam: 'denied' },
  },
  // The Annex A data profile: read like Annex A; candidates and self-evaluation claims are
  // decided by the team's inspectors (lead included), not the QAM, the analyst, admins or
  // national staff; the population for rates is set by those who import. The demo's Annex A
  // proposes these candidates; the first permitted decision takes it, later ones meet a
  // conflict ("ok": past the access check).
  {
    method: 'GET',
    route: '/activities/:id/annex-a/profile',
    url: (i) => `/activities/${A(i)}/annex-a/profile`,
    expect: evidenceRead,
  },
  {
    method: 'GET',
    route: '/activities/:id/annex-a/profile/download',
    url: (i) => `/activities/${A(i)}/annex-a/profile/download?format=json`,
    expect: evidenceRead,
  },
  // Case sampling: whoever reads Annex A reads the sample; the lead inspector, the analyst and
  // admins draw it; the team (not shadows) adds and removes cases and records the LA's audits.
  {
    method: 'GET',
    route: '/activities/:id/sample',
    url: (i) => `/activities/${A(i)}/sample`,
    expect: evidenceRead,
  },
  {
    method: 'POST',
    route: '/activities/:id/annex-a/profile/candidates',
    url: (i) => `/activities/${A(i)}/annex-a/profile/candidates`,
    body: () => ({ indicatorKey: 'referrals.nfa_percent', decision: 'dismiss', reason: 'Matrix' }),
    expect: decideData,
  },
  {
    method: 'POST',
    route: '/activities/:id/annex-a/profile/claims',
    url: (i) => `/activities/${A(i)}/annex-a/profile/claims`,
    body: () => ({ indicatorKey: 'not-an-indicator', claim: 'strong' }),
    expect: decideData,
  },
  {
    method: 'GET',
    route: '/api/v1/activities/:id/annex-a/profile',
    url: (i) => `${EV(i)}/annex-a/profile`,
    expect: evidenceRead,
  },
  {
    method: 'POST',
    route: '/api/v1/activities/:id/annex-a/candidates/:indicatorKey',
    url: (i) => `${EV(i)}/annex-a/candidates/referrals.rereferral_percent`,
    body: () => ({ decision: 'dismiss', reason: 'Matrix' }),
    expect: decideData,
  },
  {
    method: 'POST',
    route: '/api/v1/activities/:id/annex-a/sef-claims',
    url: (i) => `${EV(i)}/annex-a/sef-claims`,
    body: () => ({ indicatorKey: 'not-an-indicator', claim: 'strong' }),
    expect: decideData,
  },
  {
    method: 'POST',
    route: '/api/v1/activities/:id/annex-a/population',
    url: (i) => `${EV(i)}/annex-a/population`,
    body: () => ({ population: null }),
    expect: { ...evidenceRead, national: 'denied', inspector: 'denied', qam: 'denied' },
  },
  {
    method: 'GET',
    route: '/api/v1/activities/:id/lines-of-enquiry/:lineId/data-prompt',
    url: (i) => `${EV(i)}/lines-of-enquiry/${NO_ID}/data-prompt`,
    expect: noSuchItem,
  },
  {
    method: 'POST',
    route: '/activities/:id/sample/draw',
    url: (i) => `/activities/${A(i)}/sample/draw`,
    body: () => ({ seed: '5', size_child_in_care: '2', minPerStratum: '1' }),
    expect: { ...evidenceRead, national: 'denied', inspector: 'denied', qam: 'denied' },
  },
  {
    method: 'POST',
    route: '/activities/:id/sample/cases',
    url: (i) => `/activities/${A(i)}/sample/cases`,
    body: () => ({ childId: '', cohort: 'child_in_care', route: 'on_site' }),
    expect: evidenceWrite,
  },
  {
    method: 'POST',
    route: '/activities/:id/sample/cases/:caseId/remove',
    url: (i) => `/activities/${A(i)}/sample/cases/${NO_ID}/remove`,
    body: () => ({ reason: 'Matrix check' }),
    expect: { ...evidenceRead, admin: 'denied', national: 'denied', rest: 'hidden' },
  },
  {
    method: 'POST',
    route: '/activities/:id/sample/la-audits',
    url: (i) => `/activities/${A(i)}/sample/la-audits`,
    body: () => ({ childIds: '' }),
    expect: evidenceWrite,
  },
  {
    method: 'GET',
    route: '/api/v1/activities/:id/sample',
    url: (i) => `${EV(i)}/sample`,
    expect: evidenceRead,
  },
  {
    method: 'GET',
    route: '/api/v1/activities/:id/sample/statement',
    url: (i) => `${EV(i)}/sample/statement`,
    expect: evidenceRead,
  },
  {
    method: 'POST',
    route: '/api/v1/activities/:id/sample/draws',
    url: (i) => `${EV(i)}/sample/draws`,
    body: () => ({ seed: 5 }),
    expect: { ...evidenceRead, national: 'denied', inspector: 'denied', qam: 'denied' },
  },
  {
    method: 'POST',
    route: '/api/v1/activities/:id/sample/cases',
    url: (i) => `${EV(i)}/sample/cases`,
    body: () => ({ childId: 'C-0000000000000000', cohort: 'child_in_care', route: 'on_site' }),
    expect: evidenceWrite,
  },
  {
    method: 'POST',
    route: '/api/v1/activities/:id/sample/cases/:caseId/removal',
    url: (i) => `${EV(i)}/sample/cases/${NO_ID}/removal`,
    body: () => ({ reason: 'Matrix check' }),
    expect: { ...evidenceRead, admin: 'denied', national: 'denied', rest: 'hidden' },
  },
  {
    method: 'POST',
    route: '/api/v1/activities/:id/sample/la-audits',
    url: (i) => `${EV(i)}/sample/la-audits`,
    body: () => ({ childIds: [] }),
    expect: evidenceWrite,
  },
  {
    // The matching page: the lead, inspectors and analyst only (never the QAM, shadows,
    // researchers or other LAs; the LA itself may not read the sample).
    method: 'GET',
    route: '/activities/:id/sample/identifiers',
    url: (i) => `/activities/${A(i)}/sample/identifiers`,
    expect: { ...evidenceWrite, qam: 'denied' },
  },
  {
    method: 'POST',
    route: '/activities/:id/sample/identifiers',
    url: (i) => `/activities/${A(i)}/sample/identifiers`,
    body: () => ({ identifiers: '1' }),
    expect: { ...evidenceWrite, qam: 'denied' },
  },
  {
    // The LA's child IDs for the sample: the lead, inspectors and analyst only (never the QAM).
    method: 'POST',
    route: '/api/v1/activities/:id/sample/identifiers',
    url: (i) => `${EV(i)}/sample/identifiers`,
    body: () => ({ identifiers: ['1'] }),
    expect: { ...evidenceWrite, qam: 'denied' },
  },
  ...areaEntries,
  {
    method: 'DELETE',
    route: '/api/v1/sessions/current',
    url: () => '/api/v1/sessions/current',
    expect: everyone,
  },
  { method: 'POST', route: '/sign-out', url: () => '/sign-out', expect: { rest: 'ok' } },
];

/** Routes this test does not judge: static files and the not-found catch-all. */
const notApplicable = (route: string): boolean =>
  route.startsWith('/assets/') || route.startsWith('/static/') || route === '*' || route === '/*';

let t: TestApp;
const tokens = new Map<RoleKey, string>();
let ids: Ids;
const registered: { method: string; url: string }[] = [];

function classify(status: number, location: string | undefined, isApi: boolean): Outcome {
  // 429: refused sign-in attempts are throttled; still "not signed in".
  if (
    status === 401 ||
    status === 429 ||
    (!isApi && status === 303 && location?.startsWith('/sign-in?'))
  )
    return 'signin';
  if (status === 403) return 'denied';
  if (status === 404) return 'hidden';
  return 'ok';
}

beforeAll(async () => {
  t = await createTestApp();
  t.app.addHook('onRoute', () => undefined);
  for (const r of t.app.printRoutes({ commonPrefix: false }).split('\n')) void r; // warms Fastify's tree
  const sys = { db: t.database.db, actor: systemActor('test') };
  const password = 'matrix password 1234';
  await createUser(sys, {
    email: 'regional.london@example.org',
    displayName: 'London SHMI',
    role: 'regional',
    region: 'London',
    password,
  });
  await createUser(sys, {
    email: 'outsider@example.org',
    displayName: 'Outsider HMI',
    role: 'inspector',
    password,
  });
  await createUser(sys, {
    email: 'target@example.org',
    displayName: 'Target person',
    role: 'researcher',
    password,
  });
  const otherLa = await t.database.db
    .selectFrom('local_authorities')
    .select('id')
    .where('ofsted_region', '=', 'London')
    .orderBy('id')
    .executeTakeFirstOrThrow();
  await createUser(sys, {
    email: 'dcs.other@example.org',
    displayName: 'Other DCS',
    role: 'la_user',
    laId: otherLa.id,
    password,
  });
  const accounts: Record<Exclude<RoleKey, 'anon'>, [string, string]> = {
    admin: [demoEmail('admin'), DEMO_PASSWORD],
    national: [demoEmail('national'), DEMO_PASSWORD],
    regional: [demoEmail('regional'), DEMO_PASSWORD],
    regionalOther: ['regional.london@example.org', password],
    lead: [demoEmail('lead'), DEMO_PASSWORD],
    inspector: [demoEmail('inspector'), DEMO_PASSWORD],
    qam: [demoEmail('qam'), DEMO_PASSWORD],
    analyst: [demoEmail('analyst'), DEMO_PASSWORD],
    outsider: ['outsider@example.org', password],
    la: [demoEmail('la'), DEMO_PASSWORD],
    laOther: ['dcs.other@example.org', password],
    researcher: [demoEmail('researcher'), DEMO_PASSWORD],
  };
  for (const [role, [email, pw]] of Object.entries(accounts)) {
    const r = await t.app.inject({
      method: 'POST',
      url: '/api/v1/sessions',
      payload: { email, password: pw },
    });
    expect(r.statusCode, `sign-in ${role}`).toBe(200);
    tokens.set(role as RoleKey, r.json<{ token: string }>().token);
  }
  const userId = async (email: string) =>
    (
      await t.database.db
        .selectFrom('users')
        .select('id')
        .where('email', '=', email)
        .executeTakeFirstOrThrow()
    ).id;
  ids = {
    activity: t.demo.activityId,
    hiddenVisit: t.demo.focusedVisitId ?? '',
    ownLa: 'demo-northfield',
    otherLa: otherLa.id,
    leadUser: await userId(demoEmail('lead')),
    inspectorUser: await userId(demoEmail('inspector')),
    targetUser: await userId('target@example.org'),
    laUser: await userId(demoEmail('la')),
  };
  // Fastify keeps no public route list; rebuild it from printRoutes' method annotations.
  const tree = t.app.printRoutes({ commonPrefix: false, includeHooks: false });
  registered.push(...parseRouteTree(tree));
}, 120_000);

beforeAll(async () => {
  const row = await t.database.db
    .selectFrom('evidence_records')
    .select('id')
    .where('activity_id', '=', t.demo.activityId)
    .orderBy('ref_no')
    .executeTakeFirstOrThrow();
  workbenchEvidenceId = row.id;
  const kept = await attachFile(
    { db: t.database.db, actor: systemActor('test') },
    {
      activityId: t.demo.activityId,
      owner: { kind: 'evidence', id: row.id },
      fileName: 'matrix.txt',
    },
    new TextEncoder().encode('Matrix attachment.'),
  );
  matrixAttachmentId = kept.id;
  // The demo's double coding and one of its records (finished by both coders, not reconciled).
  const dc = await t.database.db
    .selectFrom('double_coding_records')
    .innerJoin('double_coding_assignments as d', 'd.id', 'double_coding_records.assignment_id')
    .select(['d.id', 'double_coding_records.evidence_id'])
    .where('d.activity_id', '=', t.demo.activityId)
    .executeTakeFirstOrThrow();
  doubleCodingIds.assignment = dc.id;
  doubleCodingIds.record = dc.evidence_id;
  await prepareIntelligenceFiles(t.database.db);
  await prepareActionPlans(t.database.db);
});

afterAll(async () => t?.close());

/** Parses Fastify's printRoutes tree ("├── api/v1/me (GET, HEAD)") into method + full path. */
function parseRouteTree(tree: string): { method: string; url: string }[] {
  const out: { method: string; url: string }[] = [];
  const stack: { depth: number; path: string }[] = [];
  for (const line of tree.split('\n')) {
    const m =
      /^([\s│├└─]*)(\S.*?) \(([A-Z, ]+)\)\s*$/.exec(line) ?? /^([\s│├└─]*)(\S.*?)\s*$/.exec(line);
    if (!m || !m[2]) continue;
    const depth = (m[1] ?? '').length;
    while (stack.length && (stack.at(-1)?.depth ?? 0) >= depth) stack.pop();
    const parent = stack.at(-1)?.path ?? '';
    const seg = m[2];
    // A child without a leading slash continues its parent's segment (the radix tree splits
    // /report/publish and /report/published into "/publish" and "ed").
    const continues = !seg.startsWith('/') && parent !== '' && parent !== '/';
    const path =
      seg === '/'
        ? '/'
        : continues
          ? `${parent}${seg}`
          : `${parent === '/' ? '' : parent}${seg.startsWith('/') ? '' : '/'}${seg}`;
    stack.push({ depth, path });
    for (const method of (m[3] ?? '').split(',').map((s) => s.trim())) {
      if (method && method !== 'HEAD') out.push({ method, url: path });
    }
  }
  return out;
}

describe('access matrix', () => {
  it('every registered route has an entry', () => {
    const covered = new Set(matrix.map((e) => `${e.method} ${e.route}`));
    const missing = registered.filter(
      (r) => !notApplicable(r.url) && !covered.has(`${r.method} ${r.url}`),
    );
    expect(missing.map((r) => `${r.method} ${r.url}`)).toEqual([]);
  });

  it('every role gets the decided outcome on every route', async () => {
    const wrong: string[] = [];
    for (const entry of matrix) {
      for (const role of roles) {
        const expected = entry.expect[role] ?? entry.expect.rest;
        const token = tokens.get(role);
        const url = entry.url(ids);
        const body = entry.body?.(ids);
        const res = await t.app.inject({
          method: entry.method,
          url,
          headers: token ? { authorization: `Bearer ${token}` } : {},
          ...(body ? { payload: body } : {}),
        });
        const actual = classify(
          res.statusCode,
          res.headers.location as string | undefined,
          url.startsWith('/api/'),
        );
        if (actual !== expected)
          wrong.push(
            `${role.padEnd(13)} ${entry.method} ${url}: expected ${expected}, got ${actual} (${res.statusCode})`,
          );
        // Anything hidden must look exactly like a page that does not exist.
        if (actual === 'hidden' && url.startsWith('/api/'))
          expect(res.json().error.code).toBe('NOT_FOUND');
      }
    }
    expect(wrong).toEqual([]);
    // Every role on every route (several thousand requests): a generous bound, not a speed target.
  }, 480_000);
});

describe('what LA users read after publication', () => {
  it('the moderation record, never the judgements as the team wrote them (report-input)', async () => {
    const db = t.database.db;
    const before = await db
      .selectFrom('activities')
      .select('state')
      .where('id', '=', ids.activity)
      .executeTakeFirstOrThrow();
    await db
      .updateTable('activities')
      .set({ state: 'published' })
      .where('id', '=', ids.activity)
      .execute();
    try {
      // The matrix above signs some sessions out (sign-out, password changes): sign in afresh.
      const otherPassword = 'matrix password 1234'; // as created in the set-up
      const fresh = new Map<RoleKey, string>();
      for (const [role, email] of [
        ['la', demoEmail('la')],
        ['laOther', 'dcs.other@example.org'],
        ['lead', demoEmail('lead')],
      ] as const) {
        const r = await t.app.inject({
          method: 'POST',
          url: '/api/v1/sessions',
          payload: { email, password: role === 'laOther' ? otherPassword : DEMO_PASSWORD },
        });
        expect(r.statusCode, `sign-in ${role}`).toBe(200);
        fresh.set(role, r.json<{ token: string }>().token);
      }
      const get = (role: RoleKey, url: string) =>
        t.app.inject({
          method: 'GET',
          url,
          headers: { authorization: `Bearer ${fresh.get(role)}` },
        });
      const reportInput = `${JA(ids)}/report-input`;
      const moderation = `${EV(ids)}/moderation-record`;
      expect((await get('la', reportInput)).statusCode).toBe(404);
      expect((await get('laOther', reportInput)).statusCode).toBe(404);
      expect((await get('la', moderation)).statusCode).toBe(200);
      expect((await get('laOther', moderation)).statusCode).toBe(404);
      expect((await get('lead', reportInput)).statusCode).toBe(200);
    } finally {
      await db
        .updateTable('activities')
        .set({ state: before.state })
        .where('id', '=', ids.activity)
        .execute();
    }
  });
});

describe('what pages offer is what the routes allow', () => {
  // The pages' can flags come from the same policy functions as the use cases' refusals: for each
  // role, a flag is on exactly where the matching write route lets the role past its access check
  // (the demo's judgements are at the team's provisional stage).
  const emails: Partial<Record<RoleKey, string>> = {
    admin: demoEmail('admin'),
    national: demoEmail('national'),
    regional: demoEmail('regional'),
    regionalOther: 'regional.london@example.org',
    lead: demoEmail('lead'),
    inspector: demoEmail('inspector'),
    qam: demoEmail('qam'),
    analyst: demoEmail('analyst'),
    outsider: 'outsider@example.org',
    la: demoEmail('la'),
    laOther: 'dcs.other@example.org',
    researcher: demoEmail('researcher'),
  };
  const allowed = (rule: Expect, role: RoleKey) => (rule[role] ?? rule.rest) === 'ok';
  const hidden = (p: Promise<unknown>) =>
    p.then(
      () => false,
      (e: { code?: string }) => e.code === 'NOT_FOUND',
    );

  it('judgements overview, provisional views and the activity page', async () => {
    const wrong: string[] = [];
    const check = (role: RoleKey, what: string, flag: boolean, rule: Expect) => {
      if (flag !== allowed(rule, role))
        wrong.push(`${role} ${what}: page says ${flag}, route says ${rule[role] ?? rule.rest}`);
    };
    for (const [role, email] of Object.entries(emails) as [RoleKey, string][]) {
      const ctx = contextFor(t.database.db, await actorFor(t.database.db, email));
      const activityId = ids.activity;
      if (await hidden(getJudgementsOverview(ctx, activityId))) {
        if ((judgementsRead[role] ?? judgementsRead.rest) !== 'hidden')
          wrong.push(`${role}: overview hidden, route not`);
      } else {
        const o = await getJudgementsOverview(ctx, activityId);
        check(role, 'edit', o.can.edit, judgementEdit);
        check(role, 'move', o.can.move, judgementMove);
        check(role, 'assign panel', o.can.assignPanel, panelAssign);
        check(role, 'write feedback', o.can.writeFeedback, feedbackWrite);
        check(role, 'explain divergence', o.can.explain, divergenceWrite);
        const views = await getProvisionalViews(ctx, activityId);
        check(role, 'record provisional view', views.canRecord, provisionalView);
      }
      if (!(await hidden(getActivity(ctx, activityId))))
        check(role, 'manage', (await getActivity(ctx, activityId)).can.manage, manageActivity);
    }
    expect(wrong).toEqual([]);
  });
});
