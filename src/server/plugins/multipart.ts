// A small multipart/form-data parser for file uploads (plain HTML forms, no JavaScript needed).
// plugins/uploads.ts streams an upload route's body to disk after the access check, reads it back
// and splits it here into text fields (top level, so the CSRF check sees `_csrf`) and files
// (under `_files`). Routes take uploads with `formUploadInto(...)`; no other route reads
// multipart bodies.
import type { FastifyInstance } from 'fastify';
import { AppError } from '../../errors.js';

export interface UploadedFile {
  field: string;
  fileName: string;
  contentType: string;
  data: Buffer;
}

export type MultipartBody = Record<string, string> & {
  _files?: UploadedFile[];
  /** Every value of each text field, for fields that repeat (checkboxes). */
  _lists?: Record<string, string[]>;
};

const MAX_PARTS = 20;
const MAX_FIELD_BYTES = 100 * 1024;

function param(header: string, name: string): string | undefined {
  const m = new RegExp(`${name}\\*?=(?:"([^"]*)"|([^;\\s]*))`, 'i').exec(header);
  return m ? (m[1] ?? m[2]) : undefined;
}

export function parseMultipart(body: Buffer, contentType: string): MultipartBody {
  const boundary = param(contentType, 'boundary');
  if (!boundary) throw new AppError('VALIDATION_FAILED', { message: 'The upload is not valid.' });
  const delim = Buffer.from(`--${boundary}`);
  const out: MultipartBody = {} as MultipartBody;
  const files: UploadedFile[] = [];
  const lists: Record<string, string[]> = {};
  let pos = body.indexOf(delim);
  let parts = 0;
  while (pos >= 0) {
    let start = pos + delim.length;
    if (body[start] === 45 && body[start + 1] === 45) break; // closing --boundary--
    if (body[start] === 13 && body[start + 1] === 10) start += 2;
    const next = body.indexOf(delim, start);
    if (next < 0) break;
    if (++parts > MAX_PARTS)
      throw new AppError('VALIDATION_FAILED', { message: 'The upload has too many parts.' });
    const part = body.subarray(start, next - 2);
    const headerEnd = part.indexOf('\r\n\r\n');
    if (headerEnd < 0) break;
    const headers = part.subarray(0, headerEnd).toString('utf8');
    const data = part.subarray(headerEnd + 4);
    const disposition = /content-disposition:([^\r\n]*)/i.exec(headers)?.[1] ?? '';
    const name = param(disposition, 'name') ?? '';
    const fileName = param(disposition, 'filename');
    if (fileName !== undefined) {
      if (fileName !== '' || data.length > 0)
        files.push({
          field: name,
          fileName: fileName.replace(/^.*[\\/]/, '').slice(0, 255),
          contentType: /content-type:\s*([^\r\n]*)/i.exec(headers)?.[1]?.trim() ?? '',
          data: Buffer.from(data),
        });
    } else if (name && name !== '_files' && name !== '_lists') {
      if (data.length > MAX_FIELD_BYTES)
        throw new AppError('VALIDATION_FAILED', { message: 'A form field is too long.' });
      out[name] = data.toString('utf8');
      (lists[name] ??= []).push(out[name]);
    }
    pos = next;
  }
  out._files = files;
  out._lists = lists;
  return out;
}

/** Kept for route modules that call it: plugins/uploads.ts has already taken multipart bodies. */
export function registerMultipart(app: FastifyInstance): void {
  if (app.hasContentTypeParser('multipart/form-data')) return;
  app.addContentTypeParser('multipart/form-data', { parseAs: 'buffer' }, (request, body, done) => {
    try {
      done(null, parseMultipart(body as Buffer, String(request.headers['content-type'] ?? '')));
    } catch (err) {
      done(err as Error, undefined);
    }
  });
}
