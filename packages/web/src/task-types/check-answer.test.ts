import { categorizationParamsSchema, categorizationTaskType } from '@groundwork/domain';
import { describe, expect, it } from 'vitest';
import { checkAnswer } from './check-answer.ts';

const params = categorizationParamsSchema.parse({
  attachment_type: 'text',
  attachment: 'A review.',
  categories: ['positive', 'negative'],
});

describe('checkAnswer', () => {
  it('returns the answer the domain accepts', () => {
    expect(checkAnswer(categorizationTaskType, params, { category: 'positive' }, () => 'unused')).toEqual({
      ok: true,
      response: { category: 'positive' },
    });
  });

  it('names every issue the domain finds in the type’s words', () => {
    const check = checkAnswer(
      categorizationTaskType,
      params,
      { category: 'neutral' },
      (issue) => `${issue.path || 'answer'}: fix it`,
    );
    expect(check).toEqual({ ok: false, problems: ['category: fix it'] });
  });
});
