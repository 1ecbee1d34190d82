import { describe, expect, it } from 'vitest';
import { LineIndex } from './positions.js';
import { countWords, splitSentences } from './sentences.js';

const texts = (t: string, layout?: 'auto' | 'wrapped' | 'paragraphs') =>
  splitSentences(t, layout).map((s) => s.text);

describe('splitSentences', () => {
  it('splits plain prose and keeps abbreviations together', () => {
    expect(
      texts('Dr. Patel chairs the panel, e.g. for adoption. It meets weekly. Is it quorate? Yes.'),
    ).toEqual([
      'Dr. Patel chairs the panel, e.g. for adoption.',
      'It meets weekly.',
      'Is it quorate?',
      'Yes.',
    ]);
  });

  it('does not split after initials, "No." or "para." before a number', () => {
    expect(texts('J. Smith HMI led the visit. See para. 12 and No. 4 for details.')).toEqual([
      'J. Smith HMI led the visit.',
      'See para. 12 and No. 4 for details.',
    ]);
  });

  it('joins hard-wrapped lines, skips page furniture and starts a sentence at each marker', () => {
    const page = (n: number) =>
      `Inspection of Someshire children's services\n3 to 7 May 2021 ${n}\n`;
    const lines = [
      'The experiences and progress of children who need help and',
      'protection: good',
      '1. Children who need help receive it quickly from social workers who know',
      'them well, and managers check that plans are reviewed and that visits take',
      'place on time for every child on a plan in the area. Plans are clear about',
      'what needs to change and by when, and parents understand them, including',
      ' ',
      page(2),
      'fathers who do not live with the children and who are invited to meetings.',
      '2. Most assessments are thorough and up to date, and they consider the',
      'history of the family and the views of the children and the wider family.',
      ' ',
      page(3),
      'What needs to improve?',
      '◼ The timeliness of initial health assessments for children in care.',
      '\uf06e The use of multi-',
      'agency chronologies.',
      page(4),
    ];
    expect(texts(lines.join('\n'))).toEqual([
      'The experiences and progress of children who need help and protection: good',
      'Children who need help receive it quickly from social workers who know them well, and managers check that plans are reviewed and that visits take place on time for every child on a plan in the area.',
      'Plans are clear about what needs to change and by when, and parents understand them, including fathers who do not live with the children and who are invited to meetings.',
      'Most assessments are thorough and up to date, and they consider the history of the family and the views of the children and the wider family.',
      'What needs to improve?',
      'The timeliness of initial health assessments for children in care.',
      'The use of multi-agency chronologies.',
    ]);
  });

  it('treats every line as its own paragraph in paragraph layout', () => {
    const s = splitSentences(
      'Strengths\nVisits are timely\nPlans are clear. They are reviewed.',
      'paragraphs',
    );
    expect(s.map((x) => [x.text, x.heading, x.terminal])).toEqual([
      ['Strengths', true, false],
      ['Visits are timely', true, false],
      ['Plans are clear.', false, true],
      ['They are reviewed.', false, true],
    ]);
  });

  it('maps every character back to its offset in the original text', () => {
    const text = 'First line of a\r\nwrapped sentence. Second!\n';
    const [a, b] = splitSentences(text, 'wrapped');
    expect(a!.text).toBe('First line of a wrapped sentence.');
    const i = a!.text.indexOf('wrapped');
    expect(text.slice(a!.offsets[i]!, a!.offsets[i]! + 7)).toBe('wrapped');
    expect(text.slice(b!.offsets[0]!, b!.offsets[b!.text.length]!)).toBe('Second!');
  });

  it('counts hyphenated words and numbers once', () => {
    expect(countWords('A multi-agency plan for 3 children’s homes.')).toBe(7);
  });
});

describe('LineIndex', () => {
  it('gives 1-based lines and code-point columns across \\n, \\r\\n and \\r', () => {
    const text = 'ab\r\ncd\ref\n😀x';
    const idx = new LineIndex(text);
    expect(idx.position(0)).toEqual({ line: 1, column: 1 });
    expect(idx.position(text.indexOf('d'))).toEqual({ line: 2, column: 2 });
    expect(idx.position(text.indexOf('f'))).toEqual({ line: 3, column: 2 });
    // the emoji is two UTF-16 units but one column
    expect(idx.position(text.indexOf('x'))).toEqual({ line: 4, column: 2 });
    expect(idx.lineCount).toBe(4);
  });
});
