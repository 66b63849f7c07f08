// Keystroke-to-preview timing with the User Timing API (performance.mark and
// performance.measure): always on, silent, a few entries per keystroke. The
// end-to-end run reads the measures back (tests/e2e/typing.test.mjs) and
// BENCHMARKS.md records them.
//
// Per keystroke in a wizard field:
//   preview:keystroke-to-result   the input event → the core's render result arrived
//   preview:keystroke-to-painted  the input event → the preview updated in the DOM and painted
// Per render:
//   preview:core                  the core's own time for the render (it reports it)
//   preview:dom-update            the result arrived → the DOM updated (Svelte's tick)
//   preview:paint                 the DOM updated → painted

export const MEASURES = {
  result: 'preview:keystroke-to-result',
  painted: 'preview:keystroke-to-painted',
  core: 'preview:core',
  domUpdate: 'preview:dom-update',
  paint: 'preview:paint',
} as const;

/** After this many measures all are dropped, so a long session does not pile them up. */
const KEPT = 3000;

let counter = 0;
let measured = 0;
let waiting: string[] = [];

/**
 * Notes an input event in a field: a change the preview is about to show.
 * The mark is placed at the event's own time stamp, so time spent before the
 * handler ran (a busy main thread) counts too.
 */
export function noteKeystroke(event: Event): void {
  if (typeof performance === 'undefined' || typeof performance.mark !== 'function') return;
  const name = `preview:keystroke-${++counter}`;
  const now = performance.now();
  // The event's time stamp is on the same clock; if a webview says otherwise, use now.
  const startTime = event.timeStamp > 0 && event.timeStamp <= now ? event.timeStamp : now;
  performance.mark(name, { startTime });
  waiting.push(name);
}

/** The keystrokes noted since the last call: the ones a render starting now shows. */
export function takeKeystrokes(): string[] {
  const taken = waiting;
  waiting = [];
  return taken;
}

/**
 * The render for `keystrokes` returned; `coreMs` is the core's own time for
 * it. Returns when that was, for `recordUpdated` and `recordPainted`.
 */
export function recordResult(keystrokes: string[], coreMs: number): number {
  const now = performance.now();
  if (coreMs >= 0) measure(MEASURES.core, { start: Math.max(0, now - coreMs), duration: coreMs });
  for (const name of keystrokes) measure(MEASURES.result, { start: name, end: now });
  return now;
}

/** The result that arrived at `arrived` is in the DOM. Returns when that was. */
export function recordUpdated(arrived: number): number {
  const now = performance.now();
  measure(MEASURES.domUpdate, { start: arrived, end: now });
  return now;
}

/** The render for `keystrokes`, in the DOM since `updated`, is painted. */
export function recordPainted(keystrokes: string[], updated: number): void {
  const now = performance.now();
  measure(MEASURES.paint, { start: updated, end: now });
  for (const name of keystrokes) {
    measure(MEASURES.painted, { start: name, end: now });
    performance.clearMarks(name);
  }
}

/** Forgets keystrokes whose render did not arrive (it failed). */
export function dropKeystrokes(keystrokes: string[]): void {
  for (const name of keystrokes) performance.clearMarks(name);
}

/**
 * Resolves after the next paint: a frame callback runs just before the
 * frame is painted, a message posted from it is handled right after.
 */
export function afterNextPaint(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestAnimationFrame !== 'function') {
      setTimeout(resolve, 0);
      return;
    }
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        resolve();
      };
      channel.port2.postMessage(null);
    });
  });
}

function measure(name: string, options: PerformanceMeasureOptions): void {
  if (++measured > KEPT) {
    for (const kind of Object.values(MEASURES)) performance.clearMeasures(kind);
    measured = 1;
  }
  try {
    performance.measure(name, options);
  } catch {
    // A mark cleared meanwhile (by a test, say): timing never stops the preview.
  }
}
