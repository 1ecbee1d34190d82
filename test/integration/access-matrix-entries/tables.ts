import type { Entry, Expect } from '../../helpers/access-matrix.js';

// The 2019 review's tables (issue 14): aggregate public history, as the national analysis.
const historyAnalysts: Expect = {
  anon: 'signin',
  admin: 'ok',
  national: 'ok',
  researcher: 'ok',
  rest: 'hidden',
};
export const tableEntries: Entry[] = [
  {
    method: 'GET',
    route: '/api/v1/history/review-tables',
    url: () => '/api/v1/history/review-tables',
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
    url: () => '/history/review-tables/download?table=table7',
    expect: historyAnalysts,
  },
];
