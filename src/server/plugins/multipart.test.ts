import { describe, expect, it } from 'vitest';
import { parseMultipart } from './multipart.js';

const boundary = 'XyZ';
const body = (parts: string[]): Buffer =>
  Buffer.from(
    `${parts.map((p) => `--${boundary}\r\n${p}\r\n`).join('')}--${boundary}--\r\n`,
    'latin1',
  );

describe('multipart/form-data', () => {
  it('splits text fields (top level, for the CSRF check) from files', () => {
    const parsed = parseMultipart(
      body([
        'Content-Disposition: form-data; name="_csrf"\r\n\r\ntoken-1',
        'Content-Disposition: form-data; name="acceptFlagged"\r\n\r\nyes',
        'Content-Disposition: form-data; name="file"; filename="C:\\\\Users\\\\dm\\\\annex a.xlsx"\r\nContent-Type: application/vnd.ms-excel\r\n\r\nPK\u0003\u0004\r\nbinary\r\n--not-a-boundary',
      ]),
      `multipart/form-data; boundary=${boundary}`,
    );
    expect(parsed._csrf).toBe('token-1');
    expect(parsed.acceptFlagged).toBe('yes');
    expect(parsed._files).toHaveLength(1);
    const f = parsed._files![0]!;
    expect(f.fileName).toBe('annex a.xlsx'); // no client path
    expect(f.contentType).toBe('application/vnd.ms-excel');
    expect(f.data.toString('latin1')).toBe('PK\u0003\u0004\r\nbinary\r\n--not-a-boundary');
  });

  it('ignores an empty file input and refuses a body without a boundary', () => {
    const parsed = parseMultipart(
      body([
        'Content-Disposition: form-data; name="file"; filename=""\r\nContent-Type: application/octet-stream\r\n\r\n',
      ]),
      `multipart/form-data; boundary=${boundary}`,
    );
    expect(parsed._files).toEqual([]);
    expect(() => parseMultipart(Buffer.from('x'), 'multipart/form-data')).toThrow();
  });

  it('refuses too many parts', () => {
    const many = Array.from(
      { length: 25 },
      (_, i) => `Content-Disposition: form-data; name="f${i}"\r\n\r\nx`,
    );
    expect(() => parseMultipart(body(many), `multipart/form-data; boundary=${boundary}`)).toThrow(
      /too many/,
    );
  });
});
