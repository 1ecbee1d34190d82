// Benchmarks: start-up time, page latency (PGlite and PostgreSQL), and HTTP responsiveness while
// a long query runs on the embedded database. Results are printed as Markdown for BENCHMARKS.md.
//   npm run bench -- [--only startup,latency,long-query,evidence,annex-a,analysis,workbench,corpus-compare,refi-profile,code-span-profile,export-profile,server-memory,evidence-paging] [--n 200] [--scale realistic|national] [--engine pglite|postgres|both]
//   npm run bench -- [--only startup,latency,long-query,evidence,annex-a,reports,judgements,auth] [--n 200] [--scale realistic|national]
//   npm run bench -- --only agreement [--n 10]
//   npm run bench -- --only programme
//   npm run bench -- --only offline-sync,fieldwork-progress --n 5 [--engine both] [--factors 1,4]
import { parseArgs } from 'node:util';
import { benchAgreement } from './agreement.js';
import { benchAnnexAImport } from './annex-a-import.js';
import { benchAttachments } from './attachments.js';
import { benchAuth } from './auth.js';
import { benchAnnexAProfile } from './annex-a-profile.js';
import { benchRefiProfile } from './refi-profile.js';
import { benchCodeSpanProfile } from './code-span-profile.js';
import { benchCodePaging } from './code-paging.js';
import { benchCorpusCompare } from './corpus-compare.js';
import { benchExportProfile } from './export-profile.js';
import { benchServerMemory } from './server-memory.js';
import { benchEvidence } from './evidence.js';
import { benchAnalysis } from './analysis.js';
import { benchEvidencePages } from './evidence-pages.js';
import { benchEvidencePaging } from './evidence-paging.js';
import { benchJudgements } from './judgements.js';
import { benchLatency } from './latency.js';
import { benchLongQuery } from './long-query.js';
import { benchReports } from './reports.js';
import { benchStartup } from './startup.js';
import { benchWorkbench } from './workbench.js';
import { benchRisk } from './risk.js';
import { benchResearchMatrix } from './research-matrix.js';
import { benchCorpusImport } from './corpus-import.js';
import { benchProgramme } from './programme.js';
import { benchOfflineSync } from './offline-sync.js';
import { benchFieldworkProgress } from './fieldwork-progress.js';

const { values } = parseArgs({
  options: {
    only: { type: 'string', default: 'startup,latency,long-query' },
    n: { type: 'string', default: '200' },
    scale: { type: 'string', default: 'realistic' },
    engine: { type: 'string', default: 'pglite' },
    factors: { type: 'string', default: '1,4' },
    sizes: { type: 'string', default: '100000,1000000' },
    postgres: {
      type: 'string',
      default: process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
    },
  },
});
const only = new Set(values.only.split(','));
const n = Number(values.n);
const scale = values.scale === 'national' ? 'national' : 'realistic';

const out: string[] = [
  `# Benchmark run ${new Date().toISOString()} (node ${process.version}, ${process.platform}/${process.arch})`,
  '',
];
if (only.has('startup')) out.push(...(await benchStartup()));
if (only.has('latency')) {
  out.push(...(await benchLatency({ engine: 'pglite', n, scale })));
  out.push(...(await benchLatency({ engine: 'postgres', n, scale, adminUrl: values.postgres })));
}
if (only.has('long-query')) out.push(...(await benchLongQuery()));
if (only.has('attachments')) {
  const k = Math.min(n, 10);
  out.push(...(await benchAttachments({ engine: 'pglite', n: k })));
  out.push(...(await benchAttachments({ engine: 'postgres', n: k, adminUrl: values.postgres })));
}
if (only.has('evidence')) {
  out.push(...(await benchEvidence({ engine: 'pglite', n })));
  out.push(...(await benchEvidence({ engine: 'postgres', n, adminUrl: values.postgres })));
}
if (only.has('annex-a')) out.push(...(await benchAnnexAImport({ adminUrl: values.postgres })));
if (only.has('annex-a-profile'))
  out.push(...(await benchAnnexAProfile({ adminUrl: values.postgres })));
if (only.has('analysis')) out.push(...(await benchAnalysis({ n, adminUrl: values.postgres })));
if (only.has('workbench')) {
  out.push(...(await benchWorkbench({ engine: 'pglite', n })));
  out.push(...(await benchWorkbench({ engine: 'postgres', n, adminUrl: values.postgres })));
}
if (only.has('evidence-pages')) {
  out.push(...(await benchEvidencePages({ engine: 'pglite', n })));
  out.push(...(await benchEvidencePages({ engine: 'postgres', n, adminUrl: values.postgres })));
}
if (only.has('evidence-paging'))
  for (const factor of values.factors.split(',').map(Number))
    for (const engine of ['pglite', 'postgres'] as const)
      if (values.engine === engine || values.engine === 'both')
        out.push(...(await benchEvidencePaging({ engine, n, factor, adminUrl: values.postgres })));
if (only.has('reports')) out.push(...(await benchReports(Math.min(n, 50))));
if (only.has('judgements')) {
  out.push(...(await benchJudgements({ engine: 'pglite', n })));
  out.push(...(await benchJudgements({ engine: 'postgres', n, adminUrl: values.postgres })));
}
if (only.has('corpus-compare')) {
  const factors = values.factors.split(',').map(Number);
  for (const engine of ['pglite', 'postgres'] as const)
    if (values.engine === engine || values.engine === 'both')
      out.push(...(await benchCorpusCompare({ engine, adminUrl: values.postgres, factors })));
}
if (only.has('export-profile'))
  for (const engine of ['pglite', 'postgres'] as const)
    if (values.engine === engine || values.engine === 'both')
      out.push(
        ...(await benchExportProfile({ engine, n: Math.min(n, 10), adminUrl: values.postgres })),
      );
if (only.has('refi-profile'))
  for (const engine of ['pglite', 'postgres'] as const)
    if (values.engine === engine || values.engine === 'both')
      out.push(
        ...(await benchRefiProfile({
          engine,
          factors: values.factors.split(',').map(Number),
          adminUrl: values.postgres,
        })),
      );
if (only.has('code-paging'))
  out.push(
    ...(await benchCodePaging({
      factors: values.factors.split(',').map(Number),
      n: Math.min(n, 20),
    })),
  );
if (only.has('code-span-profile'))
  for (const engine of ['pglite', 'postgres'] as const)
    if (values.engine === engine || values.engine === 'both')
      out.push(...(await benchCodeSpanProfile({ engine, n, adminUrl: values.postgres })));
if (only.has('server-memory'))
  out.push(...(await benchServerMemory({ factors: values.factors.split(',').map(Number) })));
if (only.has('research-matrix'))
  out.push(
    ...(await benchResearchMatrix({
      n: Math.min(n, 50),
      sizes: values.sizes.split(',').map(Number),
      adminUrl: values.postgres,
    })),
  );
if (only.has('corpus-import'))
  out.push(
    ...(await benchCorpusImport({
      engines:
        values.engine === 'both'
          ? ['pglite', 'postgres']
          : [values.engine as 'pglite' | 'postgres'],
      adminUrl: values.postgres,
    })),
  );
if (only.has('risk')) {
  out.push(...(await benchRisk({ engine: 'pglite', n })));
  out.push(...(await benchRisk({ engine: 'postgres', n, adminUrl: values.postgres })));
}
if (only.has('auth')) out.push(...(await benchAuth(Math.min(n, 50))));
if (only.has('agreement')) out.push(...benchAgreement(Math.min(n, 20)));
if (only.has('programme')) out.push(...(await benchProgramme()));
if (only.has('offline-sync'))
  for (const engine of ['postgres', 'pglite'] as const)
    if (values.engine === engine || values.engine === 'both')
      out.push(
        ...(await benchOfflineSync({ engine, reps: Math.min(n, 10), adminUrl: values.postgres })),
      );
if (only.has('fieldwork-progress'))
  for (const factor of values.factors.split(',').map(Number))
    for (const engine of ['postgres', 'pglite'] as const)
      if (values.engine === engine || values.engine === 'both')
        out.push(
          ...(await benchFieldworkProgress({ engine, n, factor, adminUrl: values.postgres })),
        );
process.stdout.write(`${out.join('\n')}\n`);
