// The REFI-QDA project as plain data: what the exporter writes and what the importer reads,
// limited to what Triangulate can represent (text sources; codes; cases with variables; notes).
// GUIDs are canonical (lower case, no braces). Text offsets are Unicode code points, 0-based,
// end exclusive (REFI-QDA 1.5 §10.2; every vendor's sample agrees that endPosition is exclusive).

export type VariableType = 'Text' | 'Boolean' | 'Integer' | 'Float' | 'Date' | 'DateTime';
export type VariableValue = string | number | boolean;

export interface RefiUser {
  guid: string;
  name: string;
}

/** Who and when, as on most REFI elements (users are GUIDs of `users`). */
export interface Stamp {
  creatingUser?: string | null;
  creationDateTime?: string | null;
  modifyingUser?: string | null;
  modifiedDateTime?: string | null;
}

export interface RefiCode {
  guid: string;
  name: string;
  isCodable: boolean;
  /** '#rrggbb' or null. */
  color: string | null;
  /** The colour as the file wrote it (kept for the export), when it was read from a file. */
  rawColor?: string | null;
  description: string | null;
  noteRefs: string[];
  children: RefiCode[];
}

export interface RefiVariable {
  guid: string;
  name: string;
  type: VariableType;
  description: string | null;
}

export interface RefiVariableValue {
  variableGuid: string;
  value: VariableValue;
}

export interface RefiCase {
  guid: string;
  name: string | null;
  description: string | null;
  variableValues: RefiVariableValue[];
  sourceRefs: string[];
  selectionRefs: string[];
  codeRefs: string[];
}

export interface RefiCoding {
  guid: string;
  codeGuid: string;
  creatingUser: string | null;
  creationDateTime: string | null;
  noteRefs: string[];
}

export interface RefiSelection extends Stamp {
  guid: string;
  name: string | null;
  start: number;
  end: number;
  description: string | null;
  codings: RefiCoding[];
  noteRefs: string[];
}

export interface RefiTextSource extends Stamp {
  guid: string;
  name: string | null;
  description: string | null;
  /** The plain text (exported to sources/<guid>.txt, or read from there or PlainTextContent). */
  text: string;
  selections: RefiSelection[];
  /** Codings of the whole source. */
  codings: RefiCoding[];
  noteRefs: string[];
  variableValues: RefiVariableValue[];
}

export interface RefiNote extends Stamp {
  guid: string;
  name: string | null;
  description: string | null;
  text: string;
}

export interface RefiLink {
  guid: string;
  name: string | null;
  direction: 'Associative' | 'OneWay' | 'Bidirectional' | null;
  originGuid: string | null;
  targetGuid: string | null;
}

export interface RefiProject {
  name: string;
  origin: string | null;
  creationDateTime: string | null;
  modifiedDateTime: string | null;
  users: RefiUser[];
  codes: RefiCode[];
  variables: RefiVariable[];
  cases: RefiCase[];
  sources: RefiTextSource[];
  notes: RefiNote[];
  links: RefiLink[];
  description: string | null;
  /** Notes about the project as a whole. */
  noteRefs: string[];
  /** Elements kept as an imported file wrote them, written again as they are (XML). */
  raw?: RefiRawParts;
  /** Files those elements name, written under sources/. */
  files?: Array<{ name: string; bytes: Uint8Array }>;
}

export interface RefiRawParts {
  users: string[];
  variables: string[];
  /** PDF, picture, audio and video sources. */
  sources: string[];
  links: string[];
  sets: string[];
  graphs: string[];
}

/** Every code of a tree, parents before children. */
export function flattenCodes(codes: RefiCode[]): RefiCode[] {
  const out: RefiCode[] = [];
  const walk = (list: RefiCode[]) => {
    for (const c of list) {
      out.push(c);
      walk(c.children);
    }
  };
  walk(codes);
  return out;
}
