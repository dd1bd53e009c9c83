/**
 * The two buttons that pick files for an upload: "Choose a folder…" (a whole folder, sub-folders included)
 * and "Choose files…", as visually hidden file inputs inside button-styled labels so that each is one
 * control with an accessible name. Extra controls (a Clear button) go in the same row.
 */
import type { ChangeEvent, ReactNode } from 'react';

/** Makes a file input choose a folder (React does not know `webkitdirectory`): a callback ref. */
function asFolderInput(input: HTMLInputElement | null): void {
  input?.setAttribute('webkitdirectory', '');
}

/** One of the two choosers: its visible text and the accessible name of its input. */
export interface ChooserText {
  /** Visible text of the button. */
  label: string;
  /** Accessible name of the file input (what Playwright and screen readers find it by). */
  inputName: string;
}

/** Props of {@link FileChoosers}. */
export interface FileChoosersProps {
  /** The folder chooser. */
  folder: ChooserText;
  /** The files chooser, with the file types it offers (an `accept` value), if any. */
  files: ChooserText & { accept?: string };
  /** Called with the input's change event, for either chooser. */
  onChange: (event: ChangeEvent<HTMLInputElement>) => void;
  /** Disables both (while an upload runs). */
  disabled: boolean;
  /** Class of each button-styled label (the page's own spacing). */
  chooserClassName: string;
  /** More controls in the same row. */
  children?: ReactNode;
}

/** The folder and files choosers in one form row. */
export function FileChoosers({
  folder,
  files,
  onChange,
  disabled,
  chooserClassName,
  children,
}: FileChoosersProps) {
  return (
    <div className="form-row">
      <label className={`button ${chooserClassName}`}>
        {folder.label}
        <input
          ref={asFolderInput}
          type="file"
          multiple
          className="visually-hidden"
          aria-label={folder.inputName}
          onChange={onChange}
          disabled={disabled}
        />
      </label>
      <label className={`button ${chooserClassName}`}>
        {files.label}
        <input
          type="file"
          multiple
          accept={files.accept}
          className="visually-hidden"
          aria-label={files.inputName}
          onChange={onChange}
          disabled={disabled}
        />
      </label>
      {children}
    </div>
  );
}
