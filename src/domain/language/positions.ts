// Maps offsets in a text (UTF-16 code units, as JavaScript indexes strings) to 1-based line and
// column numbers. Lines end at \n, \r\n or \r; columns count Unicode code points, so a character
// outside the Basic Multilingual Plane (an emoji, say) counts as one column.

export interface Position {
  line: number;
  column: number;
}

export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(private readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) this.starts.push(i + 1);
      else if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        this.starts.push(i + 1);
      }
    }
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** The 1-based line and code-point column of a UTF-16 offset. */
  position(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= o) lo = mid;
      else hi = mid - 1;
    }
    const lineStart = this.starts[lo]!;
    let column = 1;
    for (let i = lineStart; i < o; i++) {
      const c = this.text.charCodeAt(i);
      // The second half of a surrogate pair does not start a new column.
      if (!(c >= 0xdc00 && c <= 0xdfff && i > lineStart && isHighSurrogate(this.text, i - 1)))
        column++;
    }
    return { line: lo + 1, column };
  }
}

function isHighSurrogate(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c >= 0xd800 && c <= 0xdbff;
}
