import { NO_ID, noSuchItem, type Entry, type Expect } from '../../helpers/access-matrix.js';

// The research store (issue 20): researchers, national staff and admins use it; nobody else
// learns it exists (404). Only national staff and admins keep the thematic codebook (a
// researcher is refused: 403) or load LA context (404). Routes about one study are tried with a
// study that does not exist (the matrix's demo has none): 404 to everyone signed in. That a
// researcher never reaches identifying pages is the rest of the matrix: every evidence, case,
// sample, Annex A and workbench route answers 404 to the researcher.
const researchUsers: Expect = {
  anon: 'signin',
  admin: 'ok',
  national: 'ok',
  researcher: 'ok',
  rest: 'hidden',
};
const codebookWrite: Expect = { ...researchUsers, researcher: 'denied' };
const contextWrite: Expect = { ...researchUsers, researcher: 'hidden' };
const STUDY = `/research/studies/${NO_ID}`;
const API_STUDY = `/api/v1/research/studies/${NO_ID}`;
const ROWS = 'kind=matrix&rows=criterion:leaders.workforce&dimension=region';
const QUERY = { kind: 'coding', rows: ['criterion:leaders.workforce'] };

export const researchEntries: Entry[] = [
  { method: 'GET', route: '/research', url: () => '/research', expect: researchUsers },
  {
    method: 'POST',
    route: '/research/studies',
    url: () => '/research/studies',
    body: () => ({ title: '' }),
    expect: researchUsers,
  },
  { method: 'GET', route: '/research/studies/:id', url: () => STUDY, expect: noSuchItem },
  {
    method: 'GET',
    route: '/research/studies/:id/cell',
    url: () => `${STUDY}/cell?${ROWS}&row=0&column=London`,
    expect: noSuchItem,
  },
  {
    method: 'GET',
    route: '/research/studies/:id/export',
    url: () => `${STUDY}/export?${ROWS}&format=csv`,
    expect: noSuchItem,
  },
  {
    method: 'POST',
    route: '/research/studies/:id/memos',
    url: () => `${STUDY}/memos`,
    body: () => ({ body: 'A memo' }),
    expect: noSuchItem,
  },
  {
    method: 'GET',
    route: '/research/studies/:id/coding',
    url: () => `${STUDY}/coding`,
    expect: noSuchItem,
  },
  {
    method: 'POST',
    route: '/research/studies/:id/codings',
    url: () => `${STUDY}/codings`,
    body: () => ({ record: 'r-000000000000', quote: 'x', code: 'x' }),
    expect: noSuchItem,
  },
  {
    method: 'POST',
    route: '/research/studies/:id/codings/:codingId/remove',
    url: () => `${STUDY}/codings/${NO_ID}/remove`,
    body: () => ({}),
    expect: noSuchItem,
  },
  {
    method: 'GET',
    route: '/api/v1/research/studies/:id/records',
    url: () => `${API_STUDY}/records`,
    expect: noSuchItem,
  },
  {
    method: 'GET',
    route: '/api/v1/research/studies/:id/codings',
    url: () => `${API_STUDY}/codings`,
    expect: noSuchItem,
  },
  {
    method: 'POST',
    route: '/api/v1/research/studies/:id/codings',
    url: () => `${API_STUDY}/codings`,
    body: () => ({ record: 'r-000000000000', quote: 'x', code: 'x' }),
    expect: noSuchItem,
  },
  {
    method: 'DELETE',
    route: '/api/v1/research/studies/:id/codings/:codingId',
    url: () => `${API_STUDY}/codings/${NO_ID}`,
    expect: noSuchItem,
  },
  // A study's published reports (the corpus inside a thematic review).
  {
    method: 'GET',
    route: '/research/studies/:id/corpus',
    url: () => `${STUDY}/corpus`,
    expect: noSuchItem,
  },
  {
    method: 'GET',
    route: '/research/studies/:id/corpus/documents/:documentId',
    url: () => `${STUDY}/corpus/documents/${NO_ID}`,
    expect: noSuchItem,
  },
  {
    method: 'POST',
    route: '/research/studies/:id/corpus/documents/:documentId/codings',
    url: () => `${STUDY}/corpus/documents/${NO_ID}/codings`,
    body: () => ({ quote: 'x', code: 'x' }),
    expect: noSuchItem,
  },
  {
    method: 'POST',
    route: '/research/studies/:id/corpus/codings/:codingId/remove',
    url: () => `${STUDY}/corpus/codings/${NO_ID}/remove`,
    body: () => ({}),
    expect: noSuchItem,
  },
  {
    method: 'GET',
    route: '/research/studies/:id/corpus/query',
    url: () => `${STUDY}/corpus/query?dimension=grade`,
    expect: noSuchItem,
  },
  {
    method: 'GET',
    route: '/research/studies/:id/corpus/query/cell',
    url: () => `${STUDY}/corpus/query/cell?dimension=year&code=x&value=2023`,
    expect: noSuchItem,
  },
  {
    method: 'POST',
    route: '/research/studies/:id/la-identity',
    url: () => `${STUDY}/la-identity`,
    body: () => ({ laIdentity: 'shown', reason: 'x' }),
    expect: noSuchItem,
  },
  {
    method: 'GET',
    route: '/research/codebook',
    url: () => '/research/codebook',
    expect: researchUsers,
  },
  {
    method: 'POST',
    route: '/research/codebook/themes',
    url: () => '/research/codebook/themes',
    body: () => ({ key: '', name: '' }),
    expect: codebookWrite,
  },
  {
    method: 'POST',
    route: '/research/codebook/mappings',
    url: () => '/research/codebook/mappings',
    body: () => ({ source: '' }),
    expect: codebookWrite,
  },
  {
    method: 'POST',
    route: '/research/deprivation',
    url: () => '/research/deprivation',
    body: () => ({ indexName: 'Matrix', csv: '' }),
    expect: contextWrite,
  },
  {
    method: 'POST',
    route: '/api/v1/research/query',
    url: () => '/api/v1/research/query',
    body: () => QUERY,
    expect: researchUsers,
  },
  {
    method: 'POST',
    route: '/api/v1/research/cell',
    url: () => '/api/v1/research/cell',
    // No published inspection in the matrix's demo: the cell is empty (CELL_SUPPRESSED, 409).
    body: () => ({ query: QUERY, row: 0, column: 'all' }),
    expect: researchUsers,
  },
  {
    method: 'GET',
    route: '/api/v1/research/studies',
    url: () => '/api/v1/research/studies',
    expect: researchUsers,
  },
  {
    method: 'POST',
    route: '/api/v1/research/studies',
    url: () => '/api/v1/research/studies',
    body: () => ({ title: 'Access matrix study' }),
    expect: researchUsers,
  },
  {
    method: 'GET',
    route: '/api/v1/research/studies/:id',
    url: () => API_STUDY,
    expect: noSuchItem,
  },
  {
    method: 'POST',
    route: '/api/v1/research/studies/:id/memos',
    url: () => `${API_STUDY}/memos`,
    body: () => ({ body: 'A memo' }),
    expect: noSuchItem,
  },
  {
    method: 'POST',
    route: '/api/v1/research/studies/:id/la-identity',
    url: () => `${API_STUDY}/la-identity`,
    body: () => ({ laIdentity: 'shown', reason: 'x' }),
    expect: noSuchItem,
  },
  {
    method: 'GET',
    route: '/api/v1/research/codebook',
    url: () => '/api/v1/research/codebook',
    expect: researchUsers,
  },
  {
    method: 'POST',
    route: '/api/v1/research/codebook/themes',
    url: () => '/api/v1/research/codebook/themes',
    body: () => ({ key: 'matrix_theme', name: 'Matrix theme' }),
    expect: codebookWrite,
  },
  {
    method: 'POST',
    route: '/api/v1/research/codebook/mappings',
    url: () => '/api/v1/research/codebook/mappings',
    body: () => ({ changes: [{ sourceKind: 'criterion', sourceKey: 'x.y', thematicKey: null }] }),
    expect: codebookWrite,
  },
  {
    method: 'POST',
    route: '/api/v1/research/deprivation',
    url: () => '/api/v1/research/deprivation',
    body: () => ({ indexName: 'Matrix', csv: 'la,score\n' }),
    expect: contextWrite,
  },
];
