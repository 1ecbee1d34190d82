import { describe, expect, it } from 'vitest';
import { isRefiGuid, normaliseGuid, uuidV5 } from './guid.js';
import { validateCodebook, validateProject } from './validate.js';
import { parseXmlTree } from './xml-tree.js';
import { escapeAttribute, XmlWriter } from './xml-writer.js';

const NS = 'xmlns="urn:QDA-XML:project:1.0"';
const G1 = '11111111-1111-4111-8111-111111111111';
const G2 = '{22222222-2222-4222-8222-22222222222A}';
const project = (body: string, attrs = `${NS} name="P"`) =>
  validateProject(parseXmlTree(`<Project ${attrs}>${body}</Project>`, 'p'));
const codes = `<CodeBook><Codes><Code guid="${G1}" name="A" isCodable="true" color="#AbC"/></Codes></CodeBook>`;

describe('GUIDs', () => {
  it('accepts UUIDs with or without braces, in any case, and normalises them', () => {
    expect(isRefiGuid(G1)).toBe(true);
    expect(isRefiGuid(` ${G2} `)).toBe(true);
    expect(normaliseGuid(G2)).toBe('22222222-2222-4222-8222-22222222222a');
    for (const bad of [
      'c-joy',
      '{11111111-1111-4111-8111-111111111111',
      '1111111-1111-4111-8111-111111111111',
      '',
    ])
      expect(isRefiGuid(bad), bad).toBe(false);
  });

  it('derives stable version-5 UUIDs', () => {
    expect(uuidV5('x')).toBe(uuidV5('x'));
    expect(uuidV5('x')).not.toBe(uuidV5('y'));
    expect(uuidV5('x')).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });
});

describe('the structural checker (Project.xsd and Codebook.xsd rules)', () => {
  it('passes a valid project', () => {
    expect(
      project(`<Users><User guid="${G2}" name="u"/></Users>${codes}<Sources><TextSource guid="${G1}"><PlainTextContent>x</PlainTextContent>
        <PlainTextSelection guid="${G1}" startPosition="0" endPosition="1"><Coding guid="${G1}"><CodeRef targetGUID="${G1}"/></Coding></PlainTextSelection>
        <VariableValue><VariableRef targetGUID="${G1}"/><BooleanValue>true</BooleanValue></VariableValue></TextSource></Sources>
        <Description>d</Description><NoteRef targetGUID="${G1}"/>`),
    ).toEqual([]);
  });

  it('names the element, the attribute and the problem', () => {
    const [p] = project(
      `<CodeBook><Codes><Code guid="c-joy" name="Joy" isCodable="true"/></Codes></CodeBook>`,
    );
    expect(p).toMatchObject({
      code: 'attribute-type',
      path: 'Project/CodeBook[1]/Codes[1]/Code[1]',
      element: '<Code guid="c-joy" name="Joy">',
      attribute: 'guid',
      type: 'guid',
      value: 'c-joy',
    });
    expect(project('', NS)[0]).toMatchObject({ code: 'attribute-missing', attribute: 'name' });
    expect(
      project(`<CodeBook><Codes><Code guid="${G1}" name="A"/></Codes></CodeBook>`)[0],
    ).toMatchObject({ code: 'attribute-missing', attribute: 'isCodable' });
    expect(
      project(
        `<CodeBook><Codes><Code guid="${G1}" name="A" isCodable="yes" color="red"/></Codes></CodeBook>`,
      ).map((x) => x.attribute),
    ).toEqual(['isCodable', 'color']);
  });

  it('enforces the sequence order, required children and empty wrappers', () => {
    expect(project(`<Sources><TextSource guid="${G1}"/></Sources>${codes}`)[0]).toMatchObject({
      code: 'child-order',
      element: '<CodeBook>',
    });
    expect(project('<Sets/>')[0]).toMatchObject({
      code: 'child-missing',
      reason: '<Sets> must contain <Set>',
    });
    expect(project('<Sources/>')[0]).toMatchObject({
      code: 'child-missing',
      reason: expect.stringContaining('<TextSource> or <PictureSource>'),
    });
    expect(
      project(
        `${codes}<Sources><TextSource guid="${G1}"><Coding guid="${G1}"/></TextSource></Sources>`,
      )[0],
    ).toMatchObject({ code: 'child-missing', reason: '<Coding> must contain <CodeRef>' });
    expect(project(`<Description>a</Description><Description>b</Description>`)[0]).toMatchObject({
      code: 'child-too-many',
    });
    expect(project(`<Extra/>`)[0]).toMatchObject({ code: 'child-unexpected' });
  });

  it('checks text types, namespaces and the PlainTextContent-or-path rule', () => {
    const vv = (v: string) =>
      `<Sources><TextSource guid="${G1}"><VariableValue><VariableRef targetGUID="${G1}"/>${v}</VariableValue></TextSource></Sources>`;
    expect(project(vv('<IntegerValue>1.5</IntegerValue>'))[0]).toMatchObject({
      code: 'text-type',
      type: 'integer',
    });
    expect(project(vv('<DateValue>2024-02-29</DateValue>'))).toEqual([]);
    expect(project(vv('<DateValue>2023-02-29</DateValue>'))[0]).toMatchObject({
      code: 'text-type',
    });
    expect(project(vv('<DateValue>02/03/2024</DateValue>'))[0]).toMatchObject({
      code: 'text-type',
      type: 'date',
    });
    expect(project('', 'xmlns="urn:QDA-XML:project:1:0" name="P"')[0]).toMatchObject({
      code: 'namespace',
    });
    expect(
      project(
        `<Sources><TextSource guid="${G1}" plainTextPath="internal://a.txt"><PlainTextContent>x</PlainTextContent></TextSource></Sources>`,
      )[0],
    ).toMatchObject({ code: 'rule' });
    expect(
      project(
        '',
        `${NS} xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="x" name="P" vendor:x="1"`,
      ),
    ).toMatchObject([{ code: 'attribute-unexpected', attribute: 'vendor:x' }]);
  });

  it('checks codebooks', () => {
    const cb = (body: string) =>
      validateCodebook(
        parseXmlTree(
          `<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="o">${body}</CodeBook>`,
          'c',
        ),
      );
    expect(
      cb(
        `<Codes><Code guid="${G1}" name="A" isCodable="false"><Description>d</Description><Code guid="${G2}" name="B" isCodable="1"/></Code></Codes>`,
      ),
    ).toEqual([]);
    expect(
      cb(`<Codes><Code guid="${G1}" name="A" isCodable="true"/></Codes><Sets/>`)[0],
    ).toMatchObject({ code: 'child-missing' });
    expect(
      cb(
        `<Codes><Code guid="${G1}" name="A" isCodable="true"><NoteRef targetGUID="${G1}"/></Code></Codes>`,
      )[0],
    ).toMatchObject({ code: 'child-unexpected' });
    expect(validateCodebook(parseXmlTree(`<Project ${NS} name="P"/>`, 'c'))[0]).toMatchObject({
      code: 'root',
    });
  });
});

describe('the XML writer', () => {
  it('escapes text and attributes, keeps line breaks in attributes and drops what XML cannot carry', () => {
    const xml = new XmlWriter()
      .open('R', { a: 'x "<&>" \n\ty', b: null })
      .text('T', 'a < b & c > d \u0001\ud800 👩‍👧')
      .empty('E', { n: 3, f: false })
      .close()
      .toString();
    const root = parseXmlTree(xml, 'w');
    expect(root.attrs).toEqual({ a: 'x "<&>" \n\ty' });
    expect(root.children[0]!.text).toBe('a < b & c > d  👩‍👧');
    expect(root.children[1]!.attrs).toEqual({ n: '3', f: 'false' });
    expect(escapeAttribute('=1+1')).toBe('=1+1');
    expect(() => new XmlWriter().open('R').toString()).toThrow(/not closed/);
  });
});
