import {
  NO_ID,
  noSuchItem,
  type Entry,
  type Expect,
  type Ids,
} from '../../helpers/access-matrix.js';

// The LA's self-evaluation and the annual engagement meeting (issue 13). Submissions are read by
// whoever reads the LA's risk picture and by the LA's own users; only the LA's own users write the
// draft and submit; the region acknowledges. Meetings: the risk picture's readers in full, the
// LA's own users the released notes; the region writes. (Meeting years that do not exist answer
// 404 to everyone: the behaviour of real ones is in web-self-evaluation.test.ts.)
const hiddenFromOthers: Expect = {
  anon: 'signin',
  regionalOther: 'hidden',
  outsider: 'hidden',
  laOther: 'hidden',
  researcher: 'hidden',
  rest: 'ok',
};
const seRead: Expect = hiddenFromOthers;
const seWrite: Expect = { ...hiddenFromOthers, la: 'ok', rest: 'denied' };
const seAcknowledge: Expect = { ...hiddenFromOthers, regional: 'ok', rest: 'denied' };
const meetingsRead: Expect = hiddenFromOthers;
const meetingsWrite: Expect = {
  ...hiddenFromOthers,
  la: 'hidden',
  regional: 'ok',
  rest: 'denied',
};
const statusList: Expect = {
  anon: 'signin',
  admin: 'ok',
  national: 'ok',
  regional: 'ok',
  regionalOther: 'ok',
  rest: 'hidden',
};
const SE = (i: Ids) => `/las/${i.ownLa}/self-evaluation`;
const EN = (i: Ids) => `/las/${i.ownLa}/engagement`;

export const selfEvaluationEntries: Entry[] = [
  { method: 'GET', route: '/las/:id/self-evaluation', url: SE, expect: seRead },
  {
    method: 'GET',
    route: '/las/:id/self-evaluation',
    url: (i) => `/las/${i.otherLa}/self-evaluation`,
    // Another LA, in London: London's regional staff and its own LA users.
    expect: {
      anon: 'signin',
      admin: 'ok',
      national: 'ok',
      regionalOther: 'ok',
      laOther: 'ok',
      rest: 'hidden',
    },
  },
  {
    method: 'GET',
    route: '/las/:id/self-evaluation/draft',
    url: (i) => `${SE(i)}/draft`,
    expect: seWrite,
  },
  {
    method: 'POST',
    route: '/las/:id/self-evaluation/draft',
    url: (i) => `${SE(i)}/draft`,
    body: () => ({ intent: 'save' }),
    expect: seWrite,
  },
  {
    method: 'POST',
    route: '/las/:id/self-evaluation/files',
    url: (i) => `${SE(i)}/files`,
    expect: seWrite,
  },
  {
    method: 'POST',
    route: '/las/:id/self-evaluation/files/:fileId/remove',
    url: (i) => `${SE(i)}/files/${NO_ID}/remove`,
    expect: { ...seWrite, la: 'hidden' },
  },
  {
    method: 'GET',
    route: '/las/:id/self-evaluation/files/:fileId',
    url: (i) => `${SE(i)}/files/${NO_ID}`,
    expect: noSuchItem,
  },
  {
    method: 'GET',
    route: '/las/:id/self-evaluation/versions/:version',
    url: (i) => `${SE(i)}/versions/1`,
    expect: seRead,
  },
  {
    method: 'POST',
    route: '/las/:id/self-evaluation/versions/:version/acknowledge',
    // The demo's version 1 is acknowledged already: the region is answered 409.
    url: (i) => `${SE(i)}/versions/1/acknowledge`,
    expect: seAcknowledge,
  },
  {
    method: 'GET',
    route: '/las/:id/self-evaluation/compare',
    url: (i) => `${SE(i)}/compare?from=1&to=2`,
    expect: seRead,
  },
  { method: 'GET', route: '/self-evaluations', url: () => '/self-evaluations', expect: statusList },
  {
    method: 'GET',
    route: '/self-evaluations',
    url: () => '/self-evaluations?region=North+West&show=all',
    expect: { ...statusList, regionalOther: 'hidden' },
  },
  { method: 'GET', route: '/las/:id/engagement', url: EN, expect: meetingsRead },
  {
    method: 'GET',
    route: '/las/:id/engagement/new',
    url: (i) => `${EN(i)}/new`,
    expect: meetingsWrite,
  },
  { method: 'POST', route: '/las/:id/engagement', url: EN, expect: meetingsWrite },
  {
    method: 'GET',
    route: '/las/:id/engagement/:year',
    url: (i) => `${EN(i)}/2001`,
    expect: noSuchItem,
  },
  {
    method: 'GET',
    route: '/las/:id/engagement/:year/edit',
    url: (i) => `${EN(i)}/2001/edit`,
    expect: noSuchItem,
  },
  {
    method: 'POST',
    route: '/las/:id/engagement/:year',
    url: (i) => `${EN(i)}/2001`,
    expect: noSuchItem,
  },
  {
    method: 'POST',
    route: '/las/:id/engagement/:year/release',
    url: (i) => `${EN(i)}/2001/release`,
    expect: noSuchItem,
  },
  {
    method: 'GET',
    route: '/api/v1/las/:id/self-evaluations',
    url: (i) => `/api/v1/las/${i.ownLa}/self-evaluations`,
    expect: seRead,
  },
  {
    method: 'POST',
    route: '/api/v1/las/:id/self-evaluations',
    url: (i) => `/api/v1/las/${i.ownLa}/self-evaluations`,
    body: () => ({ answers: [''] }),
    expect: seWrite,
  },
  {
    method: 'GET',
    route: '/api/v1/las/:id/self-evaluations/:version',
    url: (i) => `/api/v1/las/${i.ownLa}/self-evaluations/1`,
    expect: seRead,
  },
  {
    method: 'POST',
    route: '/api/v1/las/:id/self-evaluations/:version/acknowledgement',
    url: (i) => `/api/v1/las/${i.ownLa}/self-evaluations/1/acknowledgement`,
    body: () => ({}),
    expect: seAcknowledge,
  },
  {
    method: 'GET',
    route: '/api/v1/self-evaluations/status',
    url: () => '/api/v1/self-evaluations/status',
    expect: statusList,
  },
  {
    method: 'GET',
    route: '/api/v1/las/:id/engagement-meetings',
    url: (i) => `/api/v1/las/${i.ownLa}/engagement-meetings`,
    expect: meetingsRead,
  },
  {
    method: 'POST',
    route: '/api/v1/las/:id/engagement-meetings',
    url: (i) => `/api/v1/las/${i.ownLa}/engagement-meetings`,
    // A meeting not yet held: refused after the access check, so nothing is created.
    body: () => ({ meetingOn: '2999-01-01', attendees: ['Matrix attendee'] }),
    expect: meetingsWrite,
  },
  {
    method: 'GET',
    route: '/api/v1/las/:id/engagement-meetings/:year',
    url: (i) => `/api/v1/las/${i.ownLa}/engagement-meetings/2001`,
    expect: noSuchItem,
  },
  {
    method: 'POST',
    route: '/api/v1/las/:id/engagement-meetings/:year/release',
    url: (i) => `/api/v1/las/${i.ownLa}/engagement-meetings/2001/release`,
    body: () => ({ notes: 'Matrix' }),
    expect: noSuchItem,
  },
];
