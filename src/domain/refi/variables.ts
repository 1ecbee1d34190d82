// Triangulate's fields carried as REFI-QDA Variables, so that an exported project keeps the
// method, date, judgement areas, direction and the rest of each evidence record, and each case's
// kind and typed attributes, and a re-import restores them. Other tools show them as document and
// case attributes. Variable GUIDs are derived from their names: every export uses the same ones.
import {
  caseKinds,
  evidenceDirectionLabels,
  evidenceMethodLabels,
} from '../evidence/vocabulary.js';
import { uuidV5 } from './guid.js';
import type { RefiVariable, VariableType } from './model.js';

interface VarSpec {
  name: string;
  type: VariableType;
  description: string;
}

export const evidenceVariables = {
  method: { name: 'Evidence method', type: 'Text', description: 'How the evidence was gathered' },
  observedOn: { name: 'Observed on', type: 'Date', description: 'The day it was gathered' },
  judgementAreas: {
    name: 'Judgement areas',
    type: 'Text',
    description: 'Keys of the framework judgement areas it is filed under, comma separated',
  },
  direction: {
    name: 'Evaluative direction',
    type: 'Text',
    description: 'Strength, area for improvement, mixed or context',
  },
  childVoice: {
    name: "Child's voice",
    type: 'Boolean',
    description: "Whether the child's voice is evidenced",
  },
  livedExperience: {
    name: 'Lived experience',
    type: 'Boolean',
    description: 'Whether lived experience is evidenced',
  },
  minutesSpent: { name: 'Minutes spent', type: 'Integer', description: 'Time spent gathering it' },
  locality: {
    name: 'Locality',
    type: 'Text',
    description: 'Locality (of the evidence, or of a team)',
  },
  consentInfoSheetGiven: {
    name: 'Consent: information sheet given',
    type: 'Boolean',
    description: 'Information sheet given',
  },
  consentGiven: {
    name: 'Consent given',
    type: 'Boolean',
    description: 'Consent given to the conversation',
  },
  consentGivenBy: {
    name: 'Consent given by',
    type: 'Text',
    description: 'child, parent, carer or other',
  },
} as const satisfies Record<string, VarSpec>;

export const caseVariables = {
  kind: { name: 'Case kind', type: 'Text', description: 'child, practitioner or team' },
  cohort: { name: 'Cohort', type: 'Text', description: "The child's cohort" },
  legalStatus: { name: 'Legal status', type: 'Text', description: "The child's legal status" },
  ageBand: { name: 'Age band', type: 'Text', description: "The child's age band" },
  ethnicity: { name: 'Ethnicity', type: 'Text', description: 'ONS 2021 high-level ethnic group' },
  disability: { name: 'Disability', type: 'Boolean', description: 'Whether the child is disabled' },
  team: { name: 'Team', type: 'Text', description: "The practitioner's team" },
  experienceBand: {
    name: 'Experience band',
    type: 'Text',
    description: "The practitioner's experience",
  },
  locality: evidenceVariables.locality,
} as const satisfies Record<string, VarSpec>;

export type EvidenceVariableKey = keyof typeof evidenceVariables;
export type CaseVariableKey = keyof typeof caseVariables;

// A variable's GUID is asked for once a value (tens of thousands in an export): derived once.
const variableGuids = new Map<string, string>();

export function variableGuid(name: string): string {
  let guid = variableGuids.get(name);
  if (guid === undefined) {
    guid = uuidV5(`variable:${name}`);
    variableGuids.set(name, guid);
  }
  return guid;
}

export function refiVariable(spec: VarSpec): RefiVariable {
  return {
    guid: variableGuid(spec.name),
    name: spec.name,
    type: spec.type,
    description: spec.description,
  };
}

const norm = (s: string) =>
  s
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, ' ');

/** Method key from a key or its label ('case_file_reading' or 'Case file reading'). */
export function methodFromText(v: string): string | null {
  for (const [key, label] of Object.entries(evidenceMethodLabels))
    if (norm(key) === norm(v) || norm(label) === norm(v)) return key;
  return null;
}

export function directionFromText(v: string): string | null {
  for (const [key, label] of Object.entries(evidenceDirectionLabels))
    if (norm(key) === norm(v) || norm(label) === norm(v)) return key;
  return null;
}

export function caseKindFromText(v: string): (typeof caseKinds)[number] | null {
  return caseKinds.find((k) => k === norm(v)) ?? null;
}

/** Which of our variables a variable of an imported file is (by name, case-insensitive). */
export function recogniseVariable(
  name: string,
  table: Record<string, { name: string }>,
): string | null {
  for (const [key, spec] of Object.entries(table)) if (norm(spec.name) === norm(name)) return key;
  return null;
}
