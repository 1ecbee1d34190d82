import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { compareProjects, comparedQdpx } from './compare.js';

const G = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const qdpx = (body: string, text = 'Hello world\r\n') =>
  comparedQdpx(
    zipSync({
      'project.qde': strToU8(
        `<?xml version="1.0"?><Project xmlns="urn:QDA-XML:project:1.0" name="p">${body}</Project>`,
      ),
      [`sources/${G(2)}.txt`]: strToU8(text),
    }),
  );
const project = (selection: string, code = `color="#AbCdEf"`) =>
  `<Users><User guid="${G(9)}" name="Ann"/></Users>
   <CodeBook><Codes><Code guid="${G(1)}" name="C" isCodable="true" ${code}/></Codes></CodeBook>
   <Sources><TextSource guid="${G(2)}" name="S" plainTextPath="internal://${G(2)}.txt" creationDateTime="2024-01-01T00:00:00Z">
     ${selection}
   </TextSource></Sources>`;
const sel = (name: string, end = 5, user = `creatingUser="${G(9)}"`) =>
  `<PlainTextSelection guid="${G(3)}" name="${name}" startPosition="0" endPosition="${end}" ${user}><Coding guid="${G(4)}"><CodeRef targetGUID="${G(1)}"/></Coding></PlainTextSelection>`;

describe('comparing a project with its re-export', () => {
  it('finds no loss in the same project, whatever the GUIDs’ case', () => {
    const a = qdpx(project(sel('Hello')));
    const b = qdpx(project(sel('Hello')).replace(G(3), `{${G(3).toUpperCase()}}`));
    expect(compareProjects(a, b)).toEqual([]);
  });

  it('names each loss by element, GUID and what changed', () => {
    const a = qdpx(project(sel('Hello')));
    const losses = compareProjects(
      a,
      qdpx(
        project(sel('Hello world', 11, '')).replace(
          `<Users><User guid="${G(9)}" name="Ann"/></Users>`,
          '',
        ),
        'Hello world',
      ),
    );
    expect(losses).toEqual(
      expect.arrayContaining([
        { element: 'User', guid: G(9), what: 'missing from the export' },
        { element: 'PlainTextSelection', guid: G(3), what: 'name="Hello" became "Hello world"' },
        { element: 'PlainTextSelection', guid: G(3), what: 'endPosition="5" became "11"' },
        expect.objectContaining({
          element: 'PlainTextSelection',
          what: expect.stringMatching(/creatingUser/),
        }),
        expect.objectContaining({
          element: 'TextSource',
          what: expect.stringMatching(/text changed/),
        }),
      ]),
    );
    expect(compareProjects(a, qdpx(project(sel('Hello'), 'color="#abcdef"')))).toEqual([
      { element: 'Code', guid: G(1), what: 'color="#AbCdEf" became "#abcdef"' },
    ]);
  });
});
