/** Small line icons for the toolbar and the objects list (16 px, drawn with the current text colour). */
import type { ReactNode } from 'react';

/** Names of the icons. */
export type IconName =
  | 'select'
  | 'box'
  | 'polygon'
  | 'line'
  | 'point'
  | 'ellipse'
  | 'cuboid'
  | 'pan'
  | 'undo'
  | 'redo'
  | 'zoomIn'
  | 'zoomOut'
  | 'fit'
  | 'eye'
  | 'eyeOff'
  | 'lock'
  | 'unlock'
  | 'trash'
  | 'warning';

const PATHS: Record<IconName, ReactNode> = {
  select: <path d="M3 2l9 5-4 1.3L6.5 13z" />,
  box: <rect x="2.5" y="3.5" width="11" height="9" rx="0.5" />,
  polygon: <path d="M3 5l5-3 5 4-2 7H4z" />,
  line: <path d="M2 12l4-6 4 3 4-6" />,
  point: (
    <>
      <circle cx="8" cy="8" r="2.5" fill="currentColor" />
      <circle cx="8" cy="8" r="5.5" />
    </>
  ),
  ellipse: <ellipse cx="8" cy="8" rx="6" ry="4" />,
  cuboid: <path d="M2.5 5.5h8v8h-8zM2.5 5.5l3-3h8v8l-3 3M10.5 5.5l3-3" />,
  pan: (
    <path d="M8 1.5v13M1.5 8h13M8 1.5L6 3.5M8 1.5l2 2M8 14.5l-2-2M8 14.5l2-2M1.5 8l2-2M1.5 8l2 2M14.5 8l-2-2M14.5 8l-2 2" />
  ),
  undo: <path d="M5 3L2 6l3 3M2 6h7.5a4 4 0 010 8H6" />,
  redo: <path d="M11 3l3 3-3 3M14 6H6.5a4 4 0 000 8H10" />,
  zoomIn: <path d="M7 4v6M4 7h6M7 12.5A5.5 5.5 0 107 1.5a5.5 5.5 0 000 11zM11 11l3.5 3.5" />,
  zoomOut: <path d="M4 7h6M7 12.5A5.5 5.5 0 107 1.5a5.5 5.5 0 000 11zM11 11l3.5 3.5" />,
  fit: <path d="M2 5.5V2h3.5M10.5 2H14v3.5M14 10.5V14h-3.5M5.5 14H2v-3.5" />,
  eye: (
    <>
      <path d="M1.5 8S4 3.5 8 3.5 14.5 8 14.5 8 12 12.5 8 12.5 1.5 8 1.5 8z" />
      <circle cx="8" cy="8" r="2" />
    </>
  ),
  eyeOff: (
    <path d="M2 2l12 12M6.6 3.7A6.8 6.8 0 018 3.5c4 0 6.5 4.5 6.5 4.5a11 11 0 01-1.9 2.4M4 5.1A11 11 0 001.5 8S4 12.5 8 12.5a6.4 6.4 0 003-.8" />
  ),
  lock: (
    <>
      <rect x="3" y="7" width="10" height="7" rx="1" />
      <path d="M5 7V5a3 3 0 016 0v2" />
    </>
  ),
  unlock: (
    <>
      <rect x="3" y="7" width="10" height="7" rx="1" />
      <path d="M5 7V5a3 3 0 015.8-1" />
    </>
  ),
  trash: <path d="M2.5 4h11M6 4V2.5h4V4M4 4l.7 9.5h6.6L12 4" />,
  warning: <path d="M8 2l6.5 11.5h-13zM8 6.5v3.5M8 11.8v.2" />,
};

/** An icon, hidden from assistive technology (its button carries the name). */
export function Icon({ name }: { name: IconName }) {
  return (
    <svg
      className="img-icon"
      width="16"
      height="16"
      viewBox="0 0 16 16"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.4"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
    >
      {PATHS[name]}
    </svg>
  );
}
