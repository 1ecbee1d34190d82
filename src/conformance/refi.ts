// REFI-QDA 1.5 exchange against the real schemas and files in ../shared/reference/refi: exports
// validate with xmllint against Project.xsd and Codebook.xsd; the project's own structural checker
// (used by `npm test`) gives the same verdict as xmllint on the exports, on the fixtures and on
// deliberately broken variants; the ATLAS.ti sample imports; the non-UUID sample is refused
// whole (and imports when repair is asked for); an export re-imports with the same counts; the
// ATLAS.ti sample, imported and exported again, loses no element (compared one by one).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { openDatabase } from '../data/database.js';
import { migrateToLatest } from '../data/migrate.js';
import { systemActor } from '../domain/access/actor.js';
import { loadActivityTypeCatalog } from '../domain/frameworks/catalog.js';
import { compareProjects, comparedQdpx } from '../domain/refi/compare.js';
import { validateCodebook, validateProject } from '../domain/refi/validate.js';
import { parseXmlTree } from '../domain/refi/xml-tree.js';
import { isAppError } from '../errors.js';
import { countStoredRecords } from '../usecases/audit/count-stored-records.js';
import { createActivity } from '../usecases/activities/create-activity.js';
import type { UseCaseContext } from '../usecases/context.js';
import { exportCodebook } from '../usecases/refi/export-codebook.js';
import { exportProject } from '../usecases/refi/export-project.js';
import { importRefi } from '../usecases/refi/import-refi.js';
import { seedRefiSample } from './refi-sample.js';
import { loadLaReference } from '../usecases/las/load-la-reference.js';
import { conformanceRegister } from './la-register.js';
import type { ConformanceCheck, ConformanceResult } from './types.js';

function xmllint(xsd: string, file: string): { ok: boolean; output: string } | null {
  const r = spawnSync('xmllint', ['--noout', '--nonet', '--schema', xsd, file], {
    encoding: 'utf8',
  });
  if (r.error) return null;
  return { ok: r.status === 0, output: `${r.stderr}`.trim() };
}

/** Broken variants of a valid project.qde: each must fail both validators. */
const MUTATIONS: Array<[string, (xml: string) => string]> = [
  ['a GUID that is not a UUID', (x) => x.replace(/<Code guid="[^"]+"/, '<Code guid="c-joy"')],
  ['a missing isCodable', (x) => x.replace(/ isCodable="(true|false)"/, '')],
  ['an empty <Sets/>', (x) => x.replace('</Project>', '<Sets/></Project>')],
  [
    'CodeBook after Sources',
    (x) => x.replace(/(<CodeBook>[\s\S]*<\/CodeBook>\n)([\s\S]*<\/Sources>\n)/, '$2$1'),
  ],
  ['a selection without endPosition', (x) => x.replace(/ endPosition="\d+"/, '')],
  ['a colour that is not #RRGGBB', (x) => x.replace(/ color="#[0-9a-f]{6}"/, ' color="red"')],
  ['an unknown element', (x) => x.replace('</Project>', '<Extra/></Project>')],
  ['a Coding without CodeRef', (x) => x.replace(/<CodeRef targetGUID="[^"]+"\/>/, '')],
  [
    'a BooleanValue that is not a boolean',
    (x) =>
      x.replace(/<BooleanValue>(true|false)<\/BooleanValue>/, '<BooleanValue>yes</BooleanValue>'),
  ],
  ['the wrong namespace', (x) => x.replace('urn:QDA-XML:project:1.0', 'urn:QDA-XML:project:1:0')],
];

export const checkRefiExchange: ConformanceCheck = async (referenceDir) => {
  const result: ConformanceResult = {
    name: 'REFI-QDA exchange (QDPX/QDC)',
    passed: true,
    summary: [],
    failures: [],
  };
  const fail = (msg: string) => {
    result.passed = false;
    result.failures.push(msg);
  };
  const refi = path.join(referenceDir, 'refi');
  const projectXsd = path.join(refi, 'Project.xsd');
  const codebookXsd = path.join(refi, 'Codebook.xsd');
  const work = mkdtempSync(path.join(tmpdir(), 'triangulate-refi-'));
  const database = await openDatabase({ databaseUrl: undefined, dataDir: '' }, { inMemory: true });
  try {
    if (!xmllint(projectXsd, projectXsd)) {
      fail(
        'xmllint is not installed (Debian: apt-get install libxml2-utils); exports were not validated against the XSDs',
      );
      return result;
    }
    await migrateToLatest(database.db);
    const ctx: UseCaseContext = {
      db: database.db,
      actor: systemActor('conformance'),
      catalog: loadActivityTypeCatalog(),
    };
    await loadLaReference(ctx, {
      reference: conformanceRegister('refi-la', 'REFI Borough', 'E09999999', null, 'London'),
    });
    const activity = await createActivity(ctx, {
      laId: 'refi-la',
      activityType: 'standard_inspection',
      plannedStart: '2026-01-12',
    });
    await seedRefiSample(ctx, activity);

    // 1. Exports validate against the real XSDs, and the structural checker agrees.
    const project = await exportProject(ctx, { activityId: activity.id });
    const files = unzipSync(project.bytes);
    const qdeXml = strFromU8(files['project.qde']!);
    const qde = path.join(work, 'project.qde');
    writeFileSync(qde, qdeXml);
    const codebook = await exportCodebook(ctx, { activityId: activity.id });
    const qdc = path.join(work, 'codebook.qdc');
    writeFileSync(qdc, codebook.bytes);
    for (const [label, xsd, file, own] of [
      ['project.qde', projectXsd, qde, validateProject(parseXmlTree(qdeXml, 'project.qde'))],
      [
        'codebook.qdc',
        codebookXsd,
        qdc,
        validateCodebook(parseXmlTree(readFileSync(qdc, 'utf8'), 'codebook.qdc')),
      ],
    ] as const) {
      const lint = xmllint(xsd, file)!;
      result.summary.push(
        `export ${label}: xmllint ${lint.ok ? 'valid' : 'INVALID'}; own checker ${own.length === 0 ? 'valid' : `${own.length} problem(s)`}`,
      );
      if (!lint.ok)
        fail(`${label} does not validate against ${path.basename(xsd)}: ${lint.output}`);
      if (own.length > 0) fail(`${label}: the structural checker reports ${own[0]!.reason}`);
    }
    result.summary.push(
      `export counts: ${JSON.stringify(project.counts)}; ${Object.keys(files).length} files in the archive`,
    );

    // 2. The structural checker gives xmllint's verdict on broken variants.
    let agreed = 0;
    for (const [what, mutate] of MUTATIONS) {
      const broken = mutate(qdeXml);
      if (broken === qdeXml) {
        fail(`mutation "${what}" did not change the export`);
        continue;
      }
      const file = path.join(work, 'mutated.qde');
      writeFileSync(file, broken);
      const lint = xmllint(projectXsd, file)!;
      const own = validateProject(parseXmlTree(broken, 'mutated.qde'));
      if (lint.ok || own.length === 0)
        fail(
          `mutation "${what}": xmllint ${lint.ok ? 'accepts' : 'refuses'} it, the structural checker ${own.length === 0 ? 'accepts' : 'refuses'} it`,
        );
      else agreed++;
    }
    result.summary.push(
      `structural checker agrees with xmllint on ${agreed}/${MUTATIONS.length} broken variants`,
    );

    // 3. The shared fixtures: the schema verdicts, then importing them.
    const count = async () =>
      Object.values(await countStoredRecords(ctx)).reduce((a, b) => a + b, 0);
    for (const [name, shouldValidate] of [
      ['atlasti-standard-TestProject.qdpx', true],
      ['invalid-nonuuid-guids.qdpx', false],
    ] as const) {
      const bytes = new Uint8Array(readFileSync(path.join(refi, 'fixtures', name)));
      const entries = unzipSync(bytes);
      const qdeName = Object.keys(entries).find((n) => /\.qde$/i.test(n))!;
      const xml = strFromU8(entries[qdeName]!);
      const file = path.join(work, 'fixture.qde');
      writeFileSync(file, xml);
      const lint = xmllint(projectXsd, file)!;
      const own = validateProject(parseXmlTree(xml, qdeName));
      result.summary.push(
        `${name}: xmllint ${lint.ok ? 'valid' : 'invalid'}, structural checker ${own.length === 0 ? 'valid' : `${own.length} problem(s)`}`,
      );
      if (lint.ok !== shouldValidate || (own.length === 0) !== shouldValidate)
        fail(`${name}: expected ${shouldValidate ? 'valid' : 'invalid'} from both validators`);
      const before = await count();
      try {
        // The sample's archive holds project.qde alone (no source files): refused whole, and
        // imported without those sources (each listed) only when asked.
        const rowsBefore = await count();
        const whole = await importRefi(ctx, {
          fileName: name,
          bytes,
          newActivity: { laId: 'refi-la', plannedStart: '2026-02-02' },
        }).then(
          () => null,
          (e: unknown) => e,
        );
        if (shouldValidate) {
          if (!isAppError(whole) || !/is not in the archive/.test(whole.message))
            fail(`${name}: a project without its source files must be refused whole`);
          else result.summary.push(`  refused whole: ${whole.message.slice(0, 200)}…`);
          if ((await count()) !== rowsBefore) fail(`${name}: the refused import left rows behind`);
        }
        const r = await importRefi(ctx, {
          fileName: name,
          bytes,
          skipMissingSources: true,
          newActivity: { laId: 'refi-la', plannedStart: '2026-02-02' },
        });
        if (!shouldValidate) fail(`${name} was imported; it must be refused`);
        result.summary.push(
          `  with --skip-missing-sources: ${r.report.notImported.length} source(s) left out and listed (${r.report.notImported
            .slice(0, 2)
            .map((n) => `<${n.element} guid="${n.guid}">`)
            .join(', ')}…)`,
        );
        result.summary.push(
          `  imported into ${r.activityId}: ${JSON.stringify({ ...r.counts, alreadyPresent: undefined })}`,
        );
        result.summary.push(
          `  repairs: ${r.report.repairs.length}; not imported: ${r.report.skipped.map((s) => `${s.count} ${s.what}`).join('; ') || 'nothing'}; warnings: ${r.report.warnings.length}`,
        );
        // The vendor's project and its re-export, element by element: any loss fails.
        const again = await exportProject(ctx, { activityId: r.activityId });
        const losses = compareProjects(
          comparedQdpx(bytes, name),
          comparedQdpx(again.bytes),
          new Set(r.report.notImported.map((n) => n.guid)),
        );
        const againXml = strFromU8(unzipSync(again.bytes)['project.qde']!);
        const againFile = path.join(work, 'reexport.qde');
        writeFileSync(againFile, againXml);
        const againLint = xmllint(projectXsd, againFile)!;
        result.summary.push(
          `  round trip (import, export): ${losses.length} element(s) lost or changed; re-export ${againLint.ok ? 'valid' : 'INVALID'} against Project.xsd`,
        );
        for (const l of losses.slice(0, 20))
          fail(`${name} round trip: <${l.element} guid="${l.guid}"> ${l.what}`);
        if (!againLint.ok) fail(`${name} re-export does not validate: ${againLint.output}`);
      } catch (err) {
        if (shouldValidate || !isAppError(err) || err.code !== 'IMPORT_INVALID') {
          fail(`${name}: ${err instanceof Error ? err.message : String(err)}`);
          continue;
        }
        result.summary.push(`  refused: ${err.message.slice(0, 220)}`);
        if (!/<Code guid="c-emotions" name="Emotions">/.test(err.message))
          fail(`${name}: the message does not name the element`);
        if ((await count()) !== before) fail(`${name}: the refused import left rows behind`);
        const repaired = await importRefi(ctx, {
          fileName: name,
          bytes,
          repairGuids: true,
          newActivity: { laId: 'refi-la', plannedStart: '2026-02-02' },
        });
        result.summary.push(
          `  with --repair-guids: ${repaired.counts.evidence} evidence, ${repaired.counts.codes} codes, ${repaired.counts.codings} codings, ${repaired.counts.memos} memos; ${repaired.report.repairs.length} repair line(s)`,
        );
      }
    }

    // 4. Our export re-imports with the same numbers.
    const back = await importRefi(ctx, {
      fileName: project.fileName,
      bytes: project.bytes,
      newActivity: { laId: 'refi-la', plannedStart: '2026-03-02' },
    });
    result.summary.push(
      `re-import of the export: ${back.counts.evidence} evidence, ${back.counts.codings} codings, ${back.counts.cases} cases, ${back.counts.memos} memos`,
    );
    if (
      back.counts.evidence !== project.counts.sources ||
      back.counts.codings !== project.counts.codings ||
      back.counts.memos !== project.counts.notes
    )
      fail(`re-import counts differ from the export's (${JSON.stringify(project.counts)})`);
  } catch (err) {
    fail(`unexpected error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  } finally {
    await database.close();
    rmSync(work, { recursive: true, force: true });
  }
  return result;
};
