/** The OpenAPI 3.1 description of the HTTP API, kept next to the routes it documents. */

type Schema = Record<string, unknown>;

const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: Schema, description: string): Schema => ({
  description,
  content: { 'application/json': { schema } },
});
const error = (description: string): Schema => json(ref('Error'), description);
const query = (name: string, description: string, schema: Schema = { type: 'string' }): Schema => ({
  name,
  in: 'query',
  required: false,
  description,
  schema,
});
const pathId = (description: string): Schema => ({
  name: 'id',
  in: 'path',
  required: true,
  description,
  schema: { type: 'string', pattern: '^[A-Za-z0-9:_-]{1,100}$' },
});

const articleInput: Schema = {
  type: 'object',
  required: ['text'],
  additionalProperties: false,
  properties: {
    text: { type: 'string', minLength: 1 },
    title: { type: 'string' },
    source: { type: 'string', description: 'The outlet' },
    url: { type: 'string', format: 'uri' },
    published: { type: 'string', format: 'date' },
  },
};

export function openApiDocument(): Schema {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Storyline API',
      version: '1.0.0',
      description:
        'Stories built from news articles: list, search, read, ingest, and follow updates. Every route answers 403 to an ' +
        'unknown Host header, and 414 (431) to a request line (headers) over 8 KB (16 KB).',
    },
    paths: {
      '/api/stories': {
        get: {
          summary: 'List or search stories, most recent first',
          parameters: [
            query('q', 'Full-text search over article titles and text'),
            query('entity', 'Only stories naming this person, organisation or place (name or alias)'),
            query('outlet', 'Only stories with an article from this outlet (substring, case-insensitive)'),
            query('from', 'Only stories with articles on or after this date (YYYY, YYYY-MM or YYYY-MM-DD)'),
            query('to', 'Only stories with articles on or before this date'),
            query('limit', 'Page size (1–200, default 50)', { type: 'integer', minimum: 1, maximum: 200 }),
            query('offset', 'Stories to skip', { type: 'integer', minimum: 0 }),
          ],
          responses: { '200': json(ref('StoryPage'), 'A page of story summaries'), '400': error('Invalid parameter') },
        },
      },
      '/api/stories/{id}': {
        get: {
          summary: 'One story as a storyline/1 document with one page of its articles',
          description:
            'Articles come in pages (`articlePage.next` is the URL of the next one). The answer carries a weak ETag ' +
            'that changes whenever the story is written: send it back in If-None-Match to get 304 when nothing changed.',
          parameters: [
            pathId('Story id'),
            query('articleOffset', 'Articles to skip, in story order', { type: 'integer', minimum: 0 }),
            query('articleLimit', 'Articles in the page (1–200, default 50)', {
              type: 'integer',
              minimum: 1,
              maximum: 200,
            }),
            query('words', 'Rebuild the brief at this many words (1–1000); the stored brief otherwise', {
              type: 'integer',
              minimum: 1,
              maximum: 1000,
            }),
            query(
              'since',
              'Add `whatsNew`: two or three cited sentences on what the reports published at or after this date ' +
                '(YYYY-MM-DD or YYYY-MM-DDTHH:MM) add',
              { type: 'string' },
            ),
            {
              name: 'If-None-Match',
              in: 'header',
              required: false,
              description: 'The ETag of a copy the client holds',
              schema: { type: 'string' },
            },
          ],
          responses: {
            '200': json(ref('StoryDocument'), 'The story'),
            '304': { description: 'The copy named by If-None-Match is current' },
            '400': error('Invalid id'),
            '404': error('No such story'),
          },
        },
      },
      '/api/articles/{id}': {
        get: {
          summary: 'One article with its sentences, entity mentions, quotes and time expressions',
          parameters: [pathId('Article id')],
          responses: {
            '200': json({ type: 'object' }, 'The annotated article'),
            '400': error('Invalid id'),
            '404': error('No such article'),
          },
        },
      },
      '/api/articles': {
        post: {
          summary: 'Queue one or more articles for ingest',
          description:
            'text/plain: one article, optionally preceded by a header block (title:, source:, url:, date: lines, then a blank line). ' +
            'application/json: an article object or an array of up to 500. Requires a bearer token when the server has one. ' +
            'Answers 202 with a job (follow Location to GET /api/jobs/{id}); with ?wait=true it answers once the job is done.',
          security: [{ bearer: [] }],
          parameters: [
            query('wait', 'true: answer when the articles are stored, with the ingest result', {
              type: 'string',
              enum: ['true', 'false'],
            }),
          ],
          requestBody: {
            required: true,
            content: {
              'text/plain': { schema: { type: 'string' } },
              'application/json': {
                schema: { oneOf: [articleInput, { type: 'array', items: articleInput, minItems: 1, maxItems: 500 }] },
              },
            },
          },
          responses: {
            '202': json(ref('Job'), 'Queued; the Location header names the job'),
            '201': json(ref('IngestResult'), 'With ?wait=true: stored; the stories it changed'),
            '200': json(ref('IngestResult'), 'With ?wait=true: nothing new (all duplicates)'),
            '400': error('Invalid body'),
            '401': error('Missing or wrong token'),
            '403': error('Written from another site (Origin or Sec-Fetch-Site), or an unknown Host'),
            '413': error('Body larger than the limit, or more than 500 articles'),
            '415': error('Unsupported content type'),
          },
        },
      },
      '/api/jobs/{id}': {
        get: {
          summary: 'The status of an ingest job; its result once done',
          parameters: [pathId('Job id')],
          responses: {
            '200': json(ref('Job'), 'The job'),
            '400': error('Invalid id'),
            '404': error('No such job (finished jobs are forgotten after a while)'),
          },
        },
      },
      '/api/entities': {
        get: {
          summary: 'People, organisations and places with the stories they appear in',
          parameters: [
            query('q', 'Name or alias to look for'),
            query('limit', 'At most this many (1–500, default 50)', { type: 'integer', minimum: 1, maximum: 500 }),
          ],
          responses: {
            '200': json(
              { type: 'object', properties: { entities: { type: 'array', items: ref('EntityRow') } } },
              'Entities',
            ),
            '400': error('Invalid parameter'),
          },
        },
      },
      '/api/events': {
        get: {
          summary:
            'Server-Sent Events: a `story` event (StoryUpdate JSON) for every story changed by an ingest, including ingests by other processes',
          responses: {
            '200': { description: 'An event stream', content: { 'text/event-stream': { schema: { type: 'string' } } } },
          },
        },
      },
      '/api/health': {
        get: {
          summary: 'Liveness and article count',
          responses: {
            '200': json(
              { type: 'object', properties: { ok: { type: 'boolean' }, articles: { type: 'integer' } } },
              'Up',
            ),
          },
        },
      },
      '/api/openapi.json': {
        get: { summary: 'This document', responses: { '200': json({ type: 'object' }, 'OpenAPI 3.1 document') } },
      },
    },
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
      schemas: {
        Error: {
          type: 'object',
          required: ['error'],
          properties: {
            error: {
              type: 'object',
              required: ['code', 'message'],
              properties: { code: { type: 'string' }, message: { type: 'string' } },
            },
          },
        },
        StorySummary: {
          type: 'object',
          required: ['id', 'title', 'articleCount', 'independentSources', 'outlets', 'updatedAt'],
          properties: {
            id: { type: 'string' },
            title: { type: 'string' },
            articleCount: { type: 'integer' },
            independentSources: { type: 'integer' },
            outlets: { type: 'array', items: { type: 'string' } },
            firstPublished: { type: 'string' },
            lastPublished: { type: 'string' },
            updatedAt: { type: 'string' },
            pending: {
              type: 'integer',
              description: 'Articles that joined after the story view was built (absent when it is complete)',
            },
            viewUpdatedAt: { type: 'string', description: 'When the story view was last rebuilt' },
          },
        },
        StoryPage: {
          type: 'object',
          required: ['hasMore', 'limit', 'offset', 'stories'],
          properties: {
            total: { type: 'integer', description: 'Matching stories (only when filtered)' },
            hasMore: { type: 'boolean' },
            limit: { type: 'integer' },
            offset: { type: 'integer' },
            stories: { type: 'array', items: ref('StorySummary') },
          },
        },
        StoryDocument: {
          type: 'object',
          required: ['format', 'articles', 'stories', 'graph', 'articlePage'],
          properties: {
            format: { const: 'storyline/1' },
            articles: { type: 'array', items: { type: 'object' } },
            stories: { type: 'array', items: { type: 'object' } },
            graph: {
              type: 'object',
              description: 'Entity co-occurrence: nodes and edges weighted by shared sentences and articles',
            },
            articlePage: {
              type: 'object',
              required: ['offset', 'limit', 'total'],
              properties: {
                offset: { type: 'integer' },
                limit: { type: 'integer' },
                total: { type: 'integer', description: 'Articles in the story' },
                next: { type: 'string', description: 'URL of the next page; absent on the last' },
              },
            },
          },
        },
        Job: {
          type: 'object',
          required: ['id', 'status', 'articles', 'analysed', 'submittedAt'],
          properties: {
            id: { type: 'string' },
            status: { enum: ['queued', 'running', 'done', 'failed'] },
            articles: { type: 'integer' },
            analysed: { type: 'integer', description: 'Articles analysed so far' },
            submittedAt: { type: 'string', format: 'date-time' },
            startedAt: { type: 'string', format: 'date-time' },
            finishedAt: { type: 'string', format: 'date-time' },
            result: ref('IngestResult'),
            error: {
              type: 'object',
              description: 'Why the job failed',
              properties: { code: { type: 'string' }, message: { type: 'string' } },
            },
          },
        },
        StoryUpdate: {
          type: 'object',
          required: ['storyId', 'title', 'articleCount', 'independentSources'],
          properties: {
            storyId: { type: 'string' },
            title: { type: 'string' },
            articleCount: { type: 'integer' },
            independentSources: { type: 'integer' },
          },
        },
        IngestResult: {
          type: 'object',
          properties: {
            stored: { type: 'array', items: { type: 'string' } },
            duplicates: { type: 'array', items: { type: 'string' } },
            failures: {
              type: 'array',
              items: { type: 'object', properties: { index: { type: 'integer' }, reason: { type: 'string' } } },
            },
            stories: { type: 'array', items: ref('StoryUpdate') },
          },
        },
        EntityRow: {
          type: 'object',
          properties: {
            id: { type: 'string' },
            name: { type: 'string' },
            type: { enum: ['person', 'organization', 'place', 'other'] },
            aliases: { type: 'array', items: { type: 'string' } },
            roles: { type: 'array', items: { type: 'string' } },
            mentions: { type: 'integer' },
            stories: {
              type: 'array',
              items: { type: 'object', properties: { id: { type: 'string' }, title: { type: 'string' } } },
            },
          },
        },
      },
    },
  };
}
