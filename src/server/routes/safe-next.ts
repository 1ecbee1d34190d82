// Where to go after signing in: only a path on this site. Browsers forgive a great deal in a
// Location header (backslashes for slashes, tabs and newlines dropped, percent-escapes decoded
// by some proxies), so the check is strict: a plain absolute path, that stays a plain absolute
// path after decoding, and that a URL parser resolves to this origin. Anything else falls back.
const ORIGIN = 'http://same-origin.invalid';
const MAX_LENGTH = 2048;

function plainPath(p: string): boolean {
  return (
    p.startsWith('/') &&
    !p.startsWith('//') &&
    // Control characters and whitespace (browsers strip tabs/newlines: "/\t/evil" becomes "//evil"),
    // backslashes (read as slashes) and any other character outside printable ASCII.
    /^[\x21-\x7e]*$/.test(p) &&
    !p.includes('\\')
  );
}

// After decoding, spaces and letters beyond ASCII are fine (a search for "children in need"),
// but not a second slash, a backslash or whitespace at the start, nor control characters.
function decodedPath(p: string): boolean {
  // eslint-disable-next-line no-control-regex
  return p.startsWith('/') && !/^\/[\s/\\]/.test(p) && !/[\u0000-\u001f\u007f\\]/.test(p);
}

export function isSafeNext(next: unknown): next is string {
  if (typeof next !== 'string' || next.length === 0 || next.length > MAX_LENGTH) return false;
  if (!plainPath(next)) return false;
  // The same rules after percent-decoding, repeatedly (%252F%252F -> %2F%2F -> //).
  let decoded = next;
  for (let i = 0; i < 4; i++) {
    let once: string;
    try {
      once = decodeURIComponent(decoded);
    } catch {
      return false;
    }
    if (!decodedPath(once)) return false;
    if (once === decoded) break;
    decoded = once;
  }
  try {
    const url = new URL(next, ORIGIN);
    return url.origin === ORIGIN && url.href.startsWith(`${ORIGIN}/`);
  } catch {
    return false;
  }
}

/** Only same-origin paths are accepted as redirect targets; anything else gives the fallback. */
export function safeNext(next: unknown, fallback = '/home'): string {
  return isSafeNext(next) ? next : fallback;
}
