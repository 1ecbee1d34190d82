import {
  NO_ID,
  noSuchItem,
  type Entry,
  type Expect,
  type Ids,
} from '../../helpers/access-matrix.js';

// The fieldwork plan (issue 17). The team (QAM and analyst too), regional staff of the region,
// national staff and admins read it; only the lead changes it (others who read are refused);
// LA users, researchers, inspectors off the team and other regions never see it.
const read: Expect = {
  anon: 'signin',
  regionalOther: 'hidden',
  outsider: 'hidden',
  la: 'hidden',
  laOther: 'hidden',
  researcher: 'hidden',
  rest: 'ok',
};
const write: Expect = { ...read, lead: 'ok', rest: 'denied' };
const A = (i: Ids) => i.activity;
const both = (
  method: 'GET' | 'POST',
  path: string,
  expect: Expect,
  body?: (i: Ids) => Record<string, unknown>,
  apiBody?: (i: Ids) => Record<string, unknown>,
): Entry[] => [
  {
    method,
    route: `/activities/:id/fieldwork${path}`,
    url: (i) => `/activities/${A(i)}/fieldwork${path}`,
    ...(body ? { body } : {}),
    expect,
  },
  {
    method,
    route: `/api/v1/activities/:id/fieldwork${path}`,
    url: (i) => `/api/v1/activities/${A(i)}/fieldwork${path}`,
    ...((apiBody ?? body) ? { body: apiBody ?? body } : {}),
    expect,
  },
];

export const fieldworkEntries: Entry[] = [
  ...both('GET', '', read),
  ...both('GET', '/progress', read),
  {
    method: 'POST',
    route: '/activities/:id/fieldwork/expectations',
    url: (i) => `/activities/${A(i)}/fieldwork/expectations`,
    body: () => ({
      remoteShareMaxPercent: '30',
      minutesPerCase: '60',
      observationMode: 'day_per_inspector',
    }),
    expect: write,
  },
  ...both('POST', '/visits', write, (i) => ({
    sampleCaseId: NO_ID,
    inspectorId: i.inspectorUser,
    mode: 'in_person',
  })),
  ...both(
    'POST',
    '/conversations',
    write,
    (i) => ({
      withWhom: 'child',
      serviceArea: 'care_leavers',
      conversationInspectorId: i.inspectorUser,
    }),
    (i) => ({ withWhom: 'child', serviceArea: 'care_leavers', inspectorId: i.inspectorUser }),
  ),
  ...both('POST', '/observations', write, (i) => ({
    kind: 'meeting',
    observerId: i.inspectorUser,
  })),
  {
    method: 'POST',
    route: '/activities/:id/fieldwork/items/:kind/:itemId',
    url: (i) => `/activities/${A(i)}/fieldwork/items/visit/${NO_ID}`,
    body: () => ({ status: 'done' }),
    expect: noSuchItem,
  },
  {
    method: 'POST',
    route: '/api/v1/activities/:id/fieldwork/items/:kind/:itemId',
    url: (i) => `/api/v1/activities/${A(i)}/fieldwork/items/visit/${NO_ID}`,
    body: () => ({ status: 'done' }),
    expect: noSuchItem,
  },
];
