// The rendered plan cut into its sections, so that the preview replaces only
// the sections a change touched: re-inserting all of a large plan's HTML (and
// its diagrams) on every keystroke costs the webview hundreds of milliseconds.

/**
 * Splits the plan's HTML before each `<h2>` that starts a line: the part
 * before the first section (title, legend, at a glance), then one part per
 * section. Joined, the parts are the HTML again. Inside code blocks the core
 * escapes `<`, so only real section headings start a part.
 */
export function splitSections(html: string): string[] {
  const parts: string[] = [];
  let start = 0;
  for (const match of html.matchAll(/\n(?=<h2[\s>])/g)) {
    const end = match.index + 1;
    parts.push(html.slice(start, end));
    start = end;
  }
  parts.push(html.slice(start));
  return parts;
}
