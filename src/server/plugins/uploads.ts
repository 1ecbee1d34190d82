// File uploads are read only by the routes that take them, and only after the sender is signed
// in and allowed to import there: until then not one byte of the body is read. The body then
// goes to an owner-only temporary file (never held in memory while it arrives), with a size
// limit that fits the route and a cap on each person's concurrent uploads; the parsers receive
// the bytes read back from that file (or, later, its path, to hand to a worker thread).
// Everyone else's requests carry small bodies: nothing large is parsed before sign-in.
import { createWriteStream } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Transform, type Readable, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../../errors.js';
import {
  checkUploadAllowed,
  type UploadTarget,
} from '../../usecases/uploads/check-upload-allowed.js';
import { checkCsrf } from './csrf.js';
import { assertNoControlCharacters } from './input-check.js';
import { parseMultipart } from './multipart.js';
import { requireActor } from './session.js';
import type { UseCaseContext } from '../../usecases/context.js';

export interface UploadRoute {
  /** The largest body this route reads (the file plus, for forms, the other fields). */
  maxBytes: number;
  /** 'multipart': an HTML form (fields and files); 'raw': the file is the whole body. */
  body: 'multipart' | 'raw';
  /** Where the file is going, from the path and query: asked of the access policies first. */
  target: (request: FastifyRequest) => UploadTarget;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    upload?: UploadRoute;
  }
  interface FastifyRequest {
    uploadSlot: string | null;
  }
}

/** Uploads one person may have in flight at once (per server process). */
export const MAX_CONCURRENT_UPLOADS_PER_USER = 2;
/**
 * Uploads the whole process takes at once, whoever sends them: each is read to disk and then
 * parsed in a worker thread (up to 1 GB of heap for the largest kinds), so this bounds the
 * memory and disk a burst of uploads from many people can take.
 */
export const MAX_CONCURRENT_UPLOADS_PER_PROCESS = 8;

export interface UploadLimits {
  perUser: number;
  perProcess: number;
}
/** Body size for requests without a signed-in person (the sign-in form and API sign-in). */
export const MAX_ANONYMOUS_BODY_BYTES = 64 * 1024;
/** Room for a form's other fields and the multipart framing around the file. */
const FORM_OVERHEAD_BYTES = 256 * 1024;

const UPLOAD_TYPES = [
  'multipart/form-data',
  'application/octet-stream',
  'application/zip',
  'application/xml',
];

/** Passes at most `max` bytes, then fails with UPLOAD_TOO_LARGE. */
export function byteLimit(max: number): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _enc, done: TransformCallback) {
      seen += chunk.length;
      if (seen > max) done(new AppError('UPLOAD_TOO_LARGE'));
      else done(null, chunk);
    },
  });
}

function declaredLength(request: FastifyRequest): number | null {
  const v = request.headers['content-length'];
  return v !== undefined && /^\d+$/.test(v) ? Number(v) : null;
}

/** Streams a request body to an owner-only temporary file and reads it back; the file is removed. */
async function receive(stream: Readable, max: number): Promise<Buffer> {
  const dir = await mkdtemp(path.join(tmpdir(), 'triangulate-upload-')); // mode 0700
  try {
    const file = path.join(dir, 'body');
    await pipeline(stream, byteLimit(max), createWriteStream(file, { flags: 'wx', mode: 0o600 }));
    return await readFile(file);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export function registerUploads(
  app: FastifyInstance,
  deps: Pick<UseCaseContext, 'db'>,
  limits: Partial<UploadLimits> = {},
): void {
  const perUser = limits.perUser ?? MAX_CONCURRENT_UPLOADS_PER_USER;
  const perProcess = limits.perProcess ?? MAX_CONCURRENT_UPLOADS_PER_PROCESS;
  const inFlight = new Map<string, number>();
  let total = 0;
  const release = (request: FastifyRequest): void => {
    const owner = request.uploadSlot;
    if (!owner) return;
    request.uploadSlot = null;
    total -= 1;
    const n = (inFlight.get(owner) ?? 1) - 1;
    if (n <= 0) inFlight.delete(owner);
    else inFlight.set(owner, n);
  };
  app.decorateRequest('uploadSlot', null);

  // Upload bodies are handed on unread; other routes refuse these types outright.
  app.addContentTypeParser(UPLOAD_TYPES, (request, payload, done) => {
    if (!request.routeOptions.config.upload) done(new AppError('UNSUPPORTED_MEDIA_TYPE'));
    else done(null, payload);
  });

  // Without a signed-in person, bodies stay small whatever the route's own limit.
  app.addHook('preParsing', async (request, _reply, payload) => {
    if (request.actor || request.routeOptions.config.upload) return payload;
    const length = declaredLength(request);
    if (length !== null && length > MAX_ANONYMOUS_BODY_BYTES)
      throw new AppError('UPLOAD_TOO_LARGE');
    return payload.pipe(byteLimit(MAX_ANONYMOUS_BODY_BYTES));
  });

  app.addHook('preHandler', async (request) => {
    const upload = request.routeOptions.config.upload;
    if (!upload) return;
    const actor = requireActor(request);
    await checkUploadAllowed({ db: deps.db, actor }, upload.target(request));
    const max = upload.maxBytes + (upload.body === 'multipart' ? FORM_OVERHEAD_BYTES : 0);
    const length = declaredLength(request);
    if (length !== null && length > max) throw new AppError('UPLOAD_TOO_LARGE');
    const contentType = String(request.headers['content-type'] ?? '');
    const isMultipart = contentType.toLowerCase().startsWith('multipart/form-data');
    if (isMultipart !== (upload.body === 'multipart')) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
    if (!isMultipart) checkCsrf(request); // raw bodies carry the token in a header

    const owner = actor.kind === 'user' ? actor.userId : 'system';
    const count = inFlight.get(owner) ?? 0;
    if (count >= perUser) throw new AppError('UPLOADS_IN_PROGRESS');
    if (total >= perProcess) throw new AppError('SERVER_BUSY_WITH_UPLOADS');
    inFlight.set(owner, count + 1);
    total += 1;
    request.uploadSlot = owner;

    const stream = request.body as Readable | undefined;
    const bytes =
      stream && typeof stream.pipe === 'function' ? await receive(stream, max) : Buffer.alloc(0);
    if (isMultipart) {
      request.body = parseMultipart(bytes, contentType);
      checkCsrf(request);
      assertNoControlCharacters(request.body);
    } else request.body = bytes;
  });
  app.addHook('onResponse', async (request) => release(request));
  app.addHook('onRequestAbort', async (request) => release(request));
}

/** Route options for an HTML form that uploads a file into the activity named by `:id`. */
export function formUploadInto(
  kind: 'annex-a' | 'evidence' | 'evidence-file',
  maxBytes: number,
): { config: { upload: UploadRoute } } {
  return {
    config: {
      upload: {
        maxBytes,
        body: 'multipart',
        target: (request) => ({
          kind,
          activityId: String((request.params as { id?: unknown }).id ?? '').slice(0, 200),
        }),
      },
    },
  };
}
