// Attribute checking for cases: each kind has its own typed schema.
import { caseAttributeSchemas } from '../../domain/evidence/case-attributes.js';
import type { CaseKind } from '../../domain/evidence/vocabulary.js';
import { AppError } from '../../errors.js';

export function checkAttributes(
  kind: CaseKind,
  raw: unknown,
): Record<string, string | number | boolean> {
  const parsed = caseAttributeSchemas[kind].safeParse(raw ?? {});
  if (!parsed.success)
    throw new AppError('VALIDATION_FAILED', {
      details: parsed.error.issues.map((i) => ({
        field: ['attributes', ...i.path.map(String)].join('.'),
        reason:
          i.code === 'unrecognized_keys'
            ? `Not an attribute of a ${kind} case: ${i.keys.join(', ')}`
            : i.message,
      })),
    });
  return Object.fromEntries(
    Object.entries(parsed.data).filter(([, v]) => v !== undefined),
  ) as Record<string, string | number | boolean>;
}
