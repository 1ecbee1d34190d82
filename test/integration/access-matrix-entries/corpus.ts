import { everyone, NO_ID, noSuchItem, type Entry } from '../../helpers/access-matrix.js';

// The corpus of published reports (issue 20): Ofsted's published reports and letters are public,
// so everyone signed in searches and reads them and the language table across them (LA users and
// inspectors too). A document that does not exist answers 404 to everyone signed in. Importing is
// the CLI's (`corpus import`), so no route writes.
export const corpusEntries: Entry[] = [
  {
    method: 'GET',
    route: '/api/v1/corpus/import',
    url: () => '/api/v1/corpus/import',
    expect: everyone,
  },
  { method: 'GET', route: '/corpus', url: () => '/corpus?q=supervision', expect: everyone },
  {
    method: 'GET',
    route: '/corpus/documents/:id',
    url: () => `/corpus/documents/${NO_ID}`,
    expect: noSuchItem,
  },
  {
    method: 'GET',
    route: '/corpus/language',
    url: () => '/corpus/language?by=grade',
    expect: everyone,
  },
  {
    method: 'GET',
    route: '/corpus/language.csv',
    url: () => '/corpus/language.csv?by=framework',
    expect: everyone,
  },
  {
    method: 'GET',
    route: '/api/v1/corpus/documents',
    url: () => '/api/v1/corpus/documents?q=supervision&grades=good',
    expect: everyone,
  },
  {
    method: 'GET',
    route: '/api/v1/corpus/documents/:id',
    url: () => `/api/v1/corpus/documents/${NO_ID}`,
    expect: noSuchItem,
  },
  {
    method: 'GET',
    route: '/api/v1/corpus/language',
    url: () => '/api/v1/corpus/language?by=year',
    expect: everyone,
  },
];
