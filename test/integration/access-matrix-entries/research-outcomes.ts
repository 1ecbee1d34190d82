import { NO_ID, noSuchItem, type Entry, type Expect } from '../../helpers/access-matrix.js';

// Outcomes against context and saved research definitions (issue 20): researchers, national staff
// and admins; nobody else learns they exist (404). A saved definition that does not exist (the
// matrix's demo has none) is 404 to everyone signed in; a study's QDPX export likewise.
const researchUsers: Expect = {
  anon: 'signin',
  admin: 'ok',
  national: 'ok',
  researcher: 'ok',
  rest: 'hidden',
};
const OUTCOMES = 'by=size&era=ilacs&groups=4';
const SAVED = { analysis: 'outcomes', definition: { by: 'size' } };

export const researchOutcomeEntries: Entry[] = [
  {
    method: 'GET',
    route: '/research/outcomes',
    url: () => `/research/outcomes?${OUTCOMES}`,
    expect: researchUsers,
  },
  {
    method: 'GET',
    route: '/research/outcomes/export',
    url: () => `/research/outcomes/export?${OUTCOMES}&format=csv`,
    expect: researchUsers,
  },
  {
    method: 'GET',
    route: '/research/definitions',
    url: () => '/research/definitions',
    expect: researchUsers,
  },
  {
    method: 'POST',
    route: '/research/definitions',
    url: () => '/research/definitions',
    body: () => ({ name: 'Matrix', analysis: 'outcomes', definition: '{"by":"size"}' }),
    expect: researchUsers,
  },
  {
    method: 'GET',
    route: '/research/definitions/:id',
    url: () => `/research/definitions/${NO_ID}`,
    expect: noSuchItem,
  },
  {
    method: 'POST',
    route: '/api/v1/research/outcomes',
    url: () => '/api/v1/research/outcomes',
    body: () => ({ by: 'size' }),
    expect: researchUsers,
  },
  {
    method: 'GET',
    route: '/api/v1/research/definitions',
    url: () => '/api/v1/research/definitions',
    expect: researchUsers,
  },
  {
    method: 'POST',
    route: '/api/v1/research/definitions',
    url: () => '/api/v1/research/definitions',
    body: () => ({ name: 'Matrix', saved: SAVED }),
    expect: researchUsers,
  },
  {
    method: 'POST',
    route: '/api/v1/research/definitions/run',
    url: () => '/api/v1/research/definitions/run',
    body: () => ({ saved: SAVED }),
    expect: researchUsers,
  },
  {
    method: 'POST',
    route: '/api/v1/research/definitions/:id/run',
    url: () => `/api/v1/research/definitions/${NO_ID}/run`,
    expect: noSuchItem,
  },
  {
    method: 'POST',
    route: '/api/v1/research/studies/:id/qdpx',
    url: () => `/api/v1/research/studies/${NO_ID}/qdpx`,
    body: () => ({ rows: ['criterion:leaders.workforce'] }),
    expect: noSuchItem,
  },
];
