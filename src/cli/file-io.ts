// Reading a file to upload and writing a downloaded one, for every CLI command that does either:
// an unreadable input or an existing output names the option, the path and the reason.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { sizeText } from '../domain/files/attachment-check.js';
import { AppError } from '../errors.js';
import { output } from './runtime.js';

function problem(field: string, value: string, reason: string): AppError {
  return new AppError('VALIDATION_FAILED', { details: [{ field, value, reason }] });
}

/** The bytes of the file given with --file. */
export async function readInputFile(file: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(file));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? String(err);
    throw problem('--file', file, `Cannot read the file (${code})`);
  }
}

/** Writes a downloaded file (--out, else its own name here), never over an existing one. */
export async function writeDownloadedFile(
  opts: { out?: string | undefined; json?: boolean | undefined },
  file: { fileName: string; bytes: Uint8Array; sha256: string },
): Promise<void> {
  const target = opts.out ?? path.join(process.cwd(), file.fileName);
  // Never overwrite: an existing file of that name is an error, not a loss.
  await writeFile(target, file.bytes, { flag: 'wx', mode: 0o600 }).catch((err) => {
    const code = (err as NodeJS.ErrnoException).code ?? String(err);
    throw problem(
      '--out',
      target,
      code === 'EEXIST'
        ? 'A file of that name is already there: choose another with --out'
        : `Cannot write the file (${code})`,
    );
  });
  output(
    opts.json,
    { path: target, sizeBytes: file.bytes.length, sha256: file.sha256 },
    () => `Wrote ${target} (${sizeText(file.bytes.length)}, sha256 ${file.sha256}).`,
  );
}
