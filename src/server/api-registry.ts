// API routes are declared as plain contract objects (zod schemas + text) that Fastify serves and
// the OpenAPI document is generated from, so the two cannot drift.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z, type ZodType } from 'zod';
import type { Actor } from '../domain/access/actor.js';
import { requireActor } from './plugins/session.js';
import type { UploadRoute } from './plugins/uploads.js';

export interface ApiRoute<
  Q extends ZodType = ZodType,
  B extends ZodType = ZodType,
  R extends ZodType = ZodType,
> {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  path: string; // Fastify style: /api/v1/activities/:id
  summary: string;
  tag: string;
  auth?: boolean; // default true
  params?: ZodType;
  query?: Q;
  body?: B;
  response: R;
  /**
   * The use case checks the body itself, after its access check (the schema then only documents
   * it): whoever may not act learns nothing, not even what is wrong with the request.
   */
  bodyCheckedByUseCase?: boolean;
  /** The status of a success when not 200 (202: accepted, a job was queued). */
  status?: 201 | 202;
  /** The route takes a file as its body (read only after the access check: plugins/uploads.ts). */
  upload?: UploadRoute;
  handler: (input: {
    actor: Actor;
    params: Record<string, string>;
    query: z.infer<Q>;
    body: z.infer<B>;
    request: FastifyRequest;
    reply: FastifyReply;
  }) => Promise<z.input<R>>;
}

/** A JSON object in a response whose shape the use case's own type already states. */
export const AnyObject = z.record(z.string(), z.unknown());
export const asObject = (v: unknown) => v as Record<string, unknown>;

/** The use-case context most API handlers need: the database, the actor and the frameworks. */
export function useCaseContextOf<C extends { database: { db: unknown }; catalog: unknown }>(
  ctx: C,
): (actor: Actor) => { db: C['database']['db']; actor: Actor; catalog: C['catalog'] } {
  return (actor) => ({ db: ctx.database.db, actor, catalog: ctx.catalog });
}

const registries = new WeakMap<FastifyInstance, ApiRoute[]>();

export function defineApiRoute<Q extends ZodType, B extends ZodType, R extends ZodType>(
  route: ApiRoute<Q, B, R>,
): ApiRoute<Q, B, R> {
  return route;
}

export function registerApiRoutes(app: FastifyInstance, defs: ApiRoute[]): void {
  const routes = registries.get(app) ?? [];
  registries.set(app, routes);
  for (const def of defs) {
    routes.push(def);
    app.route({
      method: def.method,
      url: def.path,
      ...(def.upload ? { config: { upload: def.upload } } : {}),
      handler: async (request, reply) => {
        const actor = def.auth === false ? (request.actor as Actor) : requireActor(request);
        const query = def.query ? def.query.parse(request.query) : {};
        const body = !def.body
          ? {}
          : def.bodyCheckedByUseCase
            ? (request.body ?? {})
            : def.body.parse(request.body ?? {});
        if (def.status) reply.status(def.status);
        const result = await def.handler({
          actor,
          params: request.params as Record<string, string>,
          query,
          body,
          request,
          reply,
        });
        return result;
      },
    });
  }
}

function openApiPath(path: string): string {
  return path.replace(/:([A-Za-z]+)/g, '{$1}');
}

export function buildOpenApiDocument(
  app: FastifyInstance,
  version: string,
): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of registries.get(app) ?? []) {
    const params = [...r.path.matchAll(/:([A-Za-z]+)/g)].map((m) => ({
      name: m[1],
      in: 'path',
      required: true,
      schema: { type: 'string' },
    }));
    const queryParams = r.query
      ? Object.entries(
          (
            z.toJSONSchema(r.query, { io: 'input', unrepresentable: 'any' }) as {
              properties?: Record<string, unknown>;
            }
          ).properties ?? {},
        ).map(([name, schema]) => ({ name, in: 'query', required: false, schema }))
      : [];
    const op: Record<string, unknown> = {
      summary: r.summary,
      tags: [r.tag],
      parameters: [...params, ...queryParams],
      responses: {
        [String(r.status ?? 200)]: {
          description: r.status === 202 ? 'Accepted' : r.status === 201 ? 'Created' : 'OK',
          content: {
            'application/json': {
              schema: z.toJSONSchema(r.response, { io: 'output', unrepresentable: 'any' }),
            },
          },
        },
        default: {
          description: 'Error',
          content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
        },
      },
      ...(r.auth === false ? { security: [] } : {}),
    };
    if (r.body) {
      op.requestBody = {
        required: true,
        content: {
          'application/json': {
            schema: z.toJSONSchema(r.body, { io: 'input', unrepresentable: 'any' }),
          },
        },
      };
    }
    const p = openApiPath(r.path);
    paths[p] = { ...(paths[p] ?? {}), [r.method.toLowerCase()]: op };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Triangulate API',
      version,
      description:
        'JSON API for Triangulate. Authenticate with POST /api/v1/sessions and send the token as `Authorization: Bearer <token>`.',
    },
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
      schemas: {
        Error: {
          type: 'object',
          properties: {
            error: {
              type: 'object',
              properties: {
                code: { type: 'string' },
                message: { type: 'string' },
                details: { type: 'array', items: { type: 'object' } },
              },
            },
          },
        },
      },
    },
    security: [{ bearer: [] }],
    paths,
  };
}
