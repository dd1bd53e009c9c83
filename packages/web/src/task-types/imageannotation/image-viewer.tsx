/**
 * The read-only viewer: several answers overlaid on one image, each in its answer's colour, with a legend
 * to show or hide each answer (a reviewer compares every annotator's answer with the merged one) and the
 * details of the annotation clicked. Pan and zoom work as in the editor.
 */
import type { ImageannotationParams, ImageannotationResponse } from '@groundwork/domain';
import { useEffect, useMemo, useState } from 'react';
import type { ShownAnswer, TaskViewerProps } from '../contract.ts';
import { AnnotationCanvas, type ImageStatus } from './canvas/annotation-canvas.tsx';
import type { SceneStyle } from './canvas/painter.ts';
import {
  type AnnotationRecord,
  answerAnnotation,
  describeAnnotation,
  type ImageannotationDraft,
} from './draft.ts';
import { Editor } from './editor/editor.ts';
import { isKnownLabel, labelDisplay, labelOptions } from './labels.ts';
import { ZoomControls } from './ui/toolbar.tsx';
import { useEditorValue } from './use-editor.ts';
import './imageannotation.css';

/** Outline width of an emphasized answer, a multiple of the normal width. */
const EMPHASIZED_WIDTH = 2;

/** Separates the answer key from the annotation index in viewer record ids. */
const ID_SEPARATOR = '\u0000';

/** The records of the shown answers, each id naming its answer: `<answer key>\0<index>`. */
export function viewerDraft(
  answers: readonly ShownAnswer<ImageannotationResponse>[],
  shown: ReadonlySet<string>,
): ImageannotationDraft {
  const annotations: AnnotationRecord[] = [];
  for (const answer of answers) {
    if (!shown.has(answer.key)) continue;
    answer.response.annotations.forEach((annotation, index) => {
      annotations.push({ id: `${answer.key}${ID_SEPARATOR}${index}`, annotation });
    });
  }
  return { annotations };
}

/** The answer key of a viewer record id. */
export function answerKeyOf(recordId: string): string {
  return recordId.slice(0, recordId.lastIndexOf(ID_SEPARATOR));
}

function formatValue(value: unknown): string {
  return Array.isArray(value) ? value.join(', ') : String(value);
}

/** Shows answers of an `imageannotation` task. */
export function ImageannotationViewer({
  params,
  resolveUrl,
  answers,
}: TaskViewerProps<ImageannotationParams, ImageannotationResponse>) {
  const [shown, setShown] = useState<ReadonlySet<string>>(() => new Set(answers.map((answer) => answer.key)));
  const [editor] = useState(() => new Editor({ params, draft: viewerDraft(answers, shown), readOnly: true }));
  const [status, setStatus] = useState<ImageStatus>({ state: 'loading' });

  useEffect(() => {
    editor.loadDraft(viewerDraft(answers, shown));
  }, [editor, answers, shown]);

  const colors = useMemo(() => new Map(answers.map((answer) => [answer.key, answer.color])), [answers]);
  const emphasized = useMemo(
    () => new Set(answers.filter((answer) => answer.emphasized).map((answer) => answer.key)),
    [answers],
  );
  const style = useMemo<SceneStyle>(
    () => ({
      colorOf: (record) => colors.get(answerKeyOf(record.id)) ?? '#6b7280',
      widthOf: (record) => (emphasized.has(answerKeyOf(record.id)) ? EMPHASIZED_WIDTH : 1),
      dashedOf: (record) => !isKnownLabel(params, record.annotation.type, record.annotation.label),
      connections: params.geometries.point?.connections?.map((connection) => connection.pair),
      labelOf: (record) =>
        params.hide_label
          ? null
          : labelDisplay(labelOptions(params, record.annotation.type), record.annotation.label),
    }),
    [colors, emphasized, params],
  );
  const sketchColor = useMemo(() => () => '#155e4b', []);
  const zoom = useEditorValue(editor, (state) => state.camera.zoom);
  const selectedId = useEditorValue(editor, (state) => state.selectedIds[0] ?? null);
  const selected = selectedId ? editor.getRecord(selectedId) : undefined;
  const selectedAnswer = selected
    ? answers.find((answer) => answer.key === answerKeyOf(selected.id))
    : undefined;

  const toggle = (key: string) =>
    setShown((now) => {
      const next = new Set(now);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });

  return (
    <div className="img-viewer" data-testid="image-viewer" data-ready={status.state === 'ready'}>
      <div className="img-toolbar">
        <fieldset className="img-legend">
          <legend className="visually-hidden">Answers shown</legend>
          {answers.map((answer) => (
            <label key={answer.key} className="img-legend__item">
              <input type="checkbox" checked={shown.has(answer.key)} onChange={() => toggle(answer.key)} />
              <span className="img-swatch img-swatch--answer" style={{ background: answer.color }} />
              {answer.title}
              <span className="img-muted">{answer.response.annotations.length}</span>
            </label>
          ))}
        </fieldset>
        <ZoomControls editor={editor} zoom={zoom} />
      </div>
      <div className="img-stage img-stage--viewer">
        <AnnotationCanvas
          editor={editor}
          imageUrl={resolveUrl(params.attachment)}
          style={style}
          sketchColor={sketchColor}
          onStatus={setStatus}
          label="Annotated image; each answer is drawn in its colour."
        />
        {status.state === 'loading' && <div className="img-stage__message">Loading image…</div>}
        {status.state === 'error' && (
          <div className="img-stage__message img-stage__message--error" role="alert">
            <strong>The image could not be loaded.</strong>
            <code className="img-url">{status.url}</code>
          </div>
        )}
        {selected && selectedAnswer && (
          <div className="img-details" aria-live="polite">
            <span className="img-swatch img-swatch--answer" style={{ background: selectedAnswer.color }} />
            <strong>{selectedAnswer.title}</strong>{' '}
            {describeAnnotation(
              params,
              selected.annotation,
              Number(selected.id.slice(selected.id.lastIndexOf(ID_SEPARATOR) + 1)),
            )}
            {Object.entries(
              answerAnnotation(params.annotation_attributes, selected.annotation).attributes ?? {},
            ).map(([name, value]) => (
              <span key={name} className="img-details__attribute">
                {name}: {formatValue(value)}
              </span>
            ))}
          </div>
        )}
      </div>
      {answers.some((answer) => answer.response.global_attributes) && (
        <table className="img-globals">
          <caption className="visually-hidden">Image attributes per answer</caption>
          <tbody>
            {answers.map((answer) => (
              <tr key={answer.key}>
                <th scope="row">
                  <span className="img-swatch img-swatch--answer" style={{ background: answer.color }} />{' '}
                  {answer.title}
                </th>
                <td>
                  {Object.entries(answer.response.global_attributes ?? {})
                    .map(([name, value]) => `${name}: ${formatValue(value)}`)
                    .join(' · ') || '—'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
