// `triangulate evidence attach` and `triangulate attachments list|download`, as real runs of the
// built CLI on an embedded database in a temporary folder, with a tiny script as the scanner.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { testEngine } from '../helpers/database.js';

describe.runIf(testEngine() === 'pglite')('triangulate evidence attach / attachments', () => {
  it('attaches (scanned), refuses what the scanner refuses, lists and downloads', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'attachments-cli-'));
    try {
      const scanner = path.join(dir, 'scan.sh');
      writeFileSync(
        scanner,
        '#!/bin/sh\nif grep -q EICAR "$1"; then echo "Eicar-Test-Signature FOUND"; exit 1; fi\nexit 0\n',
      );
      chmodSync(scanner, 0o755);
      const env: NodeJS.ProcessEnv = {
        ...process.env,
        TRIANGULATE_DATA_DIR: path.join(dir, 'data'),
        TRIANGULATE_SCAN_COMMAND: `sh ${scanner}`,
      };
      delete env.DATABASE_URL;
      const run = (...args: string[]) =>
        spawnSync(process.execPath, ['bin/triangulate.js', ...args], {
          env,
          encoding: 'utf8',
          timeout: 240_000,
        });
      expect(run('demo', 'seed').status).toBe(0);
      const listed = run('activities', 'list', '--state', 'on_site', '--json');
      const activity = (JSON.parse(listed.stdout) as { id: string }[])[0]!.id;

      const pdf = path.join(dir, 'minutes.pdf');
      writeFileSync(pdf, '%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF\n');
      const attached = run(
        'evidence',
        'attach',
        '--activity',
        activity,
        '--evidence',
        'E1',
        '--file',
        pdf,
        '--json',
      );
      expect(attached.status, attached.stderr).toBe(0);
      const a = JSON.parse(attached.stdout) as { id: string; scan: { status: string } };
      expect(a.scan.status).toBe('clean');

      const eicar = path.join(dir, 'eicar.txt');
      writeFileSync(eicar, 'X5O!P%@AP EICAR-STANDARD-ANTIVIRUS-TEST-FILE');
      const refused = run(
        'evidence',
        'attach',
        '--activity',
        activity,
        '--evidence',
        'E1',
        '--file',
        eicar,
      );
      expect(refused.status).toBe(1);
      expect(refused.stderr).toContain('ATTACHMENT_REFUSED');
      expect(refused.stderr).toContain('eicar.txt was not kept: the virus scanner refused it');

      const list = run('attachments', 'list', '--activity', activity);
      expect(list.status, list.stderr).toBe(0);
      expect(list.stdout).toContain('minutes.pdf');
      expect(list.stdout).toContain('virus-scanned');

      const out = path.join(dir, 'copy.pdf');
      const dl = run('attachments', 'download', '--activity', activity, '--id', a.id, '--out', out);
      expect(dl.status, dl.stderr).toBe(0);
      expect(readFileSync(out, 'utf8')).toBe(readFileSync(pdf, 'utf8'));
      expect(statSync(out).mode & 0o777).toBe(0o600);
      const again = run(
        'attachments',
        'download',
        '--activity',
        activity,
        '--id',
        a.id,
        '--out',
        out,
      );
      expect(again.status).toBe(2);
      expect(again.stderr).toContain('already there');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 600_000);
});
