import { randomUUID } from 'node:crypto';
import type { Entry, Expect, Ids } from '../../helpers/access-matrix.js';
import { everyone, NO_ID, noSuchItem } from '../../helpers/access-matrix.js';

// Capture that works offline (issue 17). The service worker and manifest are public files; the
// device key and "forget this device" belong to whoever is signed in; the offline pack and sync
// are the evidence base's writers' (the team); conflicts are read like the evidence base (each
// person sees only their own: the one asked for here exists for nobody).
const evidenceRead: Expect = {
  anon: 'signin',
  regional: 'hidden',
  regionalOther: 'hidden',
  outsider: 'hidden',
  la: 'hidden',
  laOther: 'hidden',
  researcher: 'hidden',
  rest: 'ok',
};
const evidenceWrite: Expect = { ...evidenceRead, admin: 'denied', national: 'denied' };
const A = (i: Ids) => i.activity;

export const offlineEntries: Entry[] = [
  { method: 'GET', route: '/sw.js', url: () => '/sw.js', expect: { rest: 'ok' } },
  { method: 'GET', route: '/offline', url: () => '/offline', expect: { rest: 'ok' } },
  {
    method: 'GET',
    route: '/manifest.webmanifest',
    url: () => '/manifest.webmanifest',
    expect: { rest: 'ok' },
  },
  {
    method: 'GET',
    route: '/api/v1/offline/key',
    url: () => '/api/v1/offline/key',
    expect: everyone,
  },
  {
    method: 'POST',
    route: '/api/v1/offline/forget-device',
    url: () => '/api/v1/offline/forget-device',
    body: () => ({}),
    expect: everyone,
  },
  {
    method: 'POST',
    route: '/account/forget-device',
    url: () => '/account/forget-device',
    body: () => ({}),
    expect: everyone,
  },
  {
    method: 'GET',
    route: '/api/v1/activities/:id/offline/pack',
    url: (i) => `/api/v1/activities/${A(i)}/offline/pack`,
    expect: evidenceWrite,
  },
  {
    method: 'POST',
    route: '/api/v1/activities/:id/offline/sync',
    url: (i) => `/api/v1/activities/${A(i)}/offline/sync`,
    body: () => ({
      operations: [
        {
          kind: 'record',
          clientId: `matrix-${randomUUID()}`,
          writtenAt: '2026-12-07T10:00:00.000Z',
          text: 'Matrix offline record.',
          fields: { method: 'la_audit' },
        },
      ],
    }),
    expect: evidenceWrite,
  },
  {
    method: 'GET',
    route: '/api/v1/activities/:id/offline/conflicts',
    url: (i) => `/api/v1/activities/${A(i)}/offline/conflicts`,
    expect: evidenceRead,
  },
  {
    method: 'GET',
    route: '/activities/:id/offline/conflicts',
    url: (i) => `/activities/${A(i)}/offline/conflicts`,
    expect: evidenceRead,
  },
  {
    method: 'GET',
    route: '/activities/:id/offline/conflicts/:conflictId',
    url: (i) => `/activities/${A(i)}/offline/conflicts/${NO_ID}`,
    expect: noSuchItem,
  },
  {
    method: 'POST',
    route: '/activities/:id/offline/conflicts/:conflictId',
    url: (i) => `/activities/${A(i)}/offline/conflicts/${NO_ID}`,
    body: () => ({ choice: 'mine', expectedVersion: '1' }),
    expect: noSuchItem,
  },
];
