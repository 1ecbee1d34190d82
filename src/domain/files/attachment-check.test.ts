import { describe, expect, it } from 'vitest';
import {
  AttachmentProblem,
  checkAttachmentSize,
  detectAttachmentType,
  sanitiseFileName,
  sizeText,
} from './attachment-check.js';
import { writeZip } from './zip-writer.js';

const bytes = (s: string | number[]): Uint8Array =>
  typeof s === 'string' ? new TextEncoder().encode(s) : new Uint8Array(s);
const zip = (files: Record<string, string>, stored: string[] = []) =>
  writeZip(
    Object.entries(files).map(([name, text]) => ({
      name,
      data: [bytes(text)],
      stored: stored.includes(name),
    })),
  );
const problem = (b: Uint8Array, name: string): string => {
  try {
    detectAttachmentType(b, name);
  } catch (err) {
    if (err instanceof AttachmentProblem) return err.message;
    throw err;
  }
  return 'accepted';
};

const PDF = bytes('%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n<<>>\nendobj\n');
const PNG = bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const JPEG = bytes([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46]);
const DOCX = zip({ '[Content_Types].xml': '<Types/>', 'word/document.xml': '<w:document/>' });
const XLSX = zip({ '[Content_Types].xml': '<Types/>', 'xl/workbook.xml': '<workbook/>' });
const ODT = zip({ mimetype: 'application/vnd.oasis.opendocument.text', 'content.xml': '<x/>' }, [
  'mimetype',
]);
const ODS = zip(
  { mimetype: 'application/vnd.oasis.opendocument.spreadsheet', 'content.xml': '<x/>' },
  ['mimetype'],
);

describe('attachment types are decided by content', () => {
  it('accepts each type on the allow-list under its own extension', () => {
    const cases: Array<[Uint8Array, string, string]> = [
      [PDF, 'minutes.pdf', 'application/pdf'],
      [PNG, 'chart.png', 'image/png'],
      [JPEG, 'photo.JPEG', 'image/jpeg'],
      [JPEG, 'photo.jpg', 'image/jpeg'],
      [
        DOCX,
        'plan.docx',
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      ],
      [XLSX, 'data.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
      [ODT, 'notes.odt', 'application/vnd.oasis.opendocument.text'],
      [ODS, 'sheet.ods', 'application/vnd.oasis.opendocument.spreadsheet'],
      [bytes('Note from the visit.\r\n'), 'note.txt', 'text/plain'],
      [bytes('ref,date\nC1,2026-01-02\n'), 'cases.csv', 'text/csv'],
      [bytes([0xff, 0xfe, 0x41, 0, 0x0a, 0]), 'utf16.txt', 'text/plain'],
    ];
    for (const [b, name, type] of cases)
      expect(detectAttachmentType(b, name), name).toMatchObject({
        mediaType: type,
        fileName: name,
      });
  });

  it('gives a name without an extension the type’s own, and keeps other text names as text', () => {
    expect(detectAttachmentType(PDF, 'scan').fileName).toBe('scan.pdf');
    expect(detectAttachmentType(bytes('hello'), 'notes.log').fileName).toBe('notes.log.txt');
  });

  it('refuses what is off the list, naming the reason', () => {
    expect(problem(bytes([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0]), 'setup.exe')).toContain(
      'not one of the accepted types',
    );
    expect(problem(bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), 'old.doc')).toContain(
      'Office 97-2003',
    );
    expect(problem(zip({ 'a.txt': 'x' }), 'bundle.zip')).toContain('archives are not accepted');
    expect(
      problem(
        zip({
          '[Content_Types].xml':
            '<Types><Override ContentType="application/vnd.ms-word.document.macroEnabled.main+xml"/></Types>',
          'word/document.xml': '<w:document/>',
        }),
        'plan.docx',
      ),
    ).toContain('macros');
    expect(problem(new Uint8Array(0), 'empty.pdf')).toBe('the file is empty');
  });

  it('refuses a name that says one type over content of another', () => {
    expect(problem(PNG, 'report.pdf')).toBe(
      'its name says .pdf but its content is a PNG image: rename it or send the right file',
    );
    expect(problem(bytes('just text'), 'report.pdf')).toContain('its name says .pdf');
    expect(problem(DOCX, 'data.xlsx')).toContain('its name says .xlsx');
  });

  it('sanitises names: path, control and bidi characters, reserved characters, length', () => {
    expect(sanitiseFileName('C:\\Users\\dm\\My report.pdf')).toBe('My report.pdf');
    expect(sanitiseFileName('../../etc/passwd')).toBe('passwd');
    expect(sanitiseFileName('evil\u202egnp.exe')).toBe('evilgnp.exe');
    expect(sanitiseFileName('a"b<c>|d?.txt')).toBe('abcd.txt');
    expect(sanitiseFileName('...hidden')).toBe('hidden');
    expect(sanitiseFileName('\u0000')).toBe('attachment');
    const long = sanitiseFileName(`${'x'.repeat(300)}.pdf`);
    expect(long).toHaveLength(150);
    expect(long.endsWith('.pdf')).toBe(true);
  });

  it('limits the size of one file', () => {
    const limits = { maxFileBytes: 1024, maxActivityBytes: 4096 };
    expect(() => checkAttachmentSize(1024, limits)).not.toThrow();
    expect(() => checkAttachmentSize(1025, limits)).toThrow(
      'it is 2 KB, larger than the 1 KB limit for one file',
    );
    expect(sizeText(20 * 1024 * 1024)).toBe('20 MB');
    expect(sizeText(1)).toBe('1 byte');
  });
});
