import type { Kysely } from 'kysely';
import type { DB } from '../../../src/data/schema.js';
import { systemActor } from '../../../src/domain/access/actor.js';
import { loadActivityTypeCatalog } from '../../../src/domain/frameworks/catalog.js';
import { attachIntelligenceFile } from '../../../src/usecases/risk/attach-intelligence-file.js';
import { recordIntelligence } from '../../../src/usecases/risk/record-intelligence.js';
import { NO_ID, type Entry, type Expect } from '../../helpers/access-matrix.js';

// Documents kept beside intelligence entries (issue 13): read as the entry is (an entry shared
// with the LA by its own users too; a complaint only by the region's and national staff, never
// the inspection team or the LA); attached and removed by the region's staff only.
export const intelFileIds = {
  shared: NO_ID,
  complaint: NO_ID,
  sharedFile: NO_ID,
  complaintFile: NO_ID,
};

/** Called by the matrix's set-up: one shared entry and one complaint, each with a file. */
export async function prepareIntelligenceFiles(db: Kysely<DB>): Promise<void> {
  const ctx = { db, actor: systemActor('test'), catalog: loadActivityTypeCatalog() };
  const base = { laId: 'demo-northfield', source: 'Matrix', receivedOn: '2026-01-05' };
  const pdf = new TextEncoder().encode('%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF\n');
  for (const [key, entry] of [
    ['shared', { kind: 'dfe_intervention', title: 'Matrix notice', sharedWithLa: true }],
    ['complaint', { kind: 'complaint', title: 'Matrix complaint' }],
  ] as const) {
    const e = await recordIntelligence(ctx, { ...base, ...entry });
    const f = await attachIntelligenceFile(
      ctx,
      { laId: base.laId, entryId: e.id, fileName: 'matrix.pdf' },
      pdf,
    );
    intelFileIds[key] = e.id;
    intelFileIds[`${key}File`] = f.id;
  }
}

const sharedRead: Expect = {
  anon: 'signin',
  regionalOther: 'hidden',
  outsider: 'hidden',
  laOther: 'hidden',
  researcher: 'hidden',
  rest: 'ok',
};
const confidentialRead: Expect = {
  anon: 'signin',
  admin: 'ok',
  national: 'ok',
  regional: 'ok',
  rest: 'hidden',
};
// Whoever reads the entry but may not record intelligence for the LA is refused.
const attach: Expect = {
  ...sharedRead,
  admin: 'denied',
  national: 'denied',
  lead: 'denied',
  inspector: 'denied',
  qam: 'denied',
  analyst: 'denied',
  la: 'denied',
};
// Removing a document that is not there: those who may attach learn so (404), readers who may
// not are refused (403), the rest learn nothing (404). (Real removals: intelligence-files.test.ts.)
const removeShared: Expect = { ...attach, regional: 'hidden' };
const removeConfidential: Expect = {
  anon: 'signin',
  admin: 'denied',
  national: 'denied',
  rest: 'hidden',
};
const E = (entry: string) => `/las/demo-northfield/intelligence/${entry}`;
const API = (entry: string) => `/api/v1/las/demo-northfield/intelligence/${entry}`;

export const intelFileEntries: Entry[] = [
  {
    method: 'GET',
    route: '/las/:id/intelligence/:entryId',
    url: () => E(intelFileIds.shared),
    expect: sharedRead,
  },
  {
    method: 'GET',
    route: '/las/:id/intelligence/:entryId',
    url: () => E(intelFileIds.complaint),
    expect: confidentialRead,
  },
  {
    method: 'POST',
    route: '/las/:id/intelligence/:entryId/attachments',
    url: () => `${E(intelFileIds.shared)}/attachments`,
    body: () => ({}),
    expect: attach,
  },
  {
    method: 'GET',
    route: '/las/:id/intelligence/:entryId/attachments/:attachmentId',
    url: () => `${E(intelFileIds.shared)}/attachments/${intelFileIds.sharedFile}`,
    expect: sharedRead,
  },
  {
    method: 'GET',
    route: '/las/:id/intelligence/:entryId/attachments/:attachmentId',
    url: () => `${E(intelFileIds.complaint)}/attachments/${intelFileIds.complaintFile}`,
    expect: confidentialRead,
  },
  {
    method: 'GET',
    route: '/api/v1/las/:id/intelligence/:entryId/attachments',
    url: () => `${API(intelFileIds.shared)}/attachments`,
    expect: sharedRead,
  },
  {
    method: 'GET',
    route: '/api/v1/las/:id/intelligence/:entryId/attachments',
    url: () => `${API(intelFileIds.complaint)}/attachments`,
    expect: confidentialRead,
  },
  {
    method: 'POST',
    route: '/api/v1/las/:id/intelligence/:entryId/attachments',
    url: () => `${API(intelFileIds.shared)}/attachments?fileName=m.pdf`,
    body: () => ({}),
    expect: attach,
  },
  {
    method: 'GET',
    route: '/api/v1/las/:id/intelligence/:entryId/attachments/:attachmentId',
    url: () => `${API(intelFileIds.shared)}/attachments/${intelFileIds.sharedFile}`,
    expect: sharedRead,
  },
  {
    method: 'GET',
    route: '/api/v1/las/:id/intelligence/:entryId/attachments/:attachmentId',
    url: () => `${API(intelFileIds.complaint)}/attachments/${intelFileIds.complaintFile}`,
    expect: confidentialRead,
  },
  {
    method: 'POST',
    route: '/las/:id/intelligence/:entryId/attachments/:attachmentId/remove',
    url: () => `${E(intelFileIds.shared)}/attachments/${NO_ID}/remove`,
    expect: removeShared,
  },
  {
    method: 'POST',
    route: '/las/:id/intelligence/:entryId/attachments/:attachmentId/remove',
    url: () => `${E(intelFileIds.complaint)}/attachments/${NO_ID}/remove`,
    expect: removeConfidential,
  },
  {
    method: 'DELETE',
    route: '/api/v1/las/:id/intelligence/:entryId/attachments/:attachmentId',
    url: () => `${API(intelFileIds.shared)}/attachments/${NO_ID}`,
    expect: removeShared,
  },
  {
    method: 'DELETE',
    route: '/api/v1/las/:id/intelligence/:entryId/attachments/:attachmentId',
    url: () => `${API(intelFileIds.complaint)}/attachments/${NO_ID}`,
    expect: removeConfidential,
  },
];
