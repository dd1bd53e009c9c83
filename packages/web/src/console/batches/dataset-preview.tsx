/**
 * What a picked dataset holds, shown before anything is sent: images and annotations, the labels by
 * geometry (those the project lacks flagged — such shapes fail validation), images not found, the answers
 * the project would refuse, and every problem met reading the files, by file, line and field.
 */
import type { DatasetReadProblem } from '@groundwork/domain';
import { type DatasetTarget, keyed, type DatasetPreview as Preview } from './dataset-import.ts';

/** Props of {@link DatasetPreview}. */
export interface DatasetPreviewProps {
  /** The preview. */
  preview: Preview;
  /** Problems met reading the files. */
  problems: readonly DatasetReadProblem[];
  /** What the import would create. */
  target: DatasetTarget;
}

/** Rows of a list shown at most, the rest counted. */
const SHOWN = 50;

const count = (n: number) => n.toLocaleString('en');
const plural = (n: number, one: string, many = `${one}s`) => `${count(n)} ${n === 1 ? one : many}`;

/** The preview of a picked dataset. */
export function DatasetPreview({ preview, problems, target }: DatasetPreviewProps) {
  const labelled = target !== 'tasks';
  return (
    <section className="dataset-preview" aria-label="Dataset preview">
      <div className="stats">
        <div className="stat">
          <div className="stat__value">{count(preview.images)}</div>
          <div className="stat__label">Images</div>
        </div>
        <div className="stat">
          <div className="stat__value">{count(preview.annotations)}</div>
          <div className="stat__label">Annotations</div>
        </div>
        <div className="stat">
          <div className="stat__value">{count(preview.uploads)}</div>
          <div className="stat__label">Files to upload</div>
        </div>
        <div className="stat">
          <div className="stat__value">
            {count(preview.missing.length + (labelled ? preview.refused.length : 0) + problems.length)}
          </div>
          <div className="stat__label">Problems found</div>
        </div>
      </div>
      <p className="dataset-preview__summary" role="status">
        {count(preview.importable)} of {plural(preview.images, 'image')} can be imported
        {preview.references > 0 && ` (${count(preview.references)} by URL, not uploaded)`}
        {preview.missing.length > 0 && ` · ${count(preview.missing.length)} not found`}
        {labelled && preview.refused.length > 0 && ` · ${count(preview.refused.length)} would be refused`}.
      </p>

      {preview.unknownLabels.length > 0 && (
        <div className="dataset-preview__warning" role="alert">
          <strong>
            {plural(preview.unknownAnnotations, 'annotation')} use
            {preview.unknownAnnotations === 1 ? 's' : ''} labels this project does not have:{' '}
            {preview.unknownLabels.map((entry) => `${entry.label} (${entry.type})`).join(', ')}.
          </strong>{' '}
          {labelled
            ? 'Those shapes would fail validation and their images would not be imported. Add the labels in Setup, or fix the dataset.'
            : 'Only the images are imported as tasks, so this does not stop the import; pre-labels or gold would fail validation.'}
        </div>
      )}

      {preview.labels.length > 0 && (
        <table className="table dataset-preview__labels" aria-label="Annotations by label">
          <thead>
            <tr>
              <th scope="col">Label</th>
              <th scope="col">Geometry</th>
              <th scope="col" className="num">
                Annotations
              </th>
              <th scope="col">In this project</th>
            </tr>
          </thead>
          <tbody>
            {preview.labels.map((entry) => (
              <tr key={`${entry.type}:${entry.label}`}>
                <th scope="row">{entry.label}</th>
                <td>{entry.type}</td>
                <td className="num">{count(entry.count)}</td>
                <td>
                  <span className="badge" data-tone={entry.known ? 'ok' : 'bad'}>
                    {entry.known ? 'Yes' : 'Not in the project'}
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      {labelled && preview.refused.length > 0 && (
        <details className="dataset-preview__list" open={preview.refused.length <= 5}>
          <summary>
            {plural(preview.refused.length, 'image')} would be refused by the project’s checks
          </summary>
          <table className="table" aria-label="Images the project would refuse">
            <thead>
              <tr>
                <th scope="col">Image</th>
                <th scope="col">Field</th>
                <th scope="col">Problem</th>
              </tr>
            </thead>
            <tbody>
              {preview.refused.slice(0, SHOWN).map((image) => (
                <tr key={image.key}>
                  <th scope="row">{image.key}</th>
                  <td>
                    <code>{image.path || '—'}</code>
                  </td>
                  <td>
                    {image.message}
                    {image.count > 1 && <span className="muted"> (and {count(image.count - 1)} more)</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {preview.refused.length > SHOWN && (
            <p className="muted">… and {count(preview.refused.length - SHOWN)} more images.</p>
          )}
        </details>
      )}

      {preview.missing.length > 0 && (
        <details className="dataset-preview__list" open={preview.missing.length <= 5}>
          <summary>{plural(preview.missing.length, 'image')} not found among the picked files</summary>
          <p className="field__hint">
            Pick these images too (or the folder holding them); an image named by a URL is used as it is.
          </p>
          <ul className="dataset-preview__names" aria-label="Images not found">
            {keyed(preview.missing.slice(0, SHOWN), (name) => name).map(({ key, item: name }) => (
              <li key={key}>
                <code>{name}</code>
              </li>
            ))}
          </ul>
          {preview.missing.length > SHOWN && (
            <p className="muted">… and {count(preview.missing.length - SHOWN)} more.</p>
          )}
        </details>
      )}

      {preview.duplicates.length > 0 && target !== 'gold' && (
        <p className="field__hint">
          {plural(preview.duplicates.length, 'image')} share a name with an earlier one (
          {preview.duplicates.slice(0, 3).join(', ')}
          {preview.duplicates.length > 3 ? ', …' : ''}) and would get its task’s unique_id, so only the first
          of each is imported.
        </p>
      )}

      {problems.length > 0 && (
        <details className="dataset-preview__list" open={problems.length <= 10}>
          <summary>{plural(problems.length, 'problem')} reading the files (those parts are left out)</summary>
          <table className="table" aria-label="Problems reading the files">
            <thead>
              <tr>
                <th scope="col">File</th>
                <th scope="col" className="num">
                  Line
                </th>
                <th scope="col">Image</th>
                <th scope="col">Field</th>
                <th scope="col">Problem</th>
              </tr>
            </thead>
            <tbody>
              {keyed(
                problems.slice(0, SHOWN),
                (p) => `${p.file}:${p.line}:${p.item}:${p.path}:${p.message}`,
              ).map(({ key, item: problem }) => (
                <tr key={key}>
                  <td>{problem.file ? <code>{problem.file}</code> : <span className="muted">—</span>}</td>
                  <td className="num">{problem.line ?? <span className="muted">—</span>}</td>
                  <td>{problem.item ?? <span className="muted">—</span>}</td>
                  <td>{problem.path ? <code>{problem.path}</code> : <span className="muted">—</span>}</td>
                  <td>{problem.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {problems.length > SHOWN && (
            <p className="muted">… and {count(problems.length - SHOWN)} more problems.</p>
          )}
        </details>
      )}
    </section>
  );
}
