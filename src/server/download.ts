// A file download: its type, its name (as an attachment) and no caching (exports hold case data).
import type { FastifyReply } from 'fastify';

/** Sets a download's headers; the caller returns the body. */
export function downloadHeaders(reply: FastifyReply, fileName: string, contentType: string): void {
  void reply
    .header('content-type', contentType)
    .header('content-disposition', `attachment; filename="${fileName}"`)
    .header('cache-control', 'no-store');
}

/** A whole file made by a use case, as the body to return. */
export function sendDownload(
  reply: FastifyReply,
  file: { fileName: string; contentType: string; bytes: Uint8Array },
): Buffer {
  downloadHeaders(reply, file.fileName, file.contentType);
  return Buffer.from(file.bytes);
}

/**
 * Content-Disposition for a name people chose: an ASCII fallback (quotes, backslashes and
 * anything outside printable ASCII replaced) and the exact name in RFC 5987 form.
 */
export function dispositionFor(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\%;]/g, '_');
  const exact = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${exact}`;
}

/**
 * A kept attachment, always as a download: never shown inline, never sniffed, never cached.
 * Text is sent as such with no charset claimed (the bytes are the sender's, as they were).
 */
export function sendAttachment(
  reply: FastifyReply,
  file: { fileName: string; contentType: string; bytes: Uint8Array; sha256: string },
): Buffer {
  void reply
    .header('content-type', file.contentType)
    .header('content-disposition', dispositionFor(file.fileName))
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'no-store')
    .header('content-security-policy', "default-src 'none'; sandbox")
    .header('digest', `sha-256=${Buffer.from(file.sha256, 'hex').toString('base64')}`);
  return Buffer.from(file.bytes);
}
