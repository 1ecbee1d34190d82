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
  /**
   * How plainTextPath names the text file: 'internal' (internal://<file>, the standard), 'bare'
   * (QualCoder 1.3: plainTextPath="board_2017.txt"), 'sources' (sources/<file>), 'windows' and
   * 'posix' (absolute paths on the author's machine), 'encoded' (internal:// URL-encoded).
   */
  pathStyle?: 'internal' | 'bare' | 'sources' | 'windows' | 'posix' | 'encoded';
  /** Text files named after the source ('Interview Zoë.txt') rather than its GUID. */
  filesByName?: boolean;
  /** Texts end with a line break (as most editors save them). */
  trailingNewline?: boolean;
  /** A PDF with its text representation and an audio file with a transcript. */
  media?: boolean;
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
  user3: '7d3c1c52-3a5e-4d2a-9b1e-0c6a3f1e2a03',
  link: '5e0f7a10-aaaa-4aaa-8aaa-000000000001',
  pdf: '5e0f7a10-bbbb-4bbb-8bbb-000000000001',
  pdfRep: '5e0f7a10-bbbb-4bbb-8bbb-000000000002',
  pdfSel: '5e0f7a10-bbbb-4bbb-8bbb-000000000003',
  pdfCoding: '5e0f7a10-bbbb-4bbb-8bbb-000000000004',
  audio: '5e0f7a10-cccc-4ccc-8ccc-000000000001',
  transcript: '5e0f7a10-cccc-4ccc-8ccc-000000000002',
  audioSel: '5e0f7a10-cccc-4ccc-8ccc-000000000003',
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
  const raw = STUDY.texts.map((t) => t.replace(/\n/g, nl) + (style.trailingNewline ? nl : ''));
  const fileNames = [
    style.filesByName ? 'Interview Zoë.txt' : `${g(G.s1)}.txt`,
    style.filesByName ? 'Teacher notes.txt' : `${g(G.s2)}.txt`,
  ];
  const pathTo = (file: string): string => {
    switch (style.pathStyle ?? 'internal') {
      case 'bare':
        return file;
      case 'sources':
        return `${style.sourcesDir}/${file}`;
      case 'windows':
        return `C:\\Users\\priya\\Documents\\NVivo\\School study\\${file}`;
      case 'posix':
        return `/Users/priya/Documents/School study/${file}`;
      case 'encoded':
        return `internal://${encodeURIComponent(file)}`;
      default:
        return `internal://${file}`;
    }
  };
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
  const path = (i: number) =>
    style.inlineText ? '' : ` plainTextPath="${esc(pathTo(fileNames[i]!))}"`;
  const noteOnSel = style.selectionNotes ? `<NoteRef targetGUID="${g(G.note2)}"/>` : '';
  const noteOnCoding = style.selectionNotes ? '' : `<NoteRef targetGUID="${g(G.note2)}"/>`;
  const xml = `<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" name="School study" origin="${style.origin}" creationDateTime="2024-05-01T09:00:00Z" xsi:schemaLocation="urn:QDA-XML:project:1.0 http://schema.qdasoftware.org/versions/Project/v1.0/Project.xsd">
  <Users>
    <User guid="${g(G.user1)}" name="Priya Shah" id="PS"/>
    <User guid="${g(G.user2)}" name="Tom Evans"/>
    <User guid="${g(G.user3)}" name="Ann Reviewer"/>
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
    <TextSource guid="${g(G.s1)}" name="Interview Zoë.docx"${path(0)} creatingUser="${g(G.user1)}" creationDateTime="2024-05-02T10:00:00Z">
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
    <TextSource guid="${g(G.s2)}" name="Teacher.txt"${path(1)}>
      ${text(1)}
      <Coding guid="${g(G.cod3)}" creatingUser="${g(G.user2)}"><CodeRef targetGUID="${g(G.folder)}"/></Coding>
    </TextSource>
    ${style.media ? MEDIA(g) : ''}
    ${style.extras ? `<PictureSource guid="${g(G.pic)}" name="drawing.jpg" path="internal://${g(G.pic)}.jpg"><PictureSelection guid="${g(G.sel1.replace('2222', '2223'))}" firstX="1" firstY="1" secondX="5" secondY="5"><Coding guid="${g(G.cod1.replace('3333', '3334'))}"><CodeRef targetGUID="${g(G.worries)}"/></Coding></PictureSelection></PictureSource>` : ''}
  </Sources>
  <Notes>
    <Note guid="${g(G.note1)}" name="Interview memo" creatingUser="${g(G.user1)}" creationDateTime="2024-05-03T08:30:00Z"><Description>First visit</Description><PlainTextContent>Zoë was relaxed ✔</PlainTextContent></Note>
    <Note guid="${g(G.note2)}" name="Quote" creatingUser="${g(G.user2)}"><PlainTextContent>Use in the report</PlainTextContent></Note>
  </Notes>
  ${style.emptyWrappers ? '<Links/><Sets/>' : `<Links><Link guid="${g(G.link)}" name="About" direction="OneWay" originGUID="${g(G.note2)}" targetGUID="${g(G.s2)}"/></Links>`}
  ${style.extras ? `<Sets><Set guid="${g(G.set)}" name="Interviews"><MemberSource targetGUID="${g(G.s1)}"/></Set></Sets><Graphs><Graph guid="${g(G.graph)}" name="Map"/></Graphs>` : ''}
</Project>`;
  const prefix = style.topFolder ? `${style.topFolder}/` : '';
  const files: Record<string, Uint8Array> = { [`${prefix}${style.qdeName}`]: strToU8(xml) };
  if (style.media) {
    files[`${prefix}${style.sourcesDir}/${g(G.pdf)}.pdf`] = strToU8('%PDF-1.4\n%%EOF\n');
    files[`${prefix}${style.sourcesDir}/${g(G.pdfRep)}.txt`] = strToU8(MEDIA_TEXTS.pdf);
    files[`${prefix}${style.sourcesDir}/${g(G.audio)}.m4a`] = new Uint8Array([0, 0, 0, 24, 102]);
    files[`${prefix}${style.sourcesDir}/${g(G.transcript)}.txt`] = strToU8(MEDIA_TEXTS.transcript);
  }
  if (!style.inlineText)
    raw.forEach((t, i) => {
      const bytes = strToU8(t);
      files[`${prefix}${style.sourcesDir}/${fileNames[i]!}`] = style.bom
        ? new Uint8Array([0xef, 0xbb, 0xbf, ...bytes])
        : bytes;
    });
  if (style.extras)
    files[`${prefix}${style.sourcesDir}/${g(G.pic)}.jpg`] = new Uint8Array([
      0xff, 0xd8, 0xff, 0xd9,
    ]);
  return zipSync(files);
}

export const MEDIA_TEXTS = {
  pdf: 'Page 1. Review of the placement.\n',
  transcript: 'Interviewer: How is school?\r\nChild: Fine.\r\n',
};

/** A PDF with its text representation (coded) and an audio file with a transcript. */
const MEDIA = (g: (s: string) => string) =>
  `<PDFSource guid="${g(G.pdf)}" name="Placement review.pdf" path="internal://${g(G.pdf)}.pdf" creationDateTime="2024-04-30T12:00:00Z">
      <PDFSelection guid="${g(G.pdfSel.replace('bbbb-4bbb', 'bbbc-4bbb'))}" page="1" firstX="10" firstY="10" secondX="90" secondY="40"/>
      <Representation guid="${g(G.pdfRep)}" plainTextPath="internal://${g(G.pdfRep)}.txt">
        <PlainTextSelection guid="${g(G.pdfSel)}" name="Review" startPosition="8" endPosition="14"><Coding guid="${g(G.pdfCoding)}" creatingUser="${g(G.user1)}"><CodeRef targetGUID="${g(G.worries)}"/></Coding></PlainTextSelection>
      </Representation>
    </PDFSource>
    <AudioSource guid="${g(G.audio)}" name="Interview.m4a" path="internal://${g(G.audio)}.m4a">
      <Transcript guid="${g(G.transcript)}" name="Interview transcript" plainTextPath="internal://${g(G.transcript)}.txt"/>
      <AudioSelection guid="${g(G.audioSel)}" begin="1000" end="4000"><Coding guid="${g(G.audioSel.replace('cccc-4ccc', 'cccd-4ccc'))}"><CodeRef targetGUID="${g(G.likes)}"/></Coding></AudioSelection>
    </AudioSource>`;

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
    media: true,
    origin: 'NVivo 12.6',
  },
  {
    ...base,
    vendor: 'NVivo 14 (Windows), absolute paths',
    sourcesDir: 'Sources',
    guid: (g) => g.toUpperCase(),
    crlf: true,
    pathStyle: 'windows',
    filesByName: true,
    trailingNewline: true,
    origin: 'NVivo 14.23',
  },
  {
    ...base,
    vendor: 'NVivo 14 (Mac)',
    sourcesDir: 'Sources',
    guid: (g) => g.toUpperCase(),
    pathStyle: 'encoded',
    filesByName: true,
    trailingNewline: true,
    media: true,
    origin: 'NVivo 14 for Mac',
  },
  {
    ...base,
    vendor: 'QualCoder 1.3',
    pathStyle: 'bare',
    filesByName: true,
    trailingNewline: true,
    origin: 'QualCoder 1.3',
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
    pathStyle: 'sources',
    trailingNewline: true,
    origin: 'MAXQDA 2022',
  },
  {
    ...base,
    vendor: 'MAXQDA 24 (Mac), POSIX paths',
    guid: (g) => `{${g.toUpperCase()}}`,
    pathStyle: 'posix',
    filesByName: true,
    selectionNotes: true,
    origin: 'MAXQDA 24',
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

/**
 * A codebook as Taguette exports it (Taguette writes codebooks only, never projects): tags as a
 * flat list of codable codes with descriptions, an empty <Sets/> it should not write.
 */
export function taguetteCodebook(): Uint8Array {
  return strToU8(`<?xml version="1.0" encoding="utf-8"?>
<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="Taguette 1.4.1">
  <Codes>
    <Code guid="${G.folder}" name="school" isCodable="true" color="#FF0000"><Description>About school</Description></Code>
    <Code guid="${G.likes}" name="school.likes" isCodable="true"><Description>Likes it</Description></Code>
    <Code guid="${G.worries}" name="worries" isCodable="true"/>
  </Codes>
  <Sets/>
</CodeBook>`);
}
