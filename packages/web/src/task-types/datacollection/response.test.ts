import { datacollectionParamsSchema } from '@groundwork/domain';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { setAbsent, setValue } from '../../components/fields-form/field-values.ts';
import {
  datacollectionDraftFromResponse,
  datacollectionEmptyDraft,
  datacollectionToResponse,
} from './response.ts';

const params = datacollectionParamsSchema.parse({
  attachment: 'https://example.com/company',
  fields: { company_name: 'Legal name', phone: 'Main phone number', founded: 'Year founded' },
});

describe('datacollection toResponse', () => {
  it('names every field left blank', () => {
    expect(datacollectionToResponse(params, datacollectionEmptyDraft(params))).toEqual({
      ok: false,
      problems: [
        'Company name is empty: type it, or mark it “Not present” (Alt+M)',
        'Phone is empty: type it, or mark it “Not present” (Alt+M)',
        'Founded is empty: type it, or mark it “Not present” (Alt+M)',
      ],
    });
  });

  it('answers every field, a field marked not present with an empty text', () => {
    let draft = datacollectionEmptyDraft(params);
    draft = setValue(draft, 'company_name', 'Acme GmbH');
    draft = setValue(draft, 'phone', '+49 30 1234');
    draft = setAbsent(draft, 'founded', true);
    expect(datacollectionToResponse(params, draft)).toEqual({
      ok: true,
      response: { fields: { company_name: 'Acme GmbH', phone: '+49 30 1234', founded: '' } },
    });
  });

  it('round-trips every answer', () => {
    const text = fc.oneof(
      fc.constant(''),
      fc.string({ minLength: 1 }).filter((value) => value.trim() !== ''),
    );
    fc.assert(
      fc.property(fc.record({ company_name: text, phone: text, founded: text }), (fields) => {
        const draft = datacollectionDraftFromResponse(params, { fields });
        expect(datacollectionToResponse(params, JSON.parse(JSON.stringify(draft)))).toEqual({
          ok: true,
          response: { fields },
        });
      }),
    );
  });
});
