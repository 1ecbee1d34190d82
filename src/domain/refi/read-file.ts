// Reads an uploaded REFI-QDA file of any kind: a .qdpx project (ZIP), a bare project .qde, or a
// .qdc codebook. The kind is decided by the bytes (ZIP or XML, then the root element), not the
// name. Every problem becomes a RefiInvalid naming the element and what is wrong, so the caller
// can refuse the whole file before anything is stored.
import { UnsafeArchiveError } from '../files/zip.js';
import { UnsafeXmlError } from '../files/xml.js';
import { classifyProblem, invalidFile, RefiInvalid, summariseRepairs } from './import-problems.js';
import type { RefiCode } from './model.js';
import { looksLikeZip, openQdpx, QdpxProblem } from './package.js';
import {
  readCodebookDocument,
  readProject,
  type ImportedProject,
  type ReadReport,
} from './read-project.js';
import { validateCodebook, validateProject } from './validate.js';
import { parseXmlTree, XmlTreeError } from './xml-tree.js';

export type RefiFormat = 'qdpx' | 'qde' | 'qdc';

export type RefiFile =
  | { format: 'qdpx' | 'qde'; project: ImportedProject; report: ReadReport }
  | { format: 'qdc'; codes: RefiCode[]; origin: string | null; report: ReadReport };

export interface ReadFileOptions {
  /** Replace identifiers that are not GUIDs by new ones (reported) instead of refusing the file. */
  repairGuids?: boolean;
  /** Import the rest when source files are absent, listing each, instead of refusing. */
  skipMissingSources?: boolean;
}

const MAX_XML_BYTES = 256 * 1024 * 1024;

export function readRefiFile(
  bytes: Uint8Array,
  fileName: string,
  opts: ReadFileOptions = {},
): RefiFile {
  const repairGuids = opts.repairGuids ?? false;
  try {
    let xml: string;
    let format: RefiFormat;
    let containerNotes: string[] = [];
    let readInternal: (path: string) => Uint8Array | null = () => null;
    let resolveFile: (path: string) => { name: string; bytes: Uint8Array } | null = () => null;
    let label = fileName;
    if (looksLikeZip(bytes)) {
      const q = openQdpx(bytes);
      xml = q.xml;
      format = 'qdpx';
      containerNotes = q.notes;
      readInternal = q.readInternal;
      resolveFile = (path) => {
        const entry = q.entryOf(path);
        const bytes = entry ? q.readInternal(path) : null;
        return entry && bytes ? { name: entry.slice(entry.lastIndexOf('/') + 1), bytes } : null;
      };
      label = `${fileName}: ${q.qdeName}`;
    } else {
      if (bytes.length > MAX_XML_BYTES) throw new RefiInvalid(`${fileName} is too large`, []);
      xml = new TextDecoder('utf-8').decode(bytes);
      format = 'qde';
    }
    const root = parseXmlTree(xml.replace(/^\ufeff/, ''), label);
    if (root.name === 'CodeBook' && format === 'qde') format = 'qdc';
    const problems = format === 'qdc' ? validateCodebook(root) : validateProject(root);
    const fatal = problems.filter((p) => classifyProblem(p, { repairGuids }) === 'fatal');
    if (fatal.length > 0) throw invalidFile(label, fatal);
    const repairs = [...containerNotes, ...summariseRepairs(problems)];
    if (format === 'qdc') {
      const { codes, report } = readCodebookDocument(root, { file: label, repairGuids, repairs });
      return { format, codes, origin: root.attrs.origin?.trim() || null, report };
    }
    const { project, report } = readProject(root, {
      file: label,
      repairGuids,
      readInternal,
      resolveFile,
      repairs,
      skipMissingSources: opts.skipMissingSources ?? false,
    });
    return { format: format === 'qdpx' ? 'qdpx' : 'qde', project, report };
  } catch (err) {
    if (err instanceof RefiInvalid) throw err;
    if (
      err instanceof UnsafeArchiveError ||
      err instanceof UnsafeXmlError ||
      err instanceof QdpxProblem ||
      err instanceof XmlTreeError
    )
      throw new RefiInvalid(`${fileName} was refused: ${err.message} Nothing was imported.`, [
        { field: fileName, reason: err.message },
      ]);
    throw err;
  }
}
