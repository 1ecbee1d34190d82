// `triangulate qdpx import FILE` without --activity: a new activity, for the register's only
// local authority unless --la says which; a clear refusal when the register is empty or holds
// several. Errors go to standard error (JSON with --json), results to standard output.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../src/domain/access/actor.js';
import { importRefi } from '../../src/usecases/refi/import-refi.js';
import { createTestDatabase, testEngine, type TestDatabase } from '../helpers/database.js';
import { contextFor } from '../helpers/evidence.js';
import { insertLa } from '../helpers/fixtures.js';
import { vendorQdpx, vendorStyles } from '../helpers/refi-vendors.js';

let t: TestDatabase;
const ctx = () => contextFor(t.db, systemActor('test'));
const file = () => vendorQdpx(vendorStyles.find((s) => s.vendor === 'QualCoder 1.3')!);

beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t.destroy());

describe('importing into a new activity without naming the local authority', () => {
  it('says the register is not loaded yet when it is empty, and changes nothing', async () => {
    await expect(
      importRefi(ctx(), { fileName: 'p.qdpx', bytes: file(), newActivity: {} }),
    ).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      message: expect.stringMatching(/register is not loaded yet.*triangulate la load/),
    });
    const n = await t.db
      .selectFrom('activities')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirst();
    expect(Number(n?.n)).toBe(0);
  });

  it('uses the only local authority of the register', async () => {
    await insertLa(t.db, 'only-la', 'London');
    const r = await importRefi(ctx(), { fileName: 'p.qdpx', bytes: file(), newActivity: {} });
    expect(r).toMatchObject({ activityCreated: true, counts: { evidence: 2, codings: 3 } });
  });

  it('asks which one when the register holds several', async () => {
    await insertLa(t.db, 'other-la', 'London');
    await expect(
      importRefi(ctx(), { fileName: 'p.qdpx', bytes: file(), newActivity: {} }),
    ).rejects.toMatchObject({ message: expect.stringMatching(/--la ID/) });
  });
});

// One real run of the command (embedded database in a temporary folder; built CLI).
describe.runIf(testEngine() === 'pglite')('the command', () => {
  it('prints the result as JSON on stdout and a refusal as JSON on stderr', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'refi-cli-'));
    try {
      const qdpx = path.join(dir, 'board.qdpx');
      writeFileSync(qdpx, file());
      const env: NodeJS.ProcessEnv = {
        ...process.env,
        TRIANGULATE_DATA_DIR: path.join(dir, 'data'),
      };
      delete env.DATABASE_URL;
      const run = (...args: string[]) =>
        spawnSync(process.execPath, ['bin/triangulate.js', ...args], {
          env,
          encoding: 'utf8',
          timeout: 120_000,
        });
      const refused = run('qdpx', 'import', qdpx, '--json');
      expect(refused.status).toBe(2);
      expect(refused.stdout).toBe('');
      expect(JSON.parse(refused.stderr)).toMatchObject({
        error: { code: 'VALIDATION_FAILED', message: expect.stringMatching(/not loaded yet/) },
      });
      expect(run('la', 'load', '--json').status).toBe(0);
      const ok = run('qdpx', 'import', qdpx, '--la', 'leeds', '--json');
      expect(ok.stderr).toBe('');
      expect(ok.status).toBe(0);
      expect(JSON.parse(ok.stdout)).toMatchObject({
        activityCreated: true,
        counts: { evidence: 2 },
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000);
});
