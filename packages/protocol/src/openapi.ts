import type { TSchema } from '@sinclair/typebox';
import { problemContentType, problems } from './problems.js';
import { type RouteSpec, routes } from './routes.js';
import * as schemas from './schemas/index.js';

type Json = Record<string, unknown>;

/** Deep copy of a TypeBox schema as plain JSON Schema, named schemas replaced by `$ref`s. */
function toJsonSchema(schema: TSchema, top = true): unknown {
  if (!top && typeof schema.$id === 'string') return { $ref: `#/components/schemas/${schema.$id}` };
  if (Array.isArray(schema)) return schema.map((s) => toJsonSchema(s, false));
  if (schema === null || typeof schema !== 'object') return schema;
  const out: Json = {};
  for (const [k, v] of Object.entries(schema)) {
    if (k === '$id') continue;
    out[k] = v !== null && typeof v === 'object' ? toJsonSchema(v as TSchema, false) : v;
  }
  return out;
}

function parameters(route: RouteSpec): Json[] {
  const list: Json[] = [];
  for (const [where, schema] of [
    ['path', route.params],
    ['query', route.query],
  ] as const) {
    if (!schema) continue;
    const required = new Set<string>((schema.required as string[] | undefined) ?? []);
    for (const [name, prop] of Object.entries(schema.properties as Record<string, TSchema>)) {
      const param: Json = { name, in: where, required: where === 'path' || required.has(name) };
      param.schema = toJsonSchema(prop, false);
      if (prop.type === 'array') {
        param.style = 'form';
        param.explode = true;
      }
      if (prop.description) param.description = prop.description;
      list.push(param);
    }
  }
  if (route.method === 'POST') {
    list.push({
      name: 'Idempotency-Key',
      in: 'header',
      required: false,
      description:
        'Any 1–255 printable characters. A retried POST with the same key and body returns the first result and never writes twice.',
      schema: { type: 'string', minLength: 1, maxLength: 255 },
    });
  }
  if (route.proof) {
    list.push({
      name: 'Kith-Proof',
      in: 'header',
      required: false,
      description:
        'A solved proof of work, where the site’s `proofOfWork` asks it of this reader: base64 of JSON `{ challenge, solution: { counter, derivedKey } }`, the challenge from GET challenge, unchanged. Each is good for one comment.',
      schema: { type: 'string', maxLength: 4096 },
    });
  }
  if (route.stream) {
    list.push({
      name: 'Last-Event-ID',
      in: 'header',
      required: false,
      description: 'Resume after this event id (EventSource sends it when it reconnects).',
      schema: { type: 'string' },
    });
  }
  return list;
}

function responses(route: RouteSpec): Json {
  const out: Json = {};
  for (const [status, schema] of Object.entries(route.responses)) {
    if (route.stream) {
      out[status] = {
        description: 'An event stream; see the thread event schemas.',
        content: { 'text/event-stream': { schema: { type: 'string' } } },
      };
    } else if (route.text) {
      out[status] = { description: 'Success', content: { [route.text]: { schema: { type: 'string' } } } };
    } else if (schema === null) {
      out[status] = { description: 'No content' };
    } else {
      out[status] = {
        description: 'Success',
        content: { 'application/json': { schema: toJsonSchema(schema as TSchema, false) } },
      };
    }
  }
  out.default = {
    description: 'A problem (RFC 9457); `code` is one of the documented problem codes.',
    content: { [problemContentType]: { schema: { $ref: '#/components/schemas/Problem' } } },
  };
  return out;
}

const security: Record<RouteSpec['auth'], Json[] | undefined> = {
  none: [],
  'optional-user': [{}, { session: [] }],
  user: [{ session: [] }],
  secret: [{ siteSecret: [] }],
  moderator: [{ siteSecret: [] }, { session: [] }],
};

/** The protocol's OpenAPI 3.1 document, generated from the same schemas the server validates with. */
export function buildOpenApi(serverUrl?: string): Json {
  const paths: Record<string, Json> = {};
  for (const [operationId, route] of Object.entries(routes) as [string, RouteSpec][]) {
    const item = (paths[route.path] ??= {});
    const op: Json = {
      operationId,
      summary: route.summary,
      security: security[route.auth],
      parameters: parameters(route),
      responses: responses(route),
    };
    if (route.body) {
      op.requestBody = {
        required: true,
        content: { 'application/json': { schema: toJsonSchema(route.body, false) } },
      };
    }
    item[route.method.toLowerCase()] = op;
  }
  const components: Record<string, unknown> = {};
  for (const schema of Object.values(schemas) as TSchema[]) {
    if (schema && typeof schema === 'object' && typeof schema.$id === 'string') {
      components[schema.$id] = toJsonSchema(schema, true);
    }
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Kith protocol',
      version: '1.0.0',
      description:
        'Comments, reactions, counts, sessions and live events for embeddable community widgets. Errors are RFC 9457 problem+json with `type: urn:kith:problem:<code>`.',
    },
    servers: serverUrl ? [{ url: serverUrl }] : [],
    paths,
    components: {
      schemas: components,
      securitySchemes: {
        session: { type: 'http', scheme: 'bearer', description: 'A session token from /sessions.' },
        siteSecret: { type: 'http', scheme: 'bearer', description: 'The site secret (server side only).' },
      },
    },
    // What a site's webhook receives (the owner sets it in admin/settings).
    webhooks: Object.fromEntries(
      schemas.webhookEventTypes.map((type) => [
        type,
        {
          post: {
            summary: `${type}, signed as Standard Webhooks (webhook-id, webhook-timestamp, webhook-signature)`,
            requestBody: {
              required: true,
              content: { 'application/json': { schema: { $ref: '#/components/schemas/WebhookPayload' } } },
            },
            responses: {
              '200': { description: 'Any 2xx: delivered. Anything else is retried with backoff.' },
            },
          },
        },
      ]),
    ),
    'x-kith-problems': Object.fromEntries(Object.entries(problems).map(([code, p]) => [code, p])),
  };
}
