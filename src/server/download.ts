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
