import { NO_ID, noSuchItem, type Entry, type Expect } from '../../helpers/access-matrix.js';

// Consistency panels across inspections (issue 15): national and regional staff, admins and
// inspectors see the list (each panel only if national, of their region, or named on it); national
// staff convene any panel, regional staff their own region's, admins any. LA users and
// researchers never see a panel, nor learn the list exists.
const listRead: Expect = {
  anon: 'signin',
  la: 'hidden',
  laOther: 'hidden',
  researcher: 'hidden',
  rest: 'ok',
};
const convene: Expect = {
  ...listRead,
  lead: 'denied',
  inspector: 'denied',
  qam: 'denied',
  analyst: 'denied',
  outsider: 'denied',
  regionalOther: 'denied',
};
const panelOf = (id: string) => `/consistency-panels/${id}`;
const nw = () => ({ region: 'North West', periodKind: 'week' });
const view = () => ({ outcome: 'consistent' });
export const consistencyEntries: Entry[] = [
  {
    method: 'GET',
    route: '/consistency-panels',
    url: () => '/consistency-panels',
    expect: listRead,
  },
  {
    method: 'POST',
    route: '/consistency-panels',
    url: () => '/consistency-panels',
    body: nw,
    expect: convene,
  },
  {
    method: 'GET',
    route: '/consistency-panels/:id',
    url: () => panelOf(NO_ID),
    expect: noSuchItem,
  },
  {
    method: 'POST',
    route: '/consistency-panels/:id/inspections/:activityId/view',
    url: (i) => `${panelOf(NO_ID)}/inspections/${i.activity}/view`,
    body: view,
    expect: noSuchItem,
  },
  {
    method: 'GET',
    route: '/api/v1/consistency-panels',
    url: () => '/api/v1/consistency-panels',
    expect: listRead,
  },
  {
    method: 'POST',
    route: '/api/v1/consistency-panels',
    url: () => '/api/v1/consistency-panels',
    body: nw,
    expect: convene,
  },
  {
    method: 'GET',
    route: '/api/v1/consistency-panels/:id',
    url: () => `/api/v1${panelOf(NO_ID)}`,
    expect: noSuchItem,
  },
  {
    method: 'POST',
    route: '/api/v1/consistency-panels/:id/inspections/:activityId/view',
    url: (i) => `/api/v1${panelOf(NO_ID)}/inspections/${i.activity}/view`,
    body: view,
    expect: noSuchItem,
  },
];
