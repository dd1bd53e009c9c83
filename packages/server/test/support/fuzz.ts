/**
 * Fuzzed requests for one catalog operation: path parameters, query and body drawn from the
 * operation's shape (its OpenAPI schema, or the probe plan's own request for routes the document
 * leaves out) and broken with hostile values — wrong types, huge strings, unicode, NUL, deep nesting,
 * odd numbers, the victim's ids, path traversal — and now and then the wrong content type.
 */
import fc from 'fast-check';
import type { CatalogEntry } from './catalog.ts';
import { queryString } from './catalog.ts';
import { MULTIPART_BOUNDARY, type ProbeRequest } from './http.ts';
import { hostileString, hostileValue, type JsonSchema, schemaArbitrary } from './schema.ts';

/** The path with its parameters filled, URL-encoded (lone surrogates made well-formed first). */
function fillPathSafely(path: string, values: Record<string, string>): string {
  return path.replace(/\{([^}]+)\}/g, (_, name: string) =>
    encodeURIComponent((values[name] ?? '').toWellFormed()),
  );
}

/** A query or form value as text: strings as they are, anything else as JSON. */
function asText(value: unknown): string {
  return typeof value === 'string' ? value : (JSON.stringify(value) ?? 'undefined');
}

/** A JSON value with one of its top-level fields (or items) replaced by a hostile value. */
function mutated(sample: unknown, ids: readonly string[]): fc.Arbitrary<unknown> {
  if (sample && typeof sample === 'object') {
    const keys = Object.keys(sample);
    if (keys.length > 0) {
      return fc.tuple(fc.constantFrom(...keys), hostileValue(ids), fc.boolean()).map(([key, value, drop]) => {
        const copy: Record<string, unknown> = Array.isArray(sample) ? { ...sample } : { ...sample };
        if (drop) delete copy[key];
        else copy[key] = value;
        return Array.isArray(sample) ? Object.values(copy) : copy;
      });
    }
  }
  return hostileValue(ids);
}

/** Bodies that are not JSON at all, or JSON in places the parsers stumble over. */
const brokenJson = fc.constantFrom(
  '{',
  '{"a":',
  '[1,2',
  'null',
  '"text"',
  '1e999999',
  '{"a":"\\u0000"}',
  '{"a":"\\ud800"}',
  `${'['.repeat(5000)}${']'.repeat(5000)}`,
  `{"a":${'{"a":'.repeat(2000)}1${'}'.repeat(2000)}}`,
  '\u0000',
  '\ufeff{}',
);

/** Text bodies for raw content types (NDJSON, CSV, multipart parts). */
function hostileLines(ids: readonly string[]): fc.Arbitrary<string> {
  return fc
    .array(
      fc.oneof(
        hostileValue(ids).map((v) => JSON.stringify(v) ?? ''),
        hostileString(ids),
        fc.constant('{"attachment":"x","attachment_type":"text"}'),
      ),
      { minLength: 0, maxLength: 5 },
    )
    .map((lines) => lines.join('\n'));
}

/** A multipart body with a hostile file name, fields and content (or a broken envelope). */
function hostileMultipart(ids: readonly string[]): fc.Arbitrary<{ payload: string; contentType: string }> {
  const part = fc.record({
    filename: fc.oneof(
      hostileString(ids),
      fc.constantFrom('../../../../tmp/evil.txt', '..\\..\\evil.txt', '/etc/passwd', 'a"b.txt', '.', '..'),
    ),
    content: fc.oneof(fc.string({ maxLength: 200 }), hostileString(ids)),
    field: fc.constantFrom('project_name', 'display_name', 'reference_id', 'metadata', 'file', 'x'),
    fieldValue: fc.oneof(hostileString(ids), hostileValue(ids).map(asText)),
  });
  return fc.oneof(
    part.map(({ filename, content, field, fieldValue }) => ({
      payload:
        `--${MULTIPART_BOUNDARY}\r\nContent-Disposition: form-data; name="${field}"\r\n\r\n${fieldValue}\r\n` +
        `--${MULTIPART_BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\n` +
        `Content-Type: application/octet-stream\r\n\r\n${content}\r\n--${MULTIPART_BOUNDARY}--\r\n`,
      contentType: `multipart/form-data; boundary=${MULTIPART_BOUNDARY}`,
    })),
    hostileString(ids).map((payload) => ({
      payload,
      contentType: `multipart/form-data; boundary=${MULTIPART_BOUNDARY}`,
    })),
  );
}

/** Query strings from the documented parameters (or the plan's), with hostile values and extra keys. */
function queryArbitrary(entry: CatalogEntry, sample: Record<string, string>, ids: readonly string[]) {
  const names = new Set([...entry.op.query.map((q) => q.name), ...Object.keys(sample)]);
  const schemaOf = (name: string): JsonSchema => entry.op.query.find((q) => q.name === name)?.schema ?? {};
  const model: Record<string, fc.Arbitrary<string>> = {};
  for (const name of names) {
    model[name] = fc.oneof(
      schemaArbitrary(schemaOf(name), ids).map(asText),
      sample[name] !== undefined ? fc.constant(sample[name] as string) : hostileString(ids),
    );
  }
  const extra = fc.constantFrom(
    '',
    '&limit[$gt]=1',
    '&a[b][c][d][e][f][g]=1',
    '&__proto__[x]=1',
    '&limit=1&limit=2',
  );
  return fc.tuple(fc.record(model, { requiredKeys: [] }), extra).map(([query, more]) => {
    const text = queryString(query as Record<string, string>);
    return more && text === '' ? `?${more.slice(1)}` : `${text}${more}`;
  });
}

/** The path parameters of `request`, read back against the operation's path pattern. */
function paramsOf(entry: CatalogEntry, request: ProbeRequest): Record<string, string> {
  const { op } = entry;
  const pattern = new RegExp(
    `^${op.path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '([^/]*)')}$`,
  );
  const matched = pattern.exec(new URL(request.url, 'http://x').pathname);
  return Object.fromEntries(
    op.pathParams.map((name, i) => [name, decodeURIComponent(matched?.[i + 1] ?? 'x')]),
  );
}

/**
 * Requests for `entry`: its path parameters, query and body fuzzed. `samples` are the plan's own
 * requests — against the victim's objects and against the caller's own, so that hostile bodies reach
 * the handlers behind the lookups — and shape the draws for routes the document leaves out.
 */
export function requestArbitrary(
  entry: CatalogEntry,
  samples: ProbeRequest[],
  ids: readonly string[],
): fc.Arbitrary<ProbeRequest> {
  const { op } = entry;
  const sample = samples[0];
  if (!sample) throw new Error(`${op.key}: no sample request`);
  const sampleQuery = Object.fromEntries(new URL(sample.url, 'http://x').searchParams.entries());
  const known = samples.map((s) => paramsOf(entry, s));
  const params = fc.record(
    Object.fromEntries(
      op.pathParams.map((name) => [
        name,
        fc.oneof(
          { arbitrary: fc.constantFrom(...known.map((k) => k[name] ?? 'x')), weight: 3 },
          { arbitrary: hostileString(ids), weight: 1 },
          { arbitrary: fc.string({ maxLength: 30 }), weight: 1 },
        ),
      ]),
    ) as Record<string, fc.Arbitrary<string>>,
  );

  let body: fc.Arbitrary<{ payload?: string; contentType?: string }>;
  const contentType = sample.contentType ?? 'application/json';
  const payloads = samples.flatMap((s) => (s.payload !== undefined ? [s.payload] : []));
  if (contentType.startsWith('multipart/')) {
    body = fc.oneof(
      fc.constantFrom(...payloads).map((payload) => ({ payload, contentType })),
      hostileMultipart(ids),
    );
  } else if (payloads.length > 0 && contentType !== 'application/json') {
    body = fc
      .oneof(
        fc.constantFrom(...payloads),
        hostileLines(ids),
        fc.constantFrom('', '\u0000', 'a,b\n"unterminated', '\ufeffa,b\n1,2'),
      )
      .map((payload) => ({ payload, contentType }));
  } else if (payloads.length > 0 || op.body) {
    const parsed = payloads.map((p) => JSON.parse(p) as unknown);
    const shaped =
      parsed.length > 0 ? fc.constantFrom(...parsed).chain((p) => mutated(p, ids)) : hostileValue(ids);
    const json = fc.oneof(
      { arbitrary: op.body ? schemaArbitrary(op.body.schema, ids) : shaped, weight: 3 },
      { arbitrary: shaped, weight: 2 },
      { arbitrary: parsed.length > 0 ? fc.constantFrom(...parsed) : hostileValue(ids), weight: 1 },
      { arbitrary: hostileValue(ids), weight: 1 },
    );
    body = fc.oneof(
      {
        arbitrary: json.map((v) => ({
          payload: JSON.stringify(v) ?? 'null',
          contentType: 'application/json',
        })),
        weight: 8,
      },
      { arbitrary: brokenJson.map((payload) => ({ payload, contentType: 'application/json' })), weight: 1 },
      {
        arbitrary: fc
          .tuple(
            fc.constantFrom('text/plain', 'application/x-www-form-urlencoded', 'application/xml'),
            fc.string(),
          )
          .map(([type, payload]) => ({ payload, contentType: type })),
        weight: 1,
      },
    );
  } else {
    body = fc.oneof(
      { arbitrary: fc.constant({}), weight: 3 },
      {
        arbitrary: hostileValue(ids).map((v) => ({
          payload: JSON.stringify(v) ?? 'null',
          contentType: 'application/json',
        })),
        weight: 1,
      },
    );
  }

  return fc.tuple(params, queryArbitrary(entry, sampleQuery, ids), body).map(([values, query, b]) => ({
    method: op.method,
    url: `${fillPathSafely(op.path, values)}${query}`,
    ...(b.payload !== undefined
      ? { payload: b.payload, contentType: b.contentType ?? 'application/json' }
      : {}),
  }));
}
