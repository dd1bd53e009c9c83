/**
 * Code the editor benchmark runs inside the browser page (`page.evaluate`). Each function is sent as its
 * source, so it must not use anything from outside its own body; the few browser APIs it uses are typed
 * by {@link PageGlobals} (this package compiles without the DOM library).
 */

interface PageElement {
  getAttribute(name: string): string | null;
  getBoundingClientRect(): { left: number; top: number; width: number; height: number };
}

interface PageEvent {
  type: string;
  timeStamp: number;
}

interface PageBlob {
  arrayBuffer(): Promise<ArrayBuffer>;
}

interface Canvas2d {
  fillStyle: unknown;
  strokeStyle: unknown;
  lineWidth: number;
  fillRect(x: number, y: number, w: number, h: number): void;
  beginPath(): void;
  arc(x: number, y: number, r: number, start: number, end: number): void;
  moveTo(x: number, y: number): void;
  lineTo(x: number, y: number): void;
  fill(): void;
  stroke(): void;
  createLinearGradient(
    x0: number,
    y0: number,
    x1: number,
    y1: number,
  ): { addColorStop(offset: number, color: string): void };
}

/** The browser globals these functions use. */
interface PageGlobals {
  requestAnimationFrame(callback: (time: number) => void): number;
  performance: {
    now(): number;
    getEntriesByType(type: 'resource'): Array<{ name: string; startTime: number; responseEnd: number }>;
  };
  document: { querySelector(selector: string): PageElement | null };
  addEventListener(type: string, listener: (event: PageEvent) => void, capture: boolean): void;
  removeEventListener(type: string, listener: (event: PageEvent) => void, capture: boolean): void;
  OffscreenCanvas: new (
    width: number,
    height: number,
  ) => {
    getContext(kind: '2d'): Canvas2d;
    convertToBlob(options: { type: string; quality?: number }): Promise<PageBlob>;
  };
  btoa(data: string): string;
  __benchFrames?: { intervals: number[]; last: number | null; running: boolean };
  __benchWatch?: Promise<WatchResult>;
}

/** What a watch saw: ms from the triggering input event to the frame after the awaited change. */
export interface WatchResult {
  ms: number;
  /** The trigger event's time stamp (the page's clock, ms). */
  start: number;
  /** When the clock stopped (the page's clock, ms). */
  end: number;
  /** False when the change did not happen within the time allowed. */
  ok: boolean;
}

/** Starts recording the intervals between animation frames. */
export function startFrames(): void {
  const page = globalThis as unknown as PageGlobals;
  const record = { intervals: [] as number[], last: null as number | null, running: true };
  page.__benchFrames = record;
  const tick = (time: number) => {
    if (!record.running) return;
    if (record.last !== null) record.intervals.push(time - record.last);
    record.last = time;
    page.requestAnimationFrame(tick);
  };
  page.requestAnimationFrame(tick);
}

/** Stops recording; returns the intervals (ms). */
export function stopFrames(): number[] {
  const page = globalThis as unknown as PageGlobals;
  const record = page.__benchFrames;
  if (!record) return [];
  record.running = false;
  return record.intervals;
}

/** What {@link armWatch} waits for. */
export interface WatchSpec {
  /** The input event that starts the clock (the first one after arming), caught before the page sees it. */
  trigger: 'pointerdown' | 'keydown';
  /**
   * `selector`: an element matching `selector` exists; `released`: a `pointerup` was dispatched;
   * `next`: the labeling loop shows a ready assignment other than `assignmentId` and its image editor is ready.
   */
  until: 'selector' | 'released' | 'next';
  selector?: string;
  assignmentId?: string;
  /** Give up after this many ms. */
  timeoutMs: number;
}

/**
 * Arms a watch (kept in `__benchWatch`): the clock starts at the trigger event's time stamp; the change
 * is polled once per animation frame, and the clock stops at the start of the frame after the one in
 * which the change was first seen (that frame has then been drawn).
 */
export function armWatch(spec: WatchSpec): void {
  const page = globalThis as unknown as PageGlobals;
  page.__benchWatch = new Promise<WatchResult>((resolve) => {
    let start: number | null = null;
    let released = false;
    const onTrigger = (event: PageEvent) => {
      if (start === null) start = event.timeStamp;
    };
    const onRelease = () => {
      if (start !== null) released = true;
    };
    page.addEventListener(spec.trigger, onTrigger, true);
    page.addEventListener('pointerup', onRelease, true);
    const armedAt = page.performance.now();
    const seen = (): boolean => {
      if (start === null) return false;
      if (spec.until === 'released') return released;
      if (spec.until === 'selector') return page.document.querySelector(spec.selector ?? '') !== null;
      const loop = page.document.querySelector('[data-testid="labeling-loop"]');
      const id = loop?.getAttribute('data-assignment-id') ?? '';
      return (
        loop?.getAttribute('data-state') === 'ready' &&
        id !== '' &&
        id !== spec.assignmentId &&
        page.document.querySelector('[data-testid="image-editor"][data-ready="true"]') !== null
      );
    };
    const finish = (ok: boolean) => {
      page.removeEventListener(spec.trigger, onTrigger, true);
      page.removeEventListener('pointerup', onRelease, true);
      const end = page.performance.now();
      resolve({ ok, ms: ok && start !== null ? end - start : Number.NaN, start: start ?? Number.NaN, end });
    };
    const poll = () => {
      if (seen()) {
        page.requestAnimationFrame(() => finish(true));
        return;
      }
      if (page.performance.now() - armedAt > spec.timeoutMs) return finish(false);
      page.requestAnimationFrame(poll);
    };
    page.requestAnimationFrame(poll);
  });
}

/** Waits for the armed watch's result. */
export function watchResult(): Promise<WatchResult> | WatchResult {
  const page = globalThis as unknown as PageGlobals;
  return page.__benchWatch ?? { ok: false, ms: Number.NaN, start: Number.NaN, end: Number.NaN };
}

/** When the page's last request whose URL contains `part` started and ended (the page's clock, ms), or null. */
export function lastRequest(part: string): { startTime: number; responseEnd: number } | null {
  const page = globalThis as unknown as PageGlobals;
  const entry = page.performance
    .getEntriesByType('resource')
    .filter((candidate) => candidate.name.includes(part))
    .at(-1);
  return entry ? { startTime: entry.startTime, responseEnd: entry.responseEnd } : null;
}

/** The screen rectangle of the first element matching `selector`, or null. */
export function rectOf(
  selector: string,
): { left: number; top: number; width: number; height: number } | null {
  const page = globalThis as unknown as PageGlobals;
  const element = page.document.querySelector(selector);
  if (!element) return null;
  const { left, top, width, height } = element.getBoundingClientRect();
  return { left, top, width, height };
}

/**
 * Draws a photo-like test image (sky gradient, ground, a few thousand soft shapes so that JPEG has
 * detail to encode) and returns it as base64 JPEG. `seed` varies the shapes and tint.
 */
export async function drawImage(input: { width: number; height: number; seed: number }): Promise<string> {
  const page = globalThis as unknown as PageGlobals;
  let state = input.seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const { width, height } = input;
  const canvas = new page.OffscreenCanvas(width, height);
  const g = canvas.getContext('2d');
  const hue = Math.floor(next() * 360);
  const sky = g.createLinearGradient(0, 0, 0, height * 0.55);
  sky.addColorStop(0, `hsl(${hue}, 45%, 72%)`);
  sky.addColorStop(1, `hsl(${(hue + 30) % 360}, 35%, 88%)`);
  g.fillStyle = sky;
  g.fillRect(0, 0, width, height * 0.55);
  g.fillStyle = `hsl(${(hue + 180) % 360}, 18%, 38%)`;
  g.fillRect(0, height * 0.55, width, height * 0.45);
  for (let i = 0; i < 4000; i++) {
    const x = next() * width;
    const y = next() * height;
    const size = 4 + next() ** 3 * 220;
    g.fillStyle = `hsla(${Math.floor(next() * 360)}, ${Math.floor(next() * 60)}%, ${Math.floor(20 + next() * 60)}%, 0.55)`;
    if (next() < 0.5) g.fillRect(x, y, size, size * (0.3 + next()));
    else {
      g.beginPath();
      g.arc(x, y, size / 2, 0, 2 * Math.PI);
      g.fill();
    }
  }
  g.strokeStyle = 'rgba(255,255,255,0.35)';
  g.lineWidth = 3;
  for (let i = 0; i < 300; i++) {
    g.beginPath();
    g.moveTo(next() * width, next() * height);
    g.lineTo(next() * width, next() * height);
    g.stroke();
  }
  const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.9 });
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return page.btoa(binary);
}
