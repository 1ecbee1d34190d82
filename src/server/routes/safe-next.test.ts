import { describe, expect, it } from 'vitest';
import { isSafeNext, safeNext } from './safe-next.js';

describe('safeNext', () => {
  it.each([
    '/home',
    '/activities/0b4c7a3e-1111-4222-8333-944444444444/evidence?code=a&page=2',
    '/activities?q=children%20in%20need',
    '/reports#section-2',
    '/',
  ])('keeps the same-origin path %s', (p) => {
    expect(safeNext(p)).toBe(p);
  });

  it.each([
    '//evil.example',
    '///evil.example',
    '/\\evil.example',
    '\\\\evil.example',
    '/\\/evil.example',
    '/%09/evil.example',
    '/%0a/evil.example',
    '/%0d%0a/evil.example',
    '/\t/evil.example',
    '/\n/evil.example',
    '/home\r\nSet-Cookie: x=1',
    '/home\nx',
    '/%2F/evil.example',
    '/%2f/evil.example',
    '%2F%2Fevil.example',
    '/%252F%252Fevil.example',
    '/%5C/evil.example',
    '/%5cevil.example',
    '/ /evil.example',
    '/%20/evil.example',
    '/\u0000',
    '/%00',
    '/home\u2028',
    'https://evil.example',
    'http:/evil.example',
    'javascript:alert(1)',
    'data:text/html,x',
    '///\\evil.example',
    'evil.example',
    '',
    ' /home',
    '/%E0%A4%A',
    `/${'a'.repeat(3000)}`,
  ])('refuses %j', (p) => {
    expect(isSafeNext(p)).toBe(false);
    expect(safeNext(p)).toBe('/home');
  });

  it('refuses anything that is not a string', () => {
    for (const v of [undefined, null, 42, ['/home'], { a: 1 }])
      expect(safeNext(v, '/x')).toBe('/x');
  });
});
