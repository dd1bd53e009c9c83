import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  emptyFieldValues,
  fieldIssueSentence,
  fieldTitle,
  fieldValuesFromAnswers,
  fieldValuesToAnswers,
  isAbsent,
  labelMessage,
  setAbsent,
  setValue,
} from './field-values.ts';

const fields = { company_name: 'Legal name', invoiceTotal: 'Total with tax', iban: 'Bank account' };

describe('fieldTitle', () => {
  it('turns snake_case and camelCase keys into a sentence-case title', () => {
    expect(fieldTitle('company_name')).toBe('Company name');
    expect(fieldTitle('invoiceTotal')).toBe('Invoice total');
    expect(fieldTitle('vat-id')).toBe('Vat id');
  });

  it('keeps a key without letters or separators readable', () => {
    expect(fieldTitle('___')).toBe('___');
    expect(fieldTitle('x')).toBe('X');
  });
});

describe('labelMessage', () => {
  it('reads as a sentence for "is …" messages and uses a colon otherwise', () => {
    expect(labelMessage('Total', 'is required')).toBe('Total is required');
    expect(labelMessage('Total', 'expected a number')).toBe('Total: expected a number');
  });
});

describe('fieldValuesToAnswers', () => {
  it('reports every blank field by its title and how to fix it', () => {
    const draft = setValue(emptyFieldValues(fields), 'iban', 'DE12');
    const { problems } = fieldValuesToAnswers(fields, draft);
    expect(problems.map((problem) => problem.key)).toEqual(['company_name', 'invoiceTotal']);
    expect(problems[0]?.message).toBe('Company name is empty: type it, or mark it “Not present” (Alt+M)');
  });

  it('treats whitespace as blank', () => {
    const draft = setValue(emptyFieldValues({ a: '' }), 'a', '  \n');
    expect(fieldValuesToAnswers({ a: '' }, draft).problems).toHaveLength(1);
  });

  it('answers a field marked not present with an empty text, whatever was typed before', () => {
    const draft = setAbsent(setValue(emptyFieldValues({ a: '' }), 'a', 'typed'), 'a', true);
    expect(fieldValuesToAnswers({ a: '' }, draft)).toEqual({ answers: { a: '' }, problems: [] });
  });

  it('unmarks a field only for that key', () => {
    let draft = setAbsent(emptyFieldValues(fields), 'iban', true);
    draft = setAbsent(draft, 'company_name', true);
    draft = setAbsent(draft, 'iban', false);
    expect(isAbsent(draft, 'iban')).toBe(false);
    expect(isAbsent(draft, 'company_name')).toBe(true);
  });

  it('reads a stale draft without values as blank instead of throwing', () => {
    const stale = { values: {}, absent: 'nope' } as unknown as ReturnType<typeof emptyFieldValues>;
    expect(fieldValuesToAnswers({ a: '' }, stale).problems).toHaveLength(1);
  });
});

describe('draft ⇄ answers', () => {
  const keys = fc.uniqueArray(fc.stringMatching(/^[a-z][a-z_]{0,8}$/), { minLength: 1, maxLength: 6 });

  it('round-trips every answer (empty answers become "not present")', () => {
    fc.assert(
      fc.property(
        keys.chain((names) =>
          fc.tuple(
            fc.constant(Object.fromEntries(names.map((name) => [name, `about ${name}`]))),
            fc.tuple(
              ...names.map(() =>
                fc.oneof(
                  fc.constant(''),
                  fc.string({ minLength: 1 }).filter((s) => s.trim() !== ''),
                ),
              ),
            ),
          ),
        ),
        ([described, values]) => {
          const answers = Object.fromEntries(
            Object.keys(described).map((key, index) => [key, values[index] as string]),
          );
          const draft = fieldValuesFromAnswers(described, answers);
          expect(fieldValuesToAnswers(described, draft)).toEqual({ answers, problems: [] });
        },
      ),
    );
  });
});

describe('fieldIssueSentence', () => {
  it('names fields and items as the person sees them', () => {
    expect(fieldIssueSentence({ path: 'fields.invoice_total', message: 'is required' })).toBe(
      'Invoice total is required',
    );
    expect(fieldIssueSentence({ path: 'repeatable_fields.1.unit_price', message: 'is required' })).toBe(
      'Item 2 › Unit price is required',
    );
    expect(fieldIssueSentence({ path: 'repeatable_fields', message: 'not expected' })).toBe(
      'Items: not expected',
    );
  });
});
