// Find in the plan: every occurrence of a query in the text of an element,
// as DOM ranges (also across inline markup: "blue-green" in "<b>blue</b>-green"),
// and highlighting them with the CSS Custom Highlight API where WebKit has it,
// else by selecting the current match.

/** Text that is not the plan's prose: diagram sources and drawn diagrams. */
const SKIPPED = 'svg, script, style, pre.mermaid, .mermaid, [data-find-skip]';

/** Every case-insensitive occurrence of `query` in the text under `root`. */
export function findMatches(root: Node, query: string): Range[] {
  const needle = query.trim().toLocaleLowerCase();
  if (!needle) return [];
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) =>
      node.parentElement?.closest(SKIPPED) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT,
  });
  const nodes: Text[] = [];
  const starts: number[] = [];
  let text = '';
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    nodes.push(node as Text);
    starts.push(text.length);
    text += (node as Text).data;
  }
  const haystack = text.toLocaleLowerCase();
  // Lower-casing must keep lengths for the offsets to hold (it does for the
  // scripts plans are written in; a text where it does not is searched as is).
  const searchable = haystack.length === text.length ? haystack : text;
  const ranges: Range[] = [];
  let from = 0;
  for (let at = searchable.indexOf(needle, from); at !== -1; at = searchable.indexOf(needle, from)) {
    const range = doc.createRange();
    const [startNode, startOffset] = locate(nodes, starts, at, false);
    const [endNode, endOffset] = locate(nodes, starts, at + needle.length, true);
    range.setStart(startNode, startOffset);
    range.setEnd(endNode, endOffset);
    ranges.push(range);
    from = at + needle.length;
  }
  return ranges;
}

/** The text node and offset of a position in the joined text. */
function locate(nodes: Text[], starts: number[], position: number, isEnd: boolean): [Text, number] {
  // The last node starting at or before the position (for an end, strictly before).
  let low = 0;
  let high = nodes.length - 1;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (isEnd ? starts[mid] < position : starts[mid] <= position) low = mid;
    else high = mid - 1;
  }
  return [nodes[low], position - starts[low]];
}

type HighlightRegistry = { set(name: string, value: unknown): void; delete(name: string): void };
type HighlightConstructor = new (...ranges: Range[]) => unknown;

function highlightApi(): { registry: HighlightRegistry; Highlight: HighlightConstructor } | null {
  const registry = (globalThis.CSS as unknown as { highlights?: HighlightRegistry } | undefined)?.highlights;
  const Highlight = (globalThis as unknown as { Highlight?: HighlightConstructor }).Highlight;
  return registry && Highlight ? { registry, Highlight } : null;
}

/**
 * Shows `ranges` as found and `current` as the one being looked at (styled
 * by `::highlight(find-match)` and `::highlight(find-current)` in app.css),
 * and scrolls it into view. Without the Highlight API the current match is
 * selected instead.
 */
export function showMatches(ranges: Range[], current: number, root?: HTMLElement): void {
  const api = highlightApi();
  const range = ranges[current];
  if (api) {
    api.registry.set('find-match', new api.Highlight(...ranges));
    if (range) api.registry.set('find-current', new api.Highlight(range));
    else api.registry.delete('find-current');
    if (root) repaint(root);
  } else if (range) {
    const selection = globalThis.getSelection?.();
    selection?.removeAllRanges();
    selection?.addRange(range);
  }
  const element = range?.startContainer.parentElement;
  element?.scrollIntoView?.({ block: 'center' });
}

/** Removes what `showMatches` showed. */
export function clearMatches(root?: HTMLElement): void {
  const api = highlightApi();
  if (api) {
    api.registry.delete('find-match');
    api.registry.delete('find-current');
    if (root) repaint(root);
  }
}

/**
 * Paints `root` afresh. WebKitGTK does not always repaint text whose
 * highlight was removed, so a match of an earlier, shorter query ("ro" while
 * typing "rollback") could stay coloured; a one-frame change of opacity makes
 * it paint the whole element again.
 */
function repaint(root: HTMLElement): void {
  root.style.setProperty('opacity', '0.999');
  requestAnimationFrame(() => root.style.removeProperty('opacity'));
}
