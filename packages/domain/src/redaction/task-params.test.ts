import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { categorizationParamsSchema } from '../task-types/categorization/index.ts';
import { comparisonParamsSchema } from '../task-types/comparison/index.ts';
import { demonstrationParamsSchema } from '../task-types/demonstration/index.ts';
import {
  namedentityrecognitionParamsSchema,
  namedentityrecognitionTaskType,
} from '../task-types/namedentityrecognition/index.ts';
import { pairwisepreferenceParamsSchema } from '../task-types/pairwisepreference/index.ts';
import { rankingParamsSchema } from '../task-types/ranking/index.ts';
import { textcollectionParamsSchema } from '../task-types/textcollection/index.ts';
import { transcriptionParamsSchema } from '../task-types/transcription/index.ts';
import {
  type Redaction,
  redactableTextPaths,
  redactionSchema,
  redactResponse,
  redactTaskParams,
  unredactResponse,
} from './task-params.ts';

const OPTIONS = { defaultCountry: 'US', names: ['Anna Lee'] };

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const item of Object.values(value)) deepFreeze(item);
    Object.freeze(value);
  }
  return value;
}

describe('redactTaskParams: named entity recognition', () => {
  const text = 'Anna Lee (anna@example.com) called +1 212 555 0100 twice.';
  const params = deepFreeze(
    namedentityrecognitionParamsSchema.parse({ text, labels: [{ name: 'PERSON' }, { name: 'ACTION' }] }),
  );
  const { params: redacted, redaction } = redactTaskParams('namedentityrecognition', params, OPTIONS);

  it('masks the text and records the placeholders and their places', () => {
    expect(redacted.text).toBe('[NAME_1] ([EMAIL_1]) called [PHONE_1] twice.');
    expect(redacted.labels).toBe(params.labels);
    expect(params.text).toBe(text);
    expect(redaction.placeholders).toEqual({
      '[NAME_1]': { kind: 'name', value: 'Anna Lee', normalized: 'anna lee' },
      '[EMAIL_1]': { kind: 'email', value: 'anna@example.com', normalized: 'anna@example.com' },
      '[PHONE_1]': { kind: 'phone', value: '+1 212 555 0100', normalized: '+12125550100' },
    });
    expect(redaction.fields.map((f) => [f.path, f.segments.map((s) => [s.start, s.end])])).toEqual([
      [
        ['text'],
        [
          [0, 8],
          [10, 26],
          [35, 50],
        ],
      ],
    ]);
    expect(namedentityrecognitionParamsSchema.safeParse(redacted).success).toBe(true);
  });

  it('maps spans back: plain text unchanged, a touched placeholder widened to its whole value', () => {
    const answer = {
      annotations: [
        { start: 21, end: 27, label: 'ACTION', text: 'called' },
        { start: 0, end: 8, label: 'PERSON', text: '[NAME_1]' },
        { start: 31, end: 37, label: 'PERSON', text: 'ONE_1]' },
        { start: 0, end: 4, label: 'ACTION' },
      ],
    };
    const back = unredactResponse('namedentityrecognition', answer, redaction);
    expect(back.annotations).toEqual([
      { start: 28, end: 34, label: 'ACTION', text: 'called' },
      { start: 0, end: 8, label: 'PERSON', text: 'Anna Lee' },
      { start: 35, end: 50, label: 'PERSON', text: '+1 212 555 0100' },
      { start: 0, end: 8, label: 'ACTION' },
    ]);
    expect(namedentityrecognitionTaskType.validateResponse(params, back)).toEqual([]);
  });

  it('restores a mismatched span text like free text, for validation to report', () => {
    const back = unredactResponse(
      'namedentityrecognition',
      { annotations: [{ start: 0, end: 8, label: 'PERSON', text: 'x [NAME_1]' }] },
      redaction,
    );
    expect(back.annotations[0]).toEqual({ start: 0, end: 8, label: 'PERSON', text: 'x Anna Lee' });
    expect(namedentityrecognitionTaskType.validateResponse(params, back)).toHaveLength(1);
  });

  it('survives a JSON round trip through the database', () => {
    const stored = redactionSchema.parse(JSON.parse(JSON.stringify(redaction)));
    const answer = { annotations: [{ start: 31, end: 37, label: 'PERSON', text: 'ONE_1]' }] };
    expect(unredactResponse('namedentityrecognition', answer, stored)).toEqual(
      unredactResponse('namedentityrecognition', answer, redaction),
    );
    expect(redactionSchema.safeParse({ ...redaction, version: 2 }).success).toBe(false);
  });
});

describe('redactTaskParams: generative types', () => {
  it('masks the prompt and every response of a pairwise preference with shared placeholders', () => {
    const params = pairwisepreferenceParamsSchema.parse({
      prompt: 'Reply to anna@example.com about card 4111 1111 1111 1111.',
      responses: [
        { id: 'a', content: 'Dear Anna Lee, your card 4111-1111-1111-1111 is blocked.', model: 'm@x.io' },
        { id: 'b', content: 'Write to ANNA@example.com.' },
      ],
    });
    const { params: redacted, redaction } = redactTaskParams('pairwisepreference', params, OPTIONS);
    expect(redacted.prompt).toBe('Reply to [EMAIL_1] about card [CARD_1].');
    expect(redacted.responses.map((r) => r.content)).toEqual([
      'Dear [NAME_1], your card [CARD_1] is blocked.',
      'Write to [EMAIL_1].',
    ]);
    expect(redacted.responses[0]?.model).toBe('m@x.io');
    expect(pairwisepreferenceParamsSchema.safeParse(redacted).success).toBe(true);
    const answer = {
      choice: 'A',
      strength: 3,
      justification: 'A names [NAME_1] and masks [CARD_1]; [CARD_2]?',
    };
    expect(unredactResponse('pairwisepreference', answer, redaction)).toEqual({
      choice: 'A',
      strength: 3,
      justification: 'A names Anna Lee and masks 4111 1111 1111 1111; [CARD_2]?',
    });
  });

  it('masks each message of a conversation prompt of a ranking, in reading order', () => {
    const params = rankingParamsSchema.parse({
      prompt: [
        { role: 'user', content: 'My IP is 10.1.2.3 and my SSN 123-45-6789.' },
        { role: 'assistant', content: 'Noted, 10.1.2.3.' },
      ],
      responses: [
        { id: 'r1', content: 'Never share 123-45-6789.' },
        { id: 'r2', content: 'Fine.' },
      ],
    });
    const { params: redacted, redaction } = redactTaskParams('ranking', params, OPTIONS);
    expect(redacted.prompt).toEqual([
      { role: 'user', content: 'My IP is [IP_1] and my SSN [ID_1].' },
      { role: 'assistant', content: 'Noted, [IP_1].' },
    ]);
    expect(redacted.responses[0]?.content).toBe('Never share [ID_1].');
    expect(redaction.fields.map((f) => f.path)).toEqual([
      ['prompt', 0, 'content'],
      ['prompt', 1, 'content'],
      ['responses', 0, 'content'],
    ]);
    const answer = { ranking: ['r2', 'r1'], justification: 'r1 repeats [ID_1]' };
    expect(unredactResponse('ranking', answer, redaction)).toEqual({
      ranking: ['r2', 'r1'],
      justification: 'r1 repeats 123-45-6789',
    });
  });

  it('masks a demonstration prompt and restores the completion and rationale', () => {
    const params = demonstrationParamsSchema.parse({
      prompt: 'Write a reply to Anna Lee at +1 212 555 0100.',
      guidelines: 'Be kind.',
    });
    const { params: redacted, redaction } = redactTaskParams('demonstration', params, OPTIONS);
    expect(redacted.prompt).toBe('Write a reply to [NAME_1] at [PHONE_1].');
    expect(
      unredactResponse(
        'demonstration',
        { completion: 'Hello [NAME_1], I will call [PHONE_1].', rationale: '[NAME_1] asked.' },
        redaction,
      ),
    ).toEqual({ completion: 'Hello Anna Lee, I will call +1 212 555 0100.', rationale: 'Anna Lee asked.' });
  });
});

describe('redactTaskParams: attachments and forms', () => {
  it('masks text attachments only, never the URL of an image', () => {
    const text = categorizationParamsSchema.parse({
      attachment_type: 'text',
      attachment: 'Complaint from anna@example.com',
      categories: ['a', 'b'],
    });
    expect(redactTaskParams('categorization', text).params.attachment).toBe('Complaint from [EMAIL_1]');
    const image = categorizationParamsSchema.parse({
      attachment: 'https://cdn.example.com/anna@example.com.png',
      categories: ['a', 'b'],
    });
    const result = redactTaskParams('categorization', image);
    expect(result.params).toBe(image);
    expect(result.redaction).toEqual({ version: 1, placeholders: {}, fields: [], reserved: [] });
  });

  it('masks comparison texts and restores placeholders in transcribed fields', () => {
    const params = comparisonParamsSchema.parse({
      attachment_type: 'text',
      attachments: ['Ticket by 10.0.0.1', 'Ticket by 10.0.0.2', 'No address'],
      fields: { who: 'Who filed the first ticket?' },
    });
    const { params: redacted, redaction } = redactTaskParams('comparison', params);
    expect(redacted.attachments).toEqual(['Ticket by [IP_1]', 'Ticket by [IP_2]', 'No address']);
    expect(unredactResponse('comparison', { fields: { who: '[IP_1]' } }, redaction)).toEqual({
      fields: { who: '10.0.0.1' },
    });
  });

  it('masks a transcription text attachment', () => {
    const params = transcriptionParamsSchema.parse({
      attachment_type: 'text',
      attachment: 'Invoice to Anna Lee, IBAN DE89 3704 0044 0532 0130 00',
      fields: { iban: 'The IBAN' },
    });
    const { params: redacted, redaction } = redactTaskParams('transcription', params, OPTIONS);
    expect(redacted.attachment).toBe('Invoice to [NAME_1], IBAN [ID_1]');
    expect(unredactResponse('transcription', { fields: { iban: '[ID_1]' } }, redaction)).toEqual({
      fields: { iban: 'DE89 3704 0044 0532 0130 00' },
    });
  });

  it('masks textcollection text attachments and restores nested form answers, never keys', () => {
    const params = textcollectionParamsSchema.parse({
      attachments: [
        { type: 'text', content: 'Customer: Anna Lee <anna@example.com>' },
        { type: 'image', content: 'https://x.example/anna@example.com.png' },
      ],
      fields: [{ type: 'text', field_id: 'contact', title: 'Contact' }],
    });
    const { params: redacted, redaction } = redactTaskParams('textcollection', params, OPTIONS);
    expect(redacted.attachments.map((a) => a.content)).toEqual([
      'Customer: [NAME_1] <[EMAIL_1]>',
      'https://x.example/anna@example.com.png',
    ]);
    const answer = { annotations: { contact: ['[EMAIL_1]', { '[NAME_1]': '[NAME_1]', n: 2 }], flag: true } };
    expect(unredactResponse('textcollection', answer, redaction)).toEqual({
      annotations: { contact: ['anna@example.com', { '[NAME_1]': 'Anna Lee', n: 2 }], flag: true },
    });
  });

  it('leaves types without text alone, and their answers too', () => {
    const params = { attachment: 'https://x/1.png', geometries: { box: { objects_to_annotate: ['car'] } } };
    const result = redactTaskParams('imageannotation', params);
    expect(result.params).toBe(params);
    expect(redactableTextPaths('imageannotation', params)).toEqual([]);
    expect(redactableTextPaths('namedentityrecognition', null)).toEqual([]);
    expect(unredactResponse('imageannotation', { annotations: [] }, result.redaction)).toEqual({
      annotations: [],
    });
  });

  it('never confuses a placeholder the task contains literally with a masked value', () => {
    const params = demonstrationParamsSchema.parse({
      prompt: 'Keep the token [EMAIL_1] as is; contact bob@example.com.',
    });
    const { params: redacted, redaction } = redactTaskParams('demonstration', params);
    expect(redacted.prompt).toBe('Keep the token [EMAIL_1] as is; contact [EMAIL_2].');
    expect(redaction.reserved).toEqual(['[EMAIL_1]']);
    expect(unredactResponse('demonstration', { completion: '[EMAIL_1] and [EMAIL_2]' }, redaction)).toEqual({
      completion: '[EMAIL_1] and bob@example.com',
    });
  });
});

describe('redactResponse', () => {
  it('shows an NER answer on the masked text, and maps the masked answer back to the same answer', () => {
    const text = 'Anna Lee (anna@example.com) called +1 212 555 0100 twice.';
    const params = { text, labels: [{ name: 'PERSON' }, { name: 'ACTION' }] };
    const { redaction } = redactTaskParams('namedentityrecognition', params, OPTIONS);
    const answer = {
      annotations: [
        { start: 0, end: 8, label: 'PERSON', text: 'Anna Lee' },
        { start: 28, end: 34, label: 'ACTION', text: 'called' },
        { start: 0, end: 4, label: 'ACTION' },
      ],
    };
    const shown = redactResponse('namedentityrecognition', answer, redaction, OPTIONS);
    expect(shown.response.annotations).toEqual([
      { start: 0, end: 8, label: 'PERSON', text: '[NAME_1]' },
      { start: 21, end: 27, label: 'ACTION', text: 'called' },
      { start: 0, end: 8, label: 'ACTION' },
    ]);
    const back = unredactResponse('namedentityrecognition', shown.response, shown.redaction);
    expect(back.annotations.slice(0, 2)).toEqual(answer.annotations.slice(0, 2));
  });

  it('masks values only the answer contains with new placeholders, kept in the grown redaction', () => {
    const params = { prompt: 'Write to Anna Lee at anna@example.com.' };
    const { redaction } = redactTaskParams('demonstration', params, OPTIONS);
    const answer = { completion: 'Dear Anna Lee, reply to carl@example.com or anna@example.com.' };
    const shown = redactResponse('demonstration', answer, redaction, OPTIONS);
    expect(shown.response.completion).toBe('Dear [NAME_1], reply to [EMAIL_2] or [EMAIL_1].');
    expect(Object.keys(redaction.placeholders)).toEqual(['[NAME_1]', '[EMAIL_1]']);
    expect(shown.redaction.placeholders['[EMAIL_2]']?.value).toBe('carl@example.com');
    expect(unredactResponse('demonstration', shown.response, shown.redaction)).toEqual(answer);
  });
});

/** Texts of personal data and plain words, and an NER span over the redacted text that avoids placeholders. */
const SAMPLES = ['ann@example.com', '+1 212 555 0100', '4111 1111 1111 1111', '10.0.0.7', 'Anna Lee', 'Zoë'];
const WORDS = ['hello', 'déjà vu', '😀', 'the.', 'w', ',', 'x y'];

function redactedNer(pieces: readonly string[]): { text: string; redacted: string; redaction: Redaction } {
  const text = pieces.join(' | ') || 'empty';
  const result = redactTaskParams(
    'namedentityrecognition',
    { text, labels: [{ name: 'X' }] },
    { names: ['Anna Lee', 'Zoë'] },
  );
  return { text, redacted: result.params.text, redaction: result.redaction };
}

describe('unredactResponse properties', () => {
  const pieces = fc.array(fc.oneof(fc.constantFrom(...SAMPLES), fc.constantFrom(...WORDS)), {
    maxLength: 10,
  });

  it('maps a span over text without personal data to the identical original substring', () => {
    fc.assert(
      fc.property(pieces, fc.nat(), fc.nat(), (parts, a, b) => {
        const { text, redacted, redaction } = redactedNer(parts);
        const segments = redaction.fields[0]?.segments ?? [];
        // Offsets outside every placeholder, then a span between two of them not crossing a placeholder.
        const free = [...Array(redacted.length + 1).keys()].filter(
          (o) => !segments.some((s) => s.redactedStart < o && o < s.redactedEnd),
        );
        const start = free[a % free.length]!;
        const blocking = segments.find((s) => s.redactedStart >= start);
        const limit = blocking === undefined ? redacted.length : blocking.redactedStart;
        if (limit <= start) return;
        const end = start + 1 + (b % (limit - start));
        const span = { start, end, label: 'X', text: redacted.slice(start, end) };
        const back = unredactResponse('namedentityrecognition', { annotations: [span] }, redaction);
        const mapped = back.annotations[0]!;
        expect(mapped.text).toBe(span.text);
        expect(text.slice(mapped.start, mapped.end)).toBe(span.text);
      }),
    );
  });

  it('maps any span to the original text it covers, widened to whole values', () => {
    fc.assert(
      fc.property(pieces, fc.nat(), fc.nat(), (parts, a, b) => {
        const { text, redacted, redaction } = redactedNer(parts);
        const start = a % redacted.length;
        const end = start + 1 + (b % (redacted.length - start));
        const back = unredactResponse(
          'namedentityrecognition',
          { annotations: [{ start, end, label: 'X', text: redacted.slice(start, end) }] },
          redaction,
        );
        const mapped = back.annotations[0]!;
        expect(mapped.start).toBeLessThan(mapped.end);
        expect(mapped.text).toBe(text.slice(mapped.start, mapped.end));
      }),
    );
  });

  it('masks and unmasks an NER answer whose spans do not cut a value to the same answer', () => {
    fc.assert(
      fc.property(pieces, fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 4 }), (parts, picks) => {
        const { text, redaction } = redactedNer(parts);
        const segments = redaction.fields[0]?.segments ?? [];
        const whole = [...Array(text.length + 1).keys()].filter(
          (o) => !segments.some((s) => s.start < o && o < s.end),
        );
        const annotations = picks.flatMap(([a, b]) => {
          const [start, end] = [whole[a % whole.length]!, whole[b % whole.length]!].sort((x, y) => x - y);
          return start! < end!
            ? [{ start: start!, end: end!, label: 'X', text: text.slice(start, end) }]
            : [];
        });
        const shown = redactResponse('namedentityrecognition', { annotations }, redaction);
        const back = unredactResponse('namedentityrecognition', shown.response, shown.redaction);
        expect(back).toEqual({ annotations });
      }),
    );
  });

  it('restores free text that quotes the redacted text to the original text', () => {
    fc.assert(
      fc.property(pieces, (parts) => {
        const { text, redacted, redaction } = redactedNer(parts);
        expect(unredactResponse('demonstration', { completion: redacted }, redaction).completion).toBe(text);
      }),
    );
  });
});
