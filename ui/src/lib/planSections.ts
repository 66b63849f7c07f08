// The rendered plan cut into its sections and their sub-sections, so that the
// preview replaces only the parts a change touched: re-inserting all of a
// large plan's HTML (and its diagrams) on every keystroke costs the webview
// hundreds of milliseconds, and even one whole section (with a large table)
// costs a slow frame when only one of its fields changed.

/**
 * Splits the plan's HTML before each `<h2>` and `<h3>` that starts a line: the
 * part before the first heading (title, legend), then one part per section
 * and sub-section. Joined, the parts are the HTML again. Inside code blocks
 * the core escapes `<`, so only real headings start a part.
 */
export function splitSections(html: string): string[] {
  const parts: string[] = [];
  let start = 0;
  for (const match of html.matchAll(/\n(?=<h[23][\s>])/g)) {
    const end = match.index + 1;
    parts.push(html.slice(start, end));
    start = end;
  }
  parts.push(html.slice(start));
  return parts;
}
