/**
 * The validation report of an upload: how many tasks were created, skipped (their unique_id already
 * existed) and refused, which fields fail most, and a table naming each bad row with its field and problem.
 */
import { useMemo } from 'react';
import {
  countProblemsByField,
  groupProblemsByLine,
  type ImportReport as ImportReportData,
  problemsCsv,
  reportSummary,
} from './upload.ts';

/** Props of {@link ImportReport}. */
export interface ImportReportProps {
  /** The outcome. */
  report: ImportReportData;
  /** How a row is named in the table: `Line 12` by default; the image's path for a folder upload. */
  rowLabel?: (line: number) => string;
  /** Files that could not be uploaded (a folder of images), each with why. */
  uploadFailures?: Array<{ path: string; message: string }>;
  /** Images not uploaded again because their tasks already were in the batch. */
  alreadyThere?: number;
}

const lineLabel = (line: number) => (line === 0 ? 'Whole file' : `Line ${line.toLocaleString('en')}`);

/** The report of one upload. */
export function ImportReport({
  report,
  rowLabel = lineLabel,
  uploadFailures = [],
  alreadyThere = 0,
}: ImportReportProps) {
  const groups = useMemo(() => groupProblemsByLine(report.problems), [report.problems]);
  const byField = useMemo(() => countProblemsByField(report.problems), [report.problems]);
  const skipped = report.skipped + alreadyThere;
  const clean = report.failed === 0 && uploadFailures.length === 0 && report.problems.length === 0;
  const shownRows = groups.length;
  return (
    <section className="import-report" aria-label="Upload report">
      <p className="import-report__summary" role="status">
        <span className="badge" data-tone={clean ? 'ok' : 'bad'}>
          {clean ? 'Done' : 'Done with problems'}
        </span>{' '}
        {reportSummary({ created: report.created, skipped, failed: report.failed })}
        {uploadFailures.length > 0 &&
          ` · ${uploadFailures.length.toLocaleString('en')} image${uploadFailures.length === 1 ? '' : 's'} not uploaded`}
      </p>
      <div className="stats">
        <div className="stat">
          <div className="stat__value">{report.created.toLocaleString('en')}</div>
          <div className="stat__label">Created</div>
        </div>
        <div className="stat">
          <div className="stat__value">{skipped.toLocaleString('en')}</div>
          <div className="stat__label">Skipped — already there</div>
        </div>
        <div className="stat">
          <div className="stat__value">{(report.failed + uploadFailures.length).toLocaleString('en')}</div>
          <div className="stat__label">Failed</div>
        </div>
      </div>
      {uploadFailures.length > 0 && (
        <>
          <h3>Images that could not be uploaded</h3>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">File</th>
                <th scope="col">Problem</th>
              </tr>
            </thead>
            <tbody>
              {uploadFailures.map((failure) => (
                <tr key={failure.path}>
                  <td>
                    <code>{failure.path}</code>
                  </td>
                  <td>{failure.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      {report.problems.length > 0 && (
        <>
          <div className="import-report__head">
            <h3>Rows that were not imported</h3>
            <a
              className="button button--small"
              download="import-problems.csv"
              href={`data:text/csv;charset=utf-8,${encodeURIComponent(problemsCsv(report.problems))}`}
            >
              Download problems (CSV)
            </a>
          </div>
          <p className="import-report__fields">
            {byField.slice(0, 8).map((field) => (
              <span key={field.path} className="badge" data-tone="bad">
                {field.path}: {field.count.toLocaleString('en')}
              </span>
            ))}
          </p>
          <table className="table import-report__table" aria-label="Problems by row">
            <thead>
              <tr>
                <th scope="col">Row</th>
                <th scope="col">Field</th>
                <th scope="col">Problem</th>
              </tr>
            </thead>
            <tbody>
              {groups.map((group) =>
                group.problems.map((problem, index) => (
                  <tr key={`${group.line}:${problem.path}:${problem.message}`}>
                    {index === 0 && (
                      <th scope="row" rowSpan={group.problems.length} className="import-report__row">
                        {rowLabel(group.line)}
                      </th>
                    )}
                    <td>{problem.path ? <code>{problem.path}</code> : <span className="muted">—</span>}</td>
                    <td>{problem.message}</td>
                  </tr>
                )),
              )}
            </tbody>
          </table>
          {report.failed > shownRows && (
            <p className="muted">
              Showing the first {shownRows.toLocaleString('en')} of {report.failed.toLocaleString('en')} rows
              that were not imported.
            </p>
          )}
        </>
      )}
    </section>
  );
}
