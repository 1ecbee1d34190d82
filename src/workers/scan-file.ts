// The virus-scan hook: an operator-configured command (TRIANGULATE_SCAN_COMMAND, for example
// `clamdscan --no-summary --fdpass`) run on the file in an owner-only temporary folder. The command
// is split on spaces and run without a shell, with the file's path as its last argument. Its exit
// code decides, as ClamAV's scanners report it: 0 clean, 1 a virus found; anything else (the
// scanner failed, timed out or could not start) refuses the file too: an unscanned file is never
// kept as scanned. With no command configured, files are kept and marked "not scanned".
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ScanSettings } from '../domain/files/attachment-check.js';

export type ScanOutcome =
  | { status: 'clean'; detail: string }
  | { status: 'not_scanned'; detail: string }
  | { status: 'infected'; detail: string }
  | { status: 'failed'; detail: string };

function run(
  argv: string[],
  timeoutMs: number,
): Promise<{ code: number | null; output: string; error: string | null }> {
  const [file = '', ...args] = argv;
  return new Promise((resolve) => {
    execFile(
      file,
      args,
      { timeout: timeoutMs, maxBuffer: 64 * 1024, windowsHide: true },
      (err, stdout, stderr) => {
        const output = `${stdout}${stderr}`.trim().slice(0, 500);
        if (!err) return resolve({ code: 0, output, error: null });
        const e = err as NodeJS.ErrnoException & { code?: number | string; killed?: boolean };
        if (typeof e.code === 'number') return resolve({ code: e.code, output, error: null });
        const why = e.killed ? `it did not finish within ${timeoutMs / 1000} s` : String(e.code);
        resolve({ code: null, output, error: why });
      },
    );
  });
}

/** Scans the bytes with the configured command (or says they were not scanned). */
export async function scanFile(settings: ScanSettings, bytes: Uint8Array): Promise<ScanOutcome> {
  const argv = (settings.command ?? '').split(/\s+/).filter(Boolean);
  if (argv.length === 0) return { status: 'not_scanned', detail: 'No virus scanner is configured' };
  const dir = await mkdtemp(path.join(tmpdir(), 'triangulate-scan-')); // mode 0700
  try {
    const file = path.join(dir, 'upload');
    await writeFile(file, bytes, { mode: 0o600, flag: 'wx' });
    const r = await run([...argv, file], settings.timeoutMs);
    const said = r.output.replaceAll(file, 'the file');
    if (r.code === 0) return { status: 'clean', detail: said || 'No threat found' };
    if (r.code === 1) return { status: 'infected', detail: said || 'The scanner found a threat' };
    return {
      status: 'failed',
      detail: r.error
        ? `The virus scanner could not run: ${r.error}`
        : `The virus scanner failed (exit code ${r.code})${said ? `: ${said}` : ''}`,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
