import type { Entry, Expect, Ids } from '../../helpers/access-matrix.js';

// National statistics per LA (issue 13): whoever reads the LA's risk picture reads its figures,
// and so do the LA's own users (public statistics; no ratings on the page). Only national staff
// and admins import.
const statsRead: Expect = {
  anon: 'signin',
  regionalOther: 'hidden',
  outsider: 'hidden',
  la: 'ok',
  laOther: 'hidden',
  researcher: 'hidden',
  rest: 'ok',
};
const otherLaRead: Expect = {
  anon: 'signin',
  admin: 'ok',
  national: 'ok',
  regionalOther: 'ok',
  laOther: 'ok',
  rest: 'hidden',
};
const importer: Expect = {
  anon: 'signin',
  admin: 'ok',
  national: 'ok',
  rest: 'denied',
};
const c1 =
  'time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,old_la_code,new_la_code,la_name,category,referral_count,rereferral_count,rereferral_percent,no_further_action_count,no_further_action_percent,not_in_need_count,not_in_need_percent,referral_child_count,rereferral_child_count,rereferral_child_percent\n' +
  '2025,Reporting year,National,E92000001,England,,,,,,Referrals and Re-referrals,632830,142900,22.6,41340,6.5,194620,30.8,557810,116950,21\n';
const LA_ = (i: Ids) => `/las/${i.ownLa}`;
export const statsEntries: Entry[] = [
  {
    method: 'GET',
    route: '/las/:id/statistics',
    url: (i) => `${LA_(i)}/statistics`,
    expect: statsRead,
  },
  {
    method: 'GET',
    route: '/las/:id/statistics',
    url: (i) => `/las/${i.otherLa}/statistics`,
    expect: otherLaRead,
  },
  {
    method: 'GET',
    route: '/api/v1/las/:id/statistics',
    url: (i) => `/api/v1${LA_(i)}/statistics`,
    expect: statsRead,
  },
  {
    method: 'POST',
    route: '/api/v1/national-statistics/imports',
    url: () => '/api/v1/national-statistics/imports',
    body: () => ({ files: [{ fileName: 'matrix-c1.csv', content: c1 }] }),
    expect: importer,
  },
];
