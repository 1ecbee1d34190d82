import type { Entry, Expect } from '../../helpers/access-matrix.js';

// Week-zero material (issue 13): read like the activity's evidence base (the team, national staff
// and admins; never regional staff off the team, LA users or researchers); an item is made into a
// line of enquiry by those who write the evidence (the team, not shadows).
const weekZeroRead: Expect = {
  anon: 'signin',
  regional: 'hidden',
  regionalOther: 'hidden',
  outsider: 'hidden',
  la: 'hidden',
  laOther: 'hidden',
  researcher: 'hidden',
  rest: 'ok',
};
const weekZeroWrite: Expect = { ...weekZeroRead, admin: 'denied', national: 'denied' };

export const riskweekEntries: Entry[] = [
  {
    method: 'GET',
    route: '/activities/:id/week-zero',
    url: (i) => `/activities/${i.activity}/week-zero`,
    expect: weekZeroRead,
  },
  {
    method: 'POST',
    route: '/activities/:id/week-zero/enquiries',
    url: (i) => `/activities/${i.activity}/week-zero/enquiries`,
    // A domain rating of Northfield's current assessment (the demo assesses it).
    body: () => ({ kind: 'risk_rating', ref: 'leadership_stability' }),
    expect: weekZeroWrite,
  },
];
