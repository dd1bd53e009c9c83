/**
 * The repeated items of a transcription (invoice lines, table rows) as an editable table: one row per item,
 * one column per repeatable field, with rows added and removed from the keyboard.
 */
import type { TranscriptionParams } from '@groundwork/domain';
import { fieldTitle, shownDescription } from '../../components/fields-form/field-values.ts';
import { itemCells, type TranscriptionDraft } from './response.ts';

/** Props of {@link ItemsTable}. */
export interface ItemsTableProps {
  /** The task's params (its `repeatable_fields` are the columns). */
  params: TranscriptionParams;
  /** The draft. */
  draft: TranscriptionDraft;
  /** Called with the new draft after every edit. */
  onChange: (draft: TranscriptionDraft) => void;
  /** Prefix of element ids. */
  idPrefix: string;
  /** Adds an item and focuses it. */
  onAdd: () => void;
  /** Removes item `index` and focuses its neighbour. */
  onRemove: (index: number) => void;
}

/** The DOM id of an item's row. */
export function itemRowId(idPrefix: string, index: number): string {
  return `${idPrefix}-item-${index}`;
}

/** The editable table of repeated items. */
export function ItemsTable({ params, draft, onChange, idPrefix, onAdd, onRemove }: ItemsTableProps) {
  const columns = Object.entries(params.repeatable_fields ?? {});
  const items = Array.isArray(draft.items) ? draft.items : [];
  const setCell = (index: number, key: string, value: string) =>
    onChange({
      ...draft,
      items: items.map((item, at) => (at === index ? { ...itemCells(params, item), [key]: value } : item)),
    });
  return (
    <section className="tr-items" aria-labelledby={`${idPrefix}-items-title`}>
      <div className="tr-items__head">
        <h3 className="ff-section-title" id={`${idPrefix}-items-title`}>
          Items <span className="tr-items__count">{items.length}</span>
        </h3>
        <span className="ff-note">One row per repeated item in the document. Cells may stay blank.</span>
      </div>
      {items.length > 0 && (
        <div className="tr-items__scroll">
          <table className="tr-table">
            <thead>
              <tr>
                <th scope="col" className="tr-table__index">
                  #
                </th>
                {columns.map(([key, description]) => {
                  const shown = shownDescription(key, description);
                  return (
                    <th scope="col" key={key}>
                      <span className="tr-table__title">{fieldTitle(key)}</span>
                      {shown && <span className="tr-table__description">{shown}</span>}
                    </th>
                  );
                })}
                <th scope="col" className="tr-table__actions">
                  <span className="visually-hidden">Remove</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((item, index) => {
                const cells = itemCells(params, item);
                return (
                  // biome-ignore lint/suspicious/noArrayIndexKey: items are positional; the answer records their order.
                  <tr key={index} id={itemRowId(idPrefix, index)} data-item-index={index}>
                    <td className="tr-table__index">{index + 1}</td>
                    {columns.map(([key]) => (
                      <td key={key}>
                        <input
                          className="ff-input tr-table__input"
                          type="text"
                          value={cells[key] ?? ''}
                          aria-label={`Item ${index + 1}: ${fieldTitle(key)}`}
                          onChange={(event) => setCell(index, key, event.currentTarget.value)}
                        />
                      </td>
                    ))}
                    <td className="tr-table__actions">
                      <button
                        type="button"
                        className="ff-icon-button"
                        // Out of the Tab order so Tab runs cell to cell; Alt+Shift+Backspace removes from the keyboard.
                        tabIndex={-1}
                        aria-label={`Remove item ${index + 1}`}
                        title="Remove item (Alt+Shift+Backspace)"
                        onClick={() => onRemove(index)}
                      >
                        ×
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <button type="button" className="ff-add" onClick={onAdd}>
        + Add item <kbd>Alt</kbd>+<kbd>N</kbd>
      </button>
    </section>
  );
}
