// A study's results as a REFI-QDA project (QDPX), through the same writer as the evidence base
// export: each query row is a code; each pseudonymised passage behind a row (only rows at or over
// the suppression threshold) is a text source coded with every row it falls under; each
// inspection pseudonym is a case; the study's question and memos are notes. No name, reference or
// LA identity goes in that the pages would not show. The study's own codings (researchers coding
// records with thematic codes) go on the coded records as sources, at their offsets.
import { uuidV5 } from '../refi/guid.js';
import type { RefiCase, RefiCode, RefiNote, RefiProject, RefiTextSource } from '../refi/model.js';
import { buildQdpx } from '../refi/package.js';
import { writeProject } from '../refi/write-project.js';
import type { ResearchPassage } from './query.js';

export interface StudyQdpxInput {
  study: { id: string; title: string; question: string };
  /** Each row with its passages (empty when the row was suppressed). */
  rows: Array<{ key: string; label: string; passages: ResearchPassage[]; suppressed: boolean }>;
  memos: Array<{ author: string; body: string; at: string }>;
  /** Records coded in the study (pseudonymised text) with their thematic codings. */
  coded?: StudyCodedRecord[];
  at: string;
}

export interface StudyCodedRecord {
  record: string;
  /** What the source is, when not a pseudonymised record (a published report). */
  description?: string;
  inspection: string;
  la: string | null;
  method: string;
  text: string;
  codings: Array<{
    id: string;
    themeKey: string;
    themeName: string;
    start: number;
    end: number;
    coder: string;
    at: string;
  }>;
}

/** The case name prefix of published reports' sources (reports are public: named by their LA). */
export const PUBLISHED_REPORTS = 'Published reports';

export function studyProject(input: StudyQdpxInput): RefiProject {
  const ns = (what: string) => uuidV5(`research-study:${input.study.id}:${what}`);
  const user = { guid: ns('user'), name: 'Triangulate research store' };
  const codes: RefiCode[] = input.rows.map((r) => ({
    guid: ns(`code:${r.key}`),
    name: r.label,
    isCodable: true,
    color: null,
    description: r.suppressed
      ? 'Fewer evidence records than the suppression threshold: no passages exported.'
      : null,
    noteRefs: [],
    children: [],
  }));
  const sources = new Map<string, RefiTextSource>();
  const byInspection = new Map<string, Set<string>>();
  input.rows.forEach((r, i) => {
    for (const p of r.passages) {
      const key = `${p.inspection}\u0000${p.method}\u0000${p.text}`;
      let s = sources.get(key);
      if (!s) {
        const n = sources.size + 1;
        s = {
          guid: ns(`source:${key}`),
          name: `${p.la ?? p.inspection}, passage ${n}`,
          description: `${p.inspection}; ${p.method}; pseudonymised (${p.replaced} replaced)`,
          text: p.text,
          selections: [],
          codings: [],
          noteRefs: [],
          variableValues: [],
          creatingUser: user.guid,
          creationDateTime: input.at,
        };
        sources.set(key, s);
        const list = byInspection.get(p.inspection) ?? new Set<string>();
        byInspection.set(p.inspection, list.add(s.guid));
      }
      const end = [...p.text].length;
      if (!s.selections.some((x) => x.codings.some((c) => c.codeGuid === codes[i]!.guid)))
        s.selections.push({
          guid: ns(`selection:${key}:${r.key}`),
          name: null,
          start: 0,
          end,
          description: null,
          codings: [
            {
              guid: ns(`coding:${key}:${r.key}`),
              codeGuid: codes[i]!.guid,
              creatingUser: user.guid,
              creationDateTime: input.at,
              noteRefs: [],
            },
          ],
          noteRefs: [],
          creatingUser: user.guid,
          creationDateTime: input.at,
        });
    }
  });
  addStudyCodings(input, ns, user.guid, codes, sources, byInspection);
  const cases: RefiCase[] = [...byInspection].map(([name, refs]) => ({
    guid: ns(`case:${name}`),
    name,
    description: name.startsWith(PUBLISHED_REPORTS)
      ? 'Published reports of one local authority, coded in this study'
      : 'A published inspection, by its pseudonym in this export',
    variableValues: [],
    sourceRefs: [...refs],
    selectionRefs: [],
    codeRefs: [],
  }));
  const notes: RefiNote[] = [
    {
      guid: ns('question'),
      name: 'Question',
      description: null,
      text: input.study.question || input.study.title,
      creatingUser: user.guid,
      creationDateTime: input.at,
    },
    ...input.memos.map((m, i) => ({
      guid: ns(`memo:${i}`),
      name: `Memo by ${m.author}`,
      description: null,
      text: m.body,
      creatingUser: user.guid,
      creationDateTime: m.at,
    })),
  ];
  return {
    name: input.study.title,
    origin: 'Triangulate research store',
    creationDateTime: input.at,
    modifiedDateTime: input.at,
    users: [user],
    codes,
    variables: [],
    cases,
    sources: [...sources.values()],
    notes,
    links: [],
    description: `Study results, pseudonymised: ${input.study.title}`,
    noteRefs: notes.map((n) => n.guid),
  };
}

/** The study's own codings: each coded record a source, each thematic code a code (shared with
 *  a query row of the same theme when there is one), each coding a selection at its offsets. */
function addStudyCodings(
  input: StudyQdpxInput,
  ns: (what: string) => string,
  userGuid: string,
  codes: RefiCode[],
  sources: Map<string, RefiTextSource>,
  byInspection: Map<string, Set<string>>,
): void {
  for (const r of input.coded ?? []) {
    const s: RefiTextSource = {
      guid: ns(`record:${r.record}`),
      name: r.description ? r.record : `${r.la ?? r.inspection}, record ${r.record}`,
      description:
        r.description ?? `${r.inspection}; ${r.method}; pseudonymised; coded in the study`,
      text: r.text,
      selections: [],
      codings: [],
      noteRefs: [],
      variableValues: [],
      creatingUser: userGuid,
      creationDateTime: input.at,
    };
    for (const c of r.codings) {
      let code = codes.find((x) => x.guid === ns(`code:theme:${c.themeKey}`));
      if (!code) {
        code = {
          guid: ns(`code:theme:${c.themeKey}`),
          name: `Theme: ${c.themeName}`,
          isCodable: true,
          color: null,
          description: 'A thematic code of the national codebook, coded in this study',
          noteRefs: [],
          children: [],
        };
        codes.push(code);
      }
      s.selections.push({
        guid: ns(`study-selection:${c.id}`),
        name: null,
        start: c.start,
        end: c.end,
        description: `Coded by ${c.coder}`,
        codings: [
          {
            guid: ns(`study-coding:${c.id}`),
            codeGuid: code.guid,
            creatingUser: userGuid,
            creationDateTime: c.at,
            noteRefs: [],
          },
        ],
        noteRefs: [],
        creatingUser: userGuid,
        creationDateTime: c.at,
      });
    }
    sources.set(`record:${r.record}`, s);
    const list = byInspection.get(r.inspection) ?? new Set<string>();
    byInspection.set(r.inspection, list.add(s.guid));
  }
}

export function studyQdpx(input: StudyQdpxInput): Uint8Array {
  return buildQdpx(writeProject(studyProject(input)));
}
