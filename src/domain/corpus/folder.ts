// A folder of published reports: its .txt, .docx and .pdf files (sorted by name; anything else,
// such as a README or a manifest, is left out), each read only when the import needs its bytes.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { CORPUS_EXTENSIONS } from './file-name.js';

export interface CorpusSourceFile {
  fileName: string;
  read(): Promise<Uint8Array>;
}

/** The folder's report files; null when the folder cannot be read. */
export async function corpusFolder(dir: string): Promise<CorpusSourceFile[] | null> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return null;
  }
  return names
    .filter((n) => CORPUS_EXTENSIONS.some((e) => n.toLowerCase().endsWith(e)))
    .sort()
    .map((fileName) => ({
      fileName,
      read: async () => new Uint8Array(await readFile(path.join(dir, fileName))),
    }));
}
