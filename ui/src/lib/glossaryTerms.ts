// Glossary terms in rendered plan text, explained on hover and keyboard
// focus: each first occurrence per container becomes a focusable span with a
// tooltip (role="tooltip", linked by aria-describedby). Only text nodes are
// touched, and the explanation is set as text, so nothing here can become markup.
import type { GlossaryEntry } from './bindings/GlossaryEntry';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

let tips = 0;

/** Marks the first occurrence of each glossary term under `root` (once per root). */
export function explainTerms(root: HTMLElement, glossary: GlossaryEntry[]): number {
  const entries = glossary
    // The ways each term is written in a plan come from the core (`keys`).
    .flatMap((entry) => entry.keys.map((key) => ({ key, entry })))
    .sort((a, b) => b.key.length - a.key.length);
  if (entries.length === 0) return 0;
  const acronym = (key: string) => key === key.toUpperCase();
  const pattern = new RegExp(`(?<![\\w/])(${entries.map((e) => escapeRegExp(e.key)).join('|')})(?![\\w/])`, 'gi');
  const done = new Set<string>(
    [...root.querySelectorAll<HTMLElement>('.term')].map((el) => el.dataset.term ?? ''),
  );
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode(node) {
      const parent = node.parentElement;
      if (!parent || parent.closest('pre, code, svg, figure, a, button, .term, h1, h2')) return NodeFilter.FILTER_REJECT;
      return NodeFilter.FILTER_ACCEPT;
    },
  });
  const nodes: Text[] = [];
  while (walker.nextNode()) nodes.push(walker.currentNode as Text);
  let marked = 0;
  for (const node of nodes) {
    let current: Text = node;
    pattern.lastIndex = 0;
    let match: RegExpExecArray | null;
    while ((match = pattern.exec(current.data))) {
      const found = match[1];
      const hit = entries.find(
        (e) => e.key.toLowerCase() === found.toLowerCase() && (!acronym(e.key) || found === e.key),
      );
      if (!hit || done.has(hit.entry.term)) continue;
      // "Argo CD", "Travis CI": an acronym after a capitalised name is part of that name.
      if (acronym(hit.key) && /[A-Z][a-z]+ $/.test(current.data.slice(0, match.index))) continue;
      done.add(hit.entry.term);
      const word = current.splitText(match.index);
      const rest = word.splitText(found.length);
      const term = document.createElement('span');
      term.className = 'term';
      term.tabIndex = 0;
      term.dataset.term = hit.entry.term;
      const tip = document.createElement('span');
      tip.className = 'tip';
      tip.setAttribute('role', 'tooltip');
      tip.id = `term-tip-${++tips}`;
      tip.textContent = `${hit.entry.term}: ${hit.entry.explanation}`;
      term.setAttribute('aria-describedby', tip.id);
      word.replaceWith(term);
      term.append(word, tip);
      marked += 1;
      // Go on in the text after the term.
      current = rest;
      pattern.lastIndex = 0;
    }
  }
  return marked;
}
