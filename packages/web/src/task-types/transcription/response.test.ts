import { transcriptionParamsSchema } from '@groundwork/domain';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { setAbsent, setValue } from '../../components/fields-form/field-values.ts';
import {
  emptyItem,
  transcriptionDraftFromResponse,
  transcriptionEmptyDraft,
  transcriptionToResponse,
} from './response.ts';

const invoice = transcriptionParamsSchema.parse({
  attachment: 'https://example.com/invoice.png',
  fields: { invoice_number: 'Number at the top right', total: 'Total including tax' },
  repeatable_fields: { description: 'Line description', amount: 'Line amount' },
});

const receipt = transcriptionParamsSchema.parse({
  attachment: 'https://example.com/receipt.png',
  fields: { total: 'Total' },
});

function filled() {
  let fields = transcriptionEmptyDraft(invoice).fields;
  fields = setValue(fields, 'invoice_number', 'INV-7');
  fields = setAbsent(fields, 'total', true);
  return fields;
}

describe('transcription toResponse', () => {
  it('answers fields and items, an item cell left blank as an empty text', () => {
    const draft = { fields: filled(), items: [{ description: 'Bolts', amount: '' }] };
    expect(transcriptionToResponse(invoice, draft)).toEqual({
      ok: true,
      response: {
        fields: { invoice_number: 'INV-7', total: '' },
        repeatable_fields: [{ description: 'Bolts', amount: '' }],
      },
    });
  });

  it('names an item with nothing typed in it', () => {
    const draft = { fields: filled(), items: [{ description: 'Bolts', amount: '3' }, emptyItem(invoice)] };
    expect(transcriptionToResponse(invoice, draft)).toEqual({
      ok: false,
      problems: ['Item 2 is empty: fill it in or remove it (Alt+Shift+Backspace)'],
    });
  });

  it('names blank fields and empty items together', () => {
    const draft = { ...transcriptionEmptyDraft(invoice), items: [emptyItem(invoice)] };
    const result = transcriptionToResponse(invoice, draft);
    expect(result.ok ? [] : result.problems).toEqual([
      'Invoice number is empty: type it, or mark it “Not present” (Alt+M)',
      'Total is empty: type it, or mark it “Not present” (Alt+M)',
      'Item 1 is empty: fill it in or remove it (Alt+Shift+Backspace)',
    ]);
  });

  it('answers an empty item list when the task has repeatable fields, and no list when it has none', () => {
    const withItems = transcriptionToResponse(invoice, { fields: filled(), items: [] });
    expect(withItems.ok && withItems.response.repeatable_fields).toEqual([]);
    const without = transcriptionToResponse(receipt, {
      fields: setValue(transcriptionEmptyDraft(receipt).fields, 'total', '9.99'),
      items: [],
    });
    expect(without).toEqual({ ok: true, response: { fields: { total: '9.99' } } });
  });

  it('round-trips every answer with items', () => {
    const text = fc.oneof(
      fc.constant(''),
      fc.string({ minLength: 1 }).filter((value) => value.trim() !== ''),
    );
    const nonBlank = fc.string({ minLength: 1 }).filter((value) => value.trim() !== '');
    const item = fc.oneof(
      fc.record({ description: nonBlank, amount: text }),
      fc.record({ description: text, amount: nonBlank }),
    );
    fc.assert(
      fc.property(
        fc.record({ invoice_number: text, total: text }),
        fc.array(item, { maxLength: 6 }),
        (fields, rows) => {
          const response = { fields, repeatable_fields: rows };
          const draft = transcriptionDraftFromResponse(invoice, response);
          expect(transcriptionToResponse(invoice, JSON.parse(JSON.stringify(draft)))).toEqual({
            ok: true,
            response,
          });
        },
      ),
    );
  });
});

describe('stale drafts', () => {
  it('reads a draft without fields or items as blank instead of throwing', () => {
    const result = transcriptionToResponse(
      invoice,
      {} as unknown as ReturnType<typeof transcriptionEmptyDraft>,
    );
    expect(result.ok ? [] : result.problems).toHaveLength(2);
  });
});
