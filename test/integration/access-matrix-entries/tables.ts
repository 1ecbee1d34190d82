import type { Entry, Expect } from '../../helpers/access-matrix.js';

// The 2019 review's tables (issue 14): aggregate figures for national and regional staff, admins
// and researchers (from the activities, each sees only what viewActivity allows).
const historyAnalysts: Expect = {
  anon: 'signin',
  admin: 'ok',
  national: 'ok',
  regional: 'ok',
  regionalOther: 'ok',
  researcher: 'ok',
  rest: 'hidden',
};
export const tableEntries: Entry[] = [
  {
    method: 'GET',
    route: '/api/v1/history/review-tables',
    url: () => '/api/v1/history/review-tables?source=app&year=2026',
    expect: historyAnalysts,
  },
  {
    method: 'GET',
    route: '/history/review-tables',
    url: () => '/history/review-tables',
    expect: historyAnalysts,
  },
  {
    method: 'GET',
    route: '/history/review-tables/download',
    url: () => '/history/review-tables/download?table=table7&format=xlsx&source=app',
    expect: historyAnalysts,
  },
];
