// Calibration with vignettes over JSON (issue 15): the vignette bank and its choices, exercises,
// an invited inspector's blind rating and submission, discussion notes, an inspector's own
// agreement over time and the national view by region and quarter. The same use cases as the
// pages, so the same blindness: no reference grade or other rating before one submits.
import { z } from 'zod';
import type { Actor } from '../../../domain/access/actor.js';
import {
  addCalibrationNote,
  AddCalibrationNoteInput,
} from '../../../usecases/calibration/add-calibration-note.js';
import { addVignette, AddVignetteInput } from '../../../usecases/calibration/add-vignette.js';
import {
  createExercise,
  CreateExerciseInput,
} from '../../../usecases/calibration/create-exercise.js';
import { getCalibrationChoices } from '../../../usecases/calibration/get-calibration-choices.js';
import { getExercise } from '../../../usecases/calibration/get-exercise.js';
import { getMyCalibration } from '../../../usecases/calibration/get-my-calibration.js';
import { getNationalCalibration } from '../../../usecases/calibration/get-national-calibration.js';
import { listExercises } from '../../../usecases/calibration/list-exercises.js';
import { listVignettes } from '../../../usecases/calibration/list-vignettes.js';
import { rateVignette, RateVignetteInput } from '../../../usecases/calibration/rate-vignette.js';
import { retireVignette } from '../../../usecases/calibration/retire-vignette.js';
import { submitRatings } from '../../../usecases/calibration/submit-ratings.js';
import { defineApiRoute, registerApiRoutes } from '../../api-registry.js';
import type { RouteModule } from '../index.js';

const TAG = 'calibration';
const json = z.any().describe('See the README section "Calibration with vignettes"');

export const registerCalibrationApi: RouteModule = (app, ctx) => {
  const uc = (actor: Actor) => ({ db: ctx.database.db, actor, catalog: ctx.catalog });
  const id = (params: Record<string, string>) => params.id ?? '';
  registerApiRoutes(app, [
    defineApiRoute({
      method: 'GET',
      path: '/api/v1/calibration/vignettes',
      summary: 'The vignette bank with criteria and reference grades (national staff and admins)',
      tag: TAG,
      response: z.object({ vignettes: z.array(json) }),
      handler: async ({ actor }) => ({ vignettes: await listVignettes(uc(actor)) }),
    }),
    defineApiRoute({
      method: 'POST',
      path: '/api/v1/calibration/vignettes',
      summary:
        'Add a vignette: framework, judgement area, criteria it illustrates, reference grade',
      tag: TAG,
      body: AddVignetteInput,
      response: json,
      handler: async ({ actor, body }) => addVignette(uc(actor), body),
    }),
    defineApiRoute({
      method: 'POST',
      path: '/api/v1/calibration/vignettes/:id/retire',
      summary:
        'Retire a vignette from the bank: kept in past exercises and their figures, no longer offered for new ones',
      tag: TAG,
      response: json,
      handler: async ({ actor, params }) => retireVignette(uc(actor), { vignetteId: id(params) }),
    }),
    defineApiRoute({
      method: 'GET',
      path: '/api/v1/calibration/choices',
      summary: 'Framework judgement areas with their criteria and grades, and inspectors to invite',
      tag: TAG,
      response: json,
      handler: async ({ actor }) => getCalibrationChoices(uc(actor)),
    }),
    defineApiRoute({
      method: 'GET',
      path: '/api/v1/calibration/exercises',
      summary: 'Calibration exercises: all for organisers, the ones an inspector was invited to',
      tag: TAG,
      response: z.object({ exercises: z.array(json) }),
      handler: async ({ actor }) => ({ exercises: await listExercises(uc(actor)) }),
    }),
    defineApiRoute({
      method: 'POST',
      path: '/api/v1/calibration/exercises',
      summary: 'Set up an exercise: vignettes from the bank and at least two inspectors',
      tag: TAG,
      body: CreateExerciseInput,
      response: z.object({ id: z.string() }),
      handler: async ({ actor, body }) => createExercise(uc(actor), body),
    }),
    defineApiRoute({
      method: 'GET',
      path: '/api/v1/calibration/exercises/:id',
      summary:
        'An exercise as the viewer may see it: blind (own ratings only) until they submit, then reference grades, spread, agreement and notes',
      tag: TAG,
      response: json,
      handler: async ({ actor, params }) => getExercise(uc(actor), { exerciseId: id(params) }),
    }),
    defineApiRoute({
      method: 'POST',
      path: '/api/v1/calibration/exercises/:id/ratings',
      summary: 'Rate one vignette blind (an invited inspector, until they submit)',
      tag: TAG,
      body: RateVignetteInput.omit({ exerciseId: true }),
      response: z.object({ rated: z.boolean() }),
      handler: async ({ actor, params, body }) => {
        await rateVignette(uc(actor), { ...body, exerciseId: id(params) });
        return { rated: true };
      },
    }),
    defineApiRoute({
      method: 'POST',
      path: '/api/v1/calibration/exercises/:id/submit',
      summary: 'Submit one’s ratings once every vignette is rated: they are fixed from then on',
      tag: TAG,
      response: z.object({ submitted: z.boolean() }),
      handler: async ({ actor, params }) => {
        await submitRatings(uc(actor), { exerciseId: id(params) });
        return { submitted: true };
      },
    }),
    defineApiRoute({
      method: 'POST',
      path: '/api/v1/calibration/exercises/:id/notes',
      summary: 'Add a discussion note on a vignette (organisers, or inspectors who have submitted)',
      tag: TAG,
      body: AddCalibrationNoteInput.omit({ exerciseId: true }),
      response: z.object({ id: z.string() }),
      handler: async ({ actor, params, body }) =>
        addCalibrationNote(uc(actor), { ...body, exerciseId: id(params) }),
    }),
    defineApiRoute({
      method: 'GET',
      path: '/api/v1/calibration/mine',
      summary: 'The signed-in inspector’s own agreement with the reference grades, over time',
      tag: TAG,
      response: json,
      handler: async ({ actor }) => getMyCalibration(uc(actor)),
    }),
    defineApiRoute({
      method: 'GET',
      path: '/api/v1/calibration/national',
      summary:
        'Agreement with the reference grades by region and by quarter (groups under three inspectors withheld)',
      tag: TAG,
      response: json,
      handler: async ({ actor }) => getNationalCalibration(uc(actor)),
    }),
  ]);
};
