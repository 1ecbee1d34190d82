// Synthetic REFI-QDA projects written the way each vendor writes them (from the interoperability
// notes in the shared CAQDAS research: file and folder names, GUID styles, line ends, ATLAS.ti's
// "Parent::child" code names, empty wrappers, media sources, sets and graphs). The XML is written
// by hand here, independently of Triangulate's own writer, so the importer is tested against
// files it did not produce. Every variant carries the same small study.
import { strToU8, zipSync } from 'fflate';

export interface VendorStyle {
  vendor: string;
  qdeName: string;
  sourcesDir: string;
  guid(g: string): string;
  crlf: boolean;
  bom: boolean;
  /** Texts inline as PlainTextContent instead of files in sources/. */
  inlineText: boolean;
  /** Codes as a flat list named "Parent::child" (ATLAS.ti). */
  atlasNames: boolean;
  /** Empty wrappers such as <Sets/> (invalid, written by some tools). */
  emptyWrappers: boolean;
  /** The whole project inside one folder of the archive. */
  topFolder?: string;
  /** Media, sets and graphs the importer must skip (ATLAS.ti, NVivo). */
  extras: boolean;
  /** Notes on selections rather than on codings (MAXQDA). */
  selectionNotes: boolean;
  origin: string;
}

const G = {
  user1: '7d3c1c52-3a5e-4d2a-9b1e-0c6a3f1e2a01',
  user2: '7d3c1c52-3a5e-4d2a-9b1e-0c6a3f1e2a02',
  folder: '0a1b2c3d-0000-4000-8000-000000000001',
  likes: '0a1b2c3d-0000-4000-8000-000000000002',
  worries: '0a1b2c3d-0000-4000-8000-000000000003',
  s1: '5e0f7a10-1111-4111-8111-000000000001',
  s2: '5e0f7a10-1111-4111-8111-000000000002',
  sel1: '5e0f7a10-2222-4222-8222-000000000001',
  sel2: '5e0f7a10-2222-4222-8222-000000000002',
  cod1: '5e0f7a10-3333-4333-8333-000000000001',
  cod2: '5e0f7a10-3333-4333-8333-000000000002',
  cod3: '5e0f7a10-3333-4333-8333-000000000003',
  case1: '5e0f7a10-4444-4444-8444-000000000001',
  gender: '5e0f7a10-5555-4555-8555-000000000001',
  note1: '5e0f7a10-6666-4666-8666-000000000001',
  note2: '5e0f7a10-6666-4666-8666-000000000002',
  pic: '5e0f7a10-7777-4777-8777-000000000001',
  set: '5e0f7a10-8888-4888-8888-000000000001',
  graph: '5e0f7a10-9999-4999-8999-000000000001',
};

export const STUDY = {
  /** The texts as stored after import (LF line ends, NFC). */
  texts: [
    'Café visit with Zoë 👩‍👧\nThe child said: I like my school.\nShe worries about moving again.',
    'Teacher: attendance is 96%; no exclusions this year.',
  ],
  spans: ['I like my school', 'She worries about moving again'],
  codes: ['School', 'Likes school', 'Worries'],
};

const cp = (s: string) => Array.from(s).length;
const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function vendorQdpx(style: VendorStyle): Uint8Array {
  const g = style.guid;
  const nl = style.crlf ? '\r\n' : '\n';
  const raw = STUDY.texts.map((t) => t.replace(/\n/g, nl));
  const span = (text: string, part: string) => {
    const i = text.indexOf(part);
    return { start: cp(text.slice(0, i)), end: cp(text.slice(0, i)) + cp(part) };
  };
  const a = span(raw[0]!, STUDY.spans[0]!);
  const b = span(raw[0]!, STUDY.spans[1]!);
  const codes = style.atlasNames
    ? `<Code guid="${g(G.folder)}" name="School" isCodable="true" color="#1D70B8"><Description>About school</Description></Code>
       <Code guid="${g(G.likes)}" name="School::Likes school" isCodable="true" color="#00703C"/>
       <Code guid="${g(G.worries)}" name="Worries" isCodable="true"/>`
    : `<Code guid="${g(G.folder)}" name="School" isCodable="false" color="#1D70B8"><Description>About school</Description>
         <Code guid="${g(G.likes)}" name="Likes school" isCodable="true" color="#00703C"/>
       </Code>
       <Code guid="${g(G.worries)}" name="Worries" isCodable="true"/>`;
  const text = (i: number) =>
    style.inlineText ? `<PlainTextContent>${esc(raw[i]!)}</PlainTextContent>` : '';
  const path = (i: number, guid: string) =>
    style.inlineText ? '' : ` plainTextPath="internal://${g(guid)}.txt"`;
  const noteOnSel = style.selectionNotes ? `<NoteRef targetGUID="${g(G.note2)}"/>` : '';
  const noteOnCoding = style.selectionNotes ? '' : `<NoteRef targetGUID="${g(G.note2)}"/>`;
  const xml = `<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" name="School study" origin="${style.origin}" creationDateTime="2024-05-01T09:00:00Z" xsi:schemaLocation="urn:QDA-XML:project:1.0 http://schema.qdasoftware.org/versions/Project/v1.0/Project.xsd">
  <Users>
    <User guid="${g(G.user1)}" name="Priya Shah" id="PS"/>
    <User guid="${g(G.user2)}" name="Tom Evans"/>
  </Users>
  <CodeBook><Codes>${codes}</Codes></CodeBook>
  <Variables><Variable guid="${g(G.gender)}" name="Gender" typeOfVariable="Text"/></Variables>
  <Cases>
    <Case guid="${g(G.case1)}" name="Pupil A">
      <VariableValue><VariableRef targetGUID="${g(G.gender)}"/><TextValue>female</TextValue></VariableValue>
      <SourceRef targetGUID="${g(G.s1)}"/>
    </Case>
  </Cases>
  <Sources>
    <TextSource guid="${g(G.s1)}" name="Interview Zoë.docx"${path(0, G.s1)} creatingUser="${g(G.user1)}" creationDateTime="2024-05-02T10:00:00Z">
      ${text(0)}
      <PlainTextSelection guid="${g(G.sel1)}" name="${STUDY.spans[0]}" startPosition="${a.start}" endPosition="${a.end}" creatingUser="${g(G.user1)}">
        <Coding guid="${g(G.cod1)}" creatingUser="${g(G.user1)}" creationDateTime="2024-05-02T11:00:00Z"><CodeRef targetGUID="${g(G.likes)}"/>${noteOnCoding}</Coding>
        ${noteOnSel}
      </PlainTextSelection>
      <PlainTextSelection guid="${g(G.sel2)}" startPosition="${b.start}" endPosition="${b.end}">
        <Coding guid="${g(G.cod2)}" creatingUser="${g(G.user2)}"><CodeRef targetGUID="${g(G.worries)}"/></Coding>
      </PlainTextSelection>
      <NoteRef targetGUID="${g(G.note1)}"/>
    </TextSource>
    <TextSource guid="${g(G.s2)}" name="Teacher.txt"${path(1, G.s2)}>
      ${text(1)}
      <Coding guid="${g(G.cod3)}" creatingUser="${g(G.user2)}"><CodeRef targetGUID="${g(G.folder)}"/></Coding>
    </TextSource>
    ${style.extras ? `<PictureSource guid="${g(G.pic)}" name="drawing.jpg" path="internal://${g(G.pic)}.jpg"><PictureSelection guid="${g(G.sel1).replace('2222', '2223')}" firstX="1" firstY="1" secondX="5" secondY="5"><Coding guid="${g(G.cod1).replace('3333', '3334')}"><CodeRef targetGUID="${g(G.worries)}"/></Coding></PictureSelection></PictureSource>` : ''}
  </Sources>
  <Notes>
    <Note guid="${g(G.note1)}" name="Interview memo" creatingUser="${g(G.user1)}"><PlainTextContent>Zoë was relaxed ✔</PlainTextContent></Note>
    <Note guid="${g(G.note2)}" name="Quote" creatingUser="${g(G.user2)}"><PlainTextContent>Use in the report</PlainTextContent></Note>
  </Notes>
  ${style.emptyWrappers ? '<Links/><Sets/>' : ''}
  ${style.extras ? `<Sets><Set guid="${g(G.set)}" name="Interviews"><MemberSource targetGUID="${g(G.s1)}"/></Set></Sets><Graphs><Graph guid="${g(G.graph)}" name="Map"/></Graphs>` : ''}
</Project>`;
  const prefix = style.topFolder ? `${style.topFolder}/` : '';
  const files: Record<string, Uint8Array> = { [`${prefix}${style.qdeName}`]: strToU8(xml) };
  if (!style.inlineText)
    raw.forEach((t, i) => {
      const bytes = strToU8(t);
      files[`${prefix}${style.sourcesDir}/${g(i === 0 ? G.s1 : G.s2)}.txt`] = style.bom
        ? new Uint8Array([0xef, 0xbb, 0xbf, ...bytes])
        : bytes;
    });
  if (style.extras)
    files[`${prefix}${style.sourcesDir}/${g(G.pic)}.jpg`] = new Uint8Array([
      0xff, 0xd8, 0xff, 0xd9,
    ]);
  return zipSync(files);
}

const plain = (g: string) => g;
const base: VendorStyle = {
  vendor: 'QualCoder',
  qdeName: 'project.qde',
  sourcesDir: 'sources',
  guid: plain,
  crlf: false,
  bom: false,
  inlineText: false,
  atlasNames: false,
  emptyWrappers: false,
  extras: false,
  selectionNotes: false,
  origin: 'QualCoder 3.6',
};

/** One style per vendor quirk described in the CAQDAS notes. */
export const vendorStyles: VendorStyle[] = [
  base,
  {
    ...base,
    vendor: 'NVivo 12 (Windows)',
    sourcesDir: 'Sources',
    guid: (g) => g.toUpperCase(),
    crlf: true,
    bom: true,
    extras: true,
    origin: 'NVivo 12.6',
  },
  {
    ...base,
    vendor: 'ATLAS.ti 8',
    qdeName: 'Project.qde',
    sourcesDir: 'Sources',
    guid: (g) => g.toUpperCase(),
    atlasNames: true,
    extras: true,
    origin: 'ATLAS.ti 8.4.0',
  },
  {
    ...base,
    vendor: 'ATLAS.ti 26',
    qdeName: 'School study.qde',
    atlasNames: true,
    origin: 'ATLAS.ti 26',
  },
  {
    ...base,
    vendor: 'MAXQDA 2022',
    guid: (g) => `{${g.toUpperCase()}}`,
    crlf: true,
    selectionNotes: true,
    origin: 'MAXQDA 2022',
  },
  {
    ...base,
    vendor: 'Taguette-style empty wrappers',
    emptyWrappers: true,
    inlineText: true,
    origin: 'Taguette 1.4',
  },
  { ...base, vendor: 'zipped folder', topFolder: 'School study', origin: 'hand-made' },
];
