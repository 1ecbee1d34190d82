// Scheduling rules (issue 14): checking a plan and moving an activity's dates. Only those who
// schedule activities for the authority (its region's staff, admins) may; the demo inspection is
// on site, so even they are refused the move itself (409, counted as passing the access check).
import type { Entry, Expect } from '../../helpers/access-matrix.js';

const seesDemo: Expect = {
  anon: 'signin',
  regionalOther: 'hidden',
  outsider: 'hidden',
  laOther: 'hidden',
  researcher: 'hidden',
  rest: 'denied',
};
const reschedulers: Expect = { ...seesDemo, admin: 'ok', regional: 'ok' };
const planners: Expect = { anon: 'signin', admin: 'ok', regional: 'ok', rest: 'hidden' };

export const schedulingEntries: Entry[] = [
  {
    method: 'GET',
    route: '/activities/:id/dates',
    url: (i) => `/activities/${i.activity}/dates`,
    expect: seesDemo,
  },
  {
    method: 'POST',
    route: '/activities/:id/dates',
    url: (i) => `/activities/${i.activity}/dates`,
    body: () => ({
      'plannedStart-day': '2',
      'plannedStart-month': '3',
      'plannedStart-year': '2027',
    }),
    expect: reschedulers,
  },
  {
    method: 'POST',
    route: '/api/v1/activities/:id/dates',
    url: (i) => `/api/v1/activities/${i.activity}/dates`,
    body: () => ({ plannedStart: '2027-03-02' }),
    expect: reschedulers,
  },
  {
    method: 'POST',
    route: '/api/v1/activities/plan-check',
    url: () => '/api/v1/activities/plan-check',
    body: (i) => ({ laId: i.ownLa, activityType: 'focused_visit', plannedStart: '2027-03-02' }),
    expect: planners,
  },
];
