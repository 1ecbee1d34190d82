// Inspectors and capacity (issue 14). A region's roster and load: national staff, admins and the
// region's own staff (regional staff of another region see their own region by default). One
// inspector (the demo lead, North West): the same, and the inspector themselves, read-only. LA
// users, researchers and other inspectors never learn the pages exist.
import type { Entry, Expect } from '../../helpers/access-matrix.js';
import { NO_ID } from '../../helpers/access-matrix.js';

const roster: Expect = {
  anon: 'signin',
  admin: 'ok',
  national: 'ok',
  regional: 'ok',
  regionalOther: 'ok',
  rest: 'hidden',
};
const profileRead: Expect = {
  anon: 'signin',
  admin: 'ok',
  national: 'ok',
  regional: 'ok',
  lead: 'ok',
  rest: 'hidden',
};
const profileWrite: Expect = { ...profileRead, lead: 'denied' };
/** Removing an absence or conflict that does not exist: editors reach the 404 about it. */
const removeMissing: Expect = { anon: 'signin', lead: 'denied', rest: 'hidden' };

const profileForm = {
  inspectorRole: 'hmi',
  homeRegion: 'North West',
  workingDays: ['mon', 'tue', 'wed', 'thu', 'fri'],
  leadQualified: 'yes',
  maxSiteWeeksPerQuarter: '5',
};
const leaveForm = {
  kind: 'leave',
  'startsOn-day': '1',
  'startsOn-month': '6',
  'startsOn-year': '2027',
  'endsOn-day': '2',
  'endsOn-month': '6',
  'endsOn-year': '2027',
};

export const inspectorEntries: Entry[] = [
  { method: 'GET', route: '/inspectors', url: () => '/inspectors', expect: roster },
  { method: 'GET', route: '/inspectors/load', url: () => '/inspectors/load', expect: roster },
  {
    method: 'GET',
    route: '/inspectors/:id',
    url: (i) => `/inspectors/${i.leadUser}`,
    expect: profileRead,
  },
  {
    method: 'POST',
    route: '/inspectors/:id/profile',
    url: (i) => `/inspectors/${i.leadUser}/profile`,
    body: () => profileForm,
    expect: profileWrite,
  },
  {
    method: 'POST',
    route: '/inspectors/:id/absences',
    url: (i) => `/inspectors/${i.leadUser}/absences`,
    body: () => leaveForm,
    expect: profileWrite,
  },
  {
    method: 'POST',
    route: '/inspectors/:id/conflicts',
    url: (i) => `/inspectors/${i.leadUser}/conflicts`,
    body: () => ({ laId: 'blackpool', reason: 'other' }),
    expect: profileWrite,
  },
  {
    method: 'POST',
    route: '/inspectors/:id/absences/:item/remove',
    url: (i) => `/inspectors/${i.leadUser}/absences/${NO_ID}/remove`,
    expect: removeMissing,
  },
  {
    method: 'POST',
    route: '/inspectors/:id/conflicts/:item/remove',
    url: (i) => `/inspectors/${i.leadUser}/conflicts/${NO_ID}/remove`,
    expect: removeMissing,
  },
  { method: 'GET', route: '/api/v1/inspectors', url: () => '/api/v1/inspectors', expect: roster },
  {
    method: 'GET',
    route: '/api/v1/inspectors/load',
    url: () => '/api/v1/inspectors/load?weeks=2',
    expect: roster,
  },
  {
    method: 'GET',
    route: '/api/v1/inspectors/:id',
    url: (i) => `/api/v1/inspectors/${i.leadUser}`,
    expect: profileRead,
  },
  {
    method: 'GET',
    route: '/api/v1/inspectors/:id/load',
    url: (i) => `/api/v1/inspectors/${i.leadUser}/load?weeks=2`,
    expect: profileRead,
  },
  {
    method: 'POST',
    route: '/api/v1/inspectors/:id/profile',
    url: (i) => `/api/v1/inspectors/${i.leadUser}/profile`,
    body: () => ({ inspectorRole: 'hmi', homeRegion: 'North West', leadQualified: true }),
    expect: profileWrite,
  },
  {
    method: 'POST',
    route: '/api/v1/inspectors/:id/absences',
    url: (i) => `/api/v1/inspectors/${i.leadUser}/absences`,
    body: () => ({ kind: 'training', startsOn: '2027-06-08', endsOn: '2027-06-08' }),
    expect: profileWrite,
  },
  {
    method: 'POST',
    route: '/api/v1/inspectors/:id/conflicts',
    url: (i) => `/api/v1/inspectors/${i.leadUser}/conflicts`,
    body: () => ({ laId: 'blackpool', reason: 'other' }),
    expect: profileWrite,
  },
  {
    method: 'DELETE',
    route: '/api/v1/inspectors/:id/absences/:absenceId',
    url: (i) => `/api/v1/inspectors/${i.leadUser}/absences/${NO_ID}`,
    expect: removeMissing,
  },
  {
    method: 'DELETE',
    route: '/api/v1/inspectors/:id/conflicts/:conflictId',
    url: (i) => `/api/v1/inspectors/${i.leadUser}/conflicts/${NO_ID}`,
    expect: removeMissing,
  },
];
