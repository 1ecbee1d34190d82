// The rules of REFI-QDA 1.5's Project.xsd and Codebook.xsd (QDA-XML 1.0) as data: for each
// complex type its attributes and the sequence (or choice) of child elements with their counts.
// src/domain/refi/validate.ts checks documents against these, so the test suite can validate
// exports without the XSD files or an XSD processor.

export type SimpleType =
  | 'string'
  | 'guid'
  | 'integer'
  | 'boolean'
  | 'dateTime'
  | 'date'
  | 'decimal'
  | 'rgb'
  | 'direction'
  | 'typeOfVariable'
  | 'shape'
  | 'lineStyle';

export interface ElementParticle {
  name: string;
  /** A complex type name, or a simple type for text-only elements. */
  type: string;
  min: number;
  max: number;
}
export interface ChoiceParticle {
  choice: ElementParticle[];
  min: number;
  max: number;
}
export type Particle = ElementParticle | ChoiceParticle;

export interface ComplexType {
  attrs: Record<string, { type: SimpleType; required?: boolean }>;
  seq: Particle[];
}

const N = Number.POSITIVE_INFINITY;
const el = (name: string, type: string, min = 0, max = 1): ElementParticle => ({
  name,
  type,
  min,
  max,
});
const many = (name: string, type: string, min = 0): ElementParticle => el(name, type, min, N);

const guidReq = { guid: { type: 'guid', required: true } } as const;
const userAttrs = {
  creatingUser: { type: 'guid' },
  creationDateTime: { type: 'dateTime' },
  modifyingUser: { type: 'guid' },
  modifiedDateTime: { type: 'dateTime' },
} as const;
const mediaAttrs = {
  ...guidReq,
  name: { type: 'string' },
  path: { type: 'string' },
  currentPath: { type: 'string' },
  ...userAttrs,
} as const;
const rect = {
  firstX: { type: 'integer', required: true },
  firstY: { type: 'integer', required: true },
  secondX: { type: 'integer', required: true },
  secondY: { type: 'integer', required: true },
} as const;
const ref: ComplexType = { attrs: { targetGUID: { type: 'guid', required: true } }, seq: [] };
const selectionBody = [
  el('Description', 'string'),
  many('Coding', 'Coding'),
  many('NoteRef', 'Ref'),
];

export const projectTypes: Record<string, ComplexType> = {
  Project: {
    attrs: {
      name: { type: 'string', required: true },
      origin: { type: 'string' },
      creatingUserGUID: { type: 'guid' },
      creationDateTime: { type: 'dateTime' },
      modifyingUserGUID: { type: 'guid' },
      modifiedDateTime: { type: 'dateTime' },
      basePath: { type: 'string' },
    },
    seq: [
      el('Users', 'Users'),
      el('CodeBook', 'CodeBook'),
      el('Variables', 'Variables'),
      el('Cases', 'Cases'),
      el('Sources', 'Sources'),
      el('Notes', 'Notes'),
      el('Links', 'Links'),
      el('Sets', 'Sets'),
      el('Graphs', 'Graphs'),
      el('Description', 'string'),
      many('NoteRef', 'Ref'),
    ],
  },
  Users: { attrs: {}, seq: [many('User', 'User', 1)] },
  User: { attrs: { ...guidReq, name: { type: 'string' }, id: { type: 'string' } }, seq: [] },
  CodeBook: { attrs: {}, seq: [el('Codes', 'Codes', 1)] },
  Codes: { attrs: {}, seq: [many('Code', 'Code', 1)] },
  Code: {
    attrs: {
      ...guidReq,
      name: { type: 'string', required: true },
      isCodable: { type: 'boolean', required: true },
      color: { type: 'rgb' },
    },
    seq: [el('Description', 'string'), many('NoteRef', 'Ref'), many('Code', 'Code')],
  },
  Variables: { attrs: {}, seq: [many('Variable', 'Variable', 1)] },
  Variable: {
    attrs: {
      ...guidReq,
      name: { type: 'string', required: true },
      typeOfVariable: { type: 'typeOfVariable', required: true },
    },
    seq: [el('Description', 'string')],
  },
  Cases: { attrs: {}, seq: [many('Case', 'Case', 1)] },
  Case: {
    attrs: { ...guidReq, name: { type: 'string' } },
    seq: [
      el('Description', 'string'),
      many('CodeRef', 'Ref'),
      many('VariableValue', 'VariableValue'),
      many('SourceRef', 'Ref'),
      many('SelectionRef', 'Ref'),
    ],
  },
  VariableValue: {
    attrs: {},
    seq: [
      el('VariableRef', 'Ref', 1),
      {
        choice: [
          el('TextValue', 'string'),
          el('BooleanValue', 'boolean'),
          el('IntegerValue', 'integer'),
          el('FloatValue', 'decimal'),
          el('DateValue', 'date'),
          el('DateTimeValue', 'dateTime'),
        ],
        min: 0,
        max: 1,
      },
    ],
  },
  Sources: {
    attrs: {},
    seq: [
      {
        choice: [
          el('TextSource', 'TextSource'),
          el('PictureSource', 'PictureSource'),
          el('PDFSource', 'PDFSource'),
          el('AudioSource', 'AudioSource'),
          el('VideoSource', 'VideoSource'),
        ],
        min: 1,
        max: N,
      },
    ],
  },
  TextSource: {
    attrs: {
      ...guidReq,
      name: { type: 'string' },
      richTextPath: { type: 'string' },
      plainTextPath: { type: 'string' },
      ...userAttrs,
    },
    seq: [
      el('Description', 'string'),
      el('PlainTextContent', 'string'),
      many('PlainTextSelection', 'PlainTextSelection'),
      many('Coding', 'Coding'),
      many('NoteRef', 'Ref'),
      many('VariableValue', 'VariableValue'),
    ],
  },
  PlainTextSelection: {
    attrs: {
      ...guidReq,
      name: { type: 'string' },
      startPosition: { type: 'integer', required: true },
      endPosition: { type: 'integer', required: true },
      ...userAttrs,
    },
    seq: selectionBody,
  },
  PictureSource: {
    attrs: mediaAttrs,
    seq: [
      el('Description', 'string'),
      el('TextDescription', 'TextSource'),
      many('PictureSelection', 'PictureSelection'),
      many('Coding', 'Coding'),
      many('NoteRef', 'Ref'),
      many('VariableValue', 'VariableValue'),
    ],
  },
  PictureSelection: {
    attrs: { ...guidReq, name: { type: 'string' }, ...rect, ...userAttrs },
    seq: selectionBody,
  },
  PDFSource: {
    attrs: mediaAttrs,
    seq: [
      el('Description', 'string'),
      many('PDFSelection', 'PDFSelection'),
      el('Representation', 'TextSource'),
      many('Coding', 'Coding'),
      many('NoteRef', 'Ref'),
      many('VariableValue', 'VariableValue'),
    ],
  },
  PDFSelection: {
    attrs: {
      ...guidReq,
      name: { type: 'string' },
      page: { type: 'integer', required: true },
      ...rect,
      ...userAttrs,
    },
    seq: [
      el('Description', 'string'),
      el('Representation', 'TextSource'),
      many('Coding', 'Coding'),
      many('NoteRef', 'Ref'),
    ],
  },
  AudioSource: media('AudioSelection'),
  AudioSelection: timed(),
  VideoSource: media('VideoSelection'),
  VideoSelection: timed(),
  Transcript: {
    attrs: {
      ...guidReq,
      name: { type: 'string' },
      richTextPath: { type: 'string' },
      plainTextPath: { type: 'string' },
      ...userAttrs,
    },
    seq: [
      el('Description', 'string'),
      el('PlainTextContent', 'string'),
      many('SyncPoint', 'SyncPoint'),
      many('TranscriptSelection', 'TranscriptSelection'),
      many('NoteRef', 'Ref'),
    ],
  },
  TranscriptSelection: {
    attrs: {
      ...guidReq,
      name: { type: 'string' },
      fromSyncPoint: { type: 'guid' },
      toSyncPoint: { type: 'guid' },
      ...userAttrs,
    },
    seq: selectionBody,
  },
  SyncPoint: {
    attrs: { ...guidReq, timeStamp: { type: 'integer' }, position: { type: 'integer' } },
    seq: [],
  },
  Coding: {
    attrs: { ...guidReq, creatingUser: { type: 'guid' }, creationDateTime: { type: 'dateTime' } },
    seq: [el('CodeRef', 'Ref', 1), many('NoteRef', 'Ref')],
  },
  Graphs: { attrs: {}, seq: [many('Graph', 'Graph', 1)] },
  Graph: {
    attrs: { ...guidReq, name: { type: 'string' } },
    seq: [many('Vertex', 'Vertex'), many('Edge', 'Edge')],
  },
  Vertex: {
    attrs: {
      ...guidReq,
      representedGUID: { type: 'guid' },
      name: { type: 'string' },
      firstX: { type: 'integer', required: true },
      firstY: { type: 'integer', required: true },
      secondX: { type: 'integer' },
      secondY: { type: 'integer' },
      shape: { type: 'shape' },
      color: { type: 'rgb' },
    },
    seq: [],
  },
  Edge: {
    attrs: {
      ...guidReq,
      representedGUID: { type: 'guid' },
      name: { type: 'string' },
      sourceVertex: { type: 'guid', required: true },
      targetVertex: { type: 'guid', required: true },
      color: { type: 'rgb' },
      direction: { type: 'direction' },
      lineStyle: { type: 'lineStyle' },
    },
    seq: [],
  },
  Notes: { attrs: {}, seq: [many('Note', 'TextSource', 1)] },
  Links: { attrs: {}, seq: [many('Link', 'Link', 1)] },
  Link: {
    attrs: {
      ...guidReq,
      name: { type: 'string' },
      direction: { type: 'direction' },
      color: { type: 'rgb' },
      originGUID: { type: 'guid' },
      targetGUID: { type: 'guid' },
    },
    seq: [many('NoteRef', 'Ref')],
  },
  Sets: { attrs: {}, seq: [many('Set', 'Set', 1)] },
  Set: {
    attrs: { ...guidReq, name: { type: 'string', required: true } },
    seq: [
      el('Description', 'string'),
      many('MemberCode', 'Ref'),
      many('MemberSource', 'Ref'),
      many('MemberNote', 'Ref'),
    ],
  },
  Ref: ref,
};

function media(selection: string): ComplexType {
  return {
    attrs: mediaAttrs,
    seq: [
      el('Description', 'string'),
      many('Transcript', 'Transcript'),
      many(selection, selection),
      many('Coding', 'Coding'),
      many('NoteRef', 'Ref'),
      many('VariableValue', 'VariableValue'),
    ],
  };
}

function timed(): ComplexType {
  return {
    attrs: {
      ...guidReq,
      name: { type: 'string' },
      begin: { type: 'integer', required: true },
      end: { type: 'integer', required: true },
      ...userAttrs,
    },
    seq: selectionBody,
  };
}

export const codebookTypes: Record<string, ComplexType> = {
  CodeBook: {
    attrs: { origin: { type: 'string' } },
    seq: [el('Codes', 'Codes', 1), el('Sets', 'Sets')],
  },
  Codes: { attrs: {}, seq: [many('Code', 'Code', 1)] },
  Code: {
    attrs: projectTypes.Code!.attrs,
    seq: [el('Description', 'string'), many('Code', 'Code')],
  },
  Sets: { attrs: {}, seq: [many('Set', 'Set', 1)] },
  Set: {
    attrs: { ...guidReq, name: { type: 'string', required: true } },
    seq: [el('Description', 'string'), many('MemberCode', 'MemberCode')],
  },
  MemberCode: { attrs: guidReq, seq: [] },
};

export const PROJECT_NS = 'urn:QDA-XML:project:1.0';
export const CODEBOOK_NS = 'urn:QDA-XML:codebook:1.0';
