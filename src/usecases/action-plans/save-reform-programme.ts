// The LA records a reform or improvement programme (name, aims, dates, keywords a report might
// use for it), or changes one (with `programmeId`). Only the LA's own users.
import { z } from 'zod';
import { writeAudit } from '../../data/audit-log.js';
import {
  findReformProgramme,
  insertReformProgramme,
  updateReformProgramme,
} from '../../data/repositories/reform-programmes.js';
import { parseKeywords, type ReformProgramme } from '../../domain/action-plans/reform-programme.js';
import { AppError, sqlState } from '../../errors.js';
import { now } from '../../clock.js';
import type { UseCaseContext } from '../context.js';
import { actorRef } from '../shared/actor-ref.js';
import { isoDate, laScope, parseInput } from './scope.js';

export const SaveReformProgrammeInput = z
  .object({
    laId: z.string().max(200),
    programmeId: z.string().max(100).optional(),
    name: z
      .string()
      .trim()
      .min(3, 'Enter the programme’s name')
      .max(200, 'Keep the name to 200 characters'),
    aims: z
      .string()
      .trim()
      .min(1, 'Enter the programme’s aims')
      .max(4000, 'Keep the aims to 4,000 characters'),
    startsOn: isoDate,
    endsOn: z.union([isoDate, z.literal('')]).optional(),
    keywords: z.union([z.string().max(2000), z.array(z.string().max(200)).max(20)]).default(''),
  })
  .refine((v) => !v.endsOn || v.endsOn >= v.startsOn, {
    path: ['endsOn'],
    message: 'The end date must be on or after the start date',
  });
export type SaveReformProgrammeInput = z.input<typeof SaveReformProgrammeInput>;

export async function saveReformProgramme(
  ctx: UseCaseContext,
  raw: SaveReformProgrammeInput,
): Promise<ReformProgramme> {
  const scope = await laScope(ctx, String(raw.laId ?? ''));
  if (!scope.can.write) throw new AppError('FORBIDDEN');
  const input = parseInput(SaveReformProgrammeInput, raw);
  const fields = {
    name: input.name,
    aims: input.aims,
    startsOn: input.startsOn,
    endsOn: input.endsOn || null,
    keywords: parseKeywords(input.keywords),
  };
  const by = actorRef(ctx.actor);
  const taken = () =>
    new AppError('ALREADY_EXISTS', {
      details: [{ field: 'name', reason: 'The LA already has a programme of that name' }],
    });
  try {
    return await ctx.db.transaction().execute(async (trx) => {
      if (input.programmeId) {
        const before = await findReformProgramme(trx, scope.la.id, input.programmeId);
        if (!before) throw new AppError('NOT_FOUND');
        const saved = await updateReformProgramme(trx, before.id, fields, by, now());
        await writeAudit(trx, ctx.actor, {
          action: 'reform_programme.updated',
          entityType: 'reform_programme',
          entityId: saved.id,
          laId: scope.la.id,
          before: { ...before, updatedAt: undefined, updatedBy: undefined },
          after: { ...fields },
        });
        return saved;
      }
      const saved = await insertReformProgramme(trx, scope.la.id, fields, by, now());
      if (!saved) throw taken();
      await writeAudit(trx, ctx.actor, {
        action: 'reform_programme.added',
        entityType: 'reform_programme',
        entityId: saved.id,
        laId: scope.la.id,
        after: { ...fields },
      });
      return saved;
    });
  } catch (err) {
    if (sqlState(err) === '23505') throw taken();
    throw err;
  }
}
