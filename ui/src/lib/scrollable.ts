// Parts of rendered content that scroll sideways (a wide table, a long code
// line, a large diagram) must be reachable from the keyboard, or their hidden
// part cannot be read without a mouse (WCAG 2.1.1; axe's
// scrollable-region-focusable). Such a part gets tabindex="0" while it
// overflows, and loses it when it fits again, so content that fits adds no
// tab stops.

/** What in rendered plan content may scroll (see the components' CSS). */
export const SCROLLING_PARTS = 'table, pre, figure.diagram';

const MARK = 'data-keyboard-scrollable';

/** Whether an element's content is wider or taller than its box. */
export function overflows(element: Element): boolean {
  return element.scrollWidth > element.clientWidth + 1 || element.scrollHeight > element.clientHeight + 1;
}

/** Gives each overflowing part of `root` (and `root` itself) a tab stop, and takes it away from parts that fit. */
export function markScrollingParts(root: Element): void {
  const parts = [...root.querySelectorAll<HTMLElement>(SCROLLING_PARTS)];
  if (root instanceof HTMLElement && root.matches(SCROLLING_PARTS)) parts.push(root);
  for (const part of parts) {
    if (overflows(part)) {
      if (!part.hasAttribute('tabindex')) {
        part.tabIndex = 0;
        part.setAttribute(MARK, '');
      }
    } else if (part.hasAttribute(MARK)) {
      part.removeAttribute('tabindex');
      part.removeAttribute(MARK);
    }
  }
}

/**
 * Keeps `root`'s scrolling parts keyboard-reachable as its content and size
 * change (new HTML, diagrams drawn, the window resized). Only what was added
 * is measured after a change: measuring forces layout, and the preview keeps
 * the sections a keystroke did not touch (and skips laying out those off
 * screen). Returns the cleanup.
 */
export function keepScrollingPartsFocusable(root: HTMLElement): () => void {
  let frame = 0;
  let everything = false;
  const added = new Set<Element>();
  const schedule = () => {
    if (frame) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      if (everything) markScrollingParts(root);
      else for (const element of added) if (element.isConnected) markScrollingParts(element);
      everything = false;
      added.clear();
    });
  };
  markScrollingParts(root);
  const mutations = new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) {
        const element = node instanceof Element ? node : node.parentElement;
        if (element) added.add(element);
      }
    }
    if (added.size) schedule();
  });
  mutations.observe(root, { childList: true, subtree: true });
  // A new width changes what overflows everywhere.
  const resizes =
    typeof ResizeObserver === 'function'
      ? new ResizeObserver(() => {
          everything = true;
          schedule();
        })
      : null;
  resizes?.observe(root);
  return () => {
    if (frame) cancelAnimationFrame(frame);
    mutations.disconnect();
    resizes?.disconnect();
  };
}
