// Draws the Mermaid code blocks of the rendered plan as SVG. Mermaid is large,
// so it is loaded on first use (a separate bundled chunk, never the network).
import type { Mermaid } from 'mermaid';
import type { DrawnDiagram } from './bindings/DrawnDiagram';

export type Theme = 'default' | 'dark';

let loading: Promise<Mermaid> | undefined;
let initialisedTheme: Theme | undefined;
let counter = 0;
/** Drawn diagrams by theme and code, so typing elsewhere does not redraw them. */
const drawn = new Map<string, string>();

async function loadMermaid(theme: Theme): Promise<Mermaid> {
  loading ??= import('mermaid').then((module) => module.default);
  const mermaid = await loading;
  if (initialisedTheme !== theme) {
    mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', theme });
    initialisedTheme = theme;
  }
  return mermaid;
}

/** The Mermaid theme that matches the app's theme (the `data-theme` on <html>, else the system's). */
export function currentTheme(): Theme {
  const chosen = typeof document === 'undefined' ? undefined : document.documentElement.dataset.theme;
  if (chosen === 'dark') return 'dark';
  if (chosen === 'light') return 'default';
  return typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches
    ? 'dark'
    : 'default';
}

/** The Mermaid source and theme of each drawn figure, so a theme switch can redraw it. */
const figures = new WeakMap<HTMLElement, { code: string; theme: Theme }>();

/** Turns diagrams drawn in another theme back into their code blocks. */
function undrawOtherThemes(root: HTMLElement, theme: Theme): void {
  for (const figure of root.querySelectorAll<HTMLElement>('figure.diagram')) {
    const drawnWith = figures.get(figure);
    if (!drawnWith || drawnWith.theme === theme) continue;
    const pre = document.createElement('pre');
    const code = document.createElement('code');
    code.className = 'language-mermaid';
    code.textContent = drawnWith.code;
    pre.append(code);
    figure.replaceWith(pre);
  }
}

/** The code blocks comrak produced for ```mermaid fences. */
export function findMermaidBlocks(root: ParentNode): HTMLElement[] {
  const codes = root.querySelectorAll<HTMLElement>(
    'pre > code.language-mermaid, pre[lang="mermaid"] > code',
  );
  return [...codes].map((code) => code.parentElement as HTMLElement);
}

/**
 * Replaces every Mermaid block under `root` with its diagram. A block that
 * does not parse stays as code, with a note saying why.
 */
export async function drawDiagrams(root: HTMLElement, theme: Theme = currentTheme()): Promise<void> {
  undrawOtherThemes(root, theme);
  // Diagrams drawn before go in at once, so re-rendering the preview while
  // typing does not flash their code.
  const blocks = findMermaidBlocks(root).filter((pre) => {
    const svg = drawn.get(cacheKey(theme, pre));
    if (svg === undefined) return true;
    pre.replaceWith(diagramFigure(svg, pre.textContent ?? '', theme));
    return false;
  });
  if (blocks.length === 0) return;
  const mermaid = await loadMermaid(theme);
  for (const pre of blocks) {
    if (!pre.isConnected) continue; // the preview was replaced meanwhile
    const code = pre.textContent ?? '';
    let figure: HTMLElement;
    try {
      let svg = drawn.get(cacheKey(theme, pre));
      if (svg === undefined) {
        await mermaid.parse(code);
        ({ svg } = await mermaid.render(`mermaid-diagram-${++counter}`, code));
        drawn.set(cacheKey(theme, pre), svg);
      }
      figure = diagramFigure(svg, code, theme);
    } catch (error) {
      figure = document.createElement('figure');
      figure.className = 'diagram diagram-error';
      const note = document.createElement('p');
      note.className = 'diagram-error-note';
      note.textContent = `This diagram could not be drawn: ${errorText(error)}`;
      figure.append(note, pre.cloneNode(true));
    }
    if (pre.isConnected) pre.replaceWith(figure);
  }
}

function cacheKey(theme: Theme, pre: HTMLElement): string {
  return `${theme}\n${pre.textContent ?? ''}`;
}

function diagramFigure(svg: string, code: string, theme: Theme): HTMLElement {
  const figure = document.createElement('figure');
  figure.className = 'diagram';
  figures.set(figure, { code, theme });
  // Mermaid's output at securityLevel 'strict' is sanitised by Mermaid (DOMPurify).
  figure.innerHTML = svg;
  figure.setAttribute('role', 'img');
  figure.setAttribute('aria-label', diagramLabel(code));
  return figure;
}

/** "Diagram: <title>" from Mermaid front matter, else the diagram type. */
export function diagramLabel(code: string): string {
  const front = /^\s*---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(code);
  const title = front && /^\s*title:\s*(.+)$/m.exec(front[1])?.[1].trim().replace(/^["']|["']$/g, '');
  if (title) return `Diagram: ${title}`;
  const body = front ? code.slice(front[0].length) : code;
  const kind = body.trim().split(/\s/, 1)[0] || 'Mermaid';
  return `Diagram (${kind})`;
}

function errorText(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n')[0].slice(0, 300);
}

/** The Mermaid source of every diagram in rendered plan HTML, in order, without repeats. */
export function mermaidSources(htmls: string[]): string[] {
  const sources: string[] = [];
  for (const html of htmls) {
    const parsed = new DOMParser().parseFromString(html, 'text/html');
    for (const pre of findMermaidBlocks(parsed)) {
      const source = pre.textContent ?? '';
      if (!sources.includes(source)) sources.push(source);
    }
  }
  return sources;
}

/**
 * Draws each source for an export with the app's own Mermaid, in the light
 * theme (paper is white), so the export needs nothing installed. A diagram
 * that does not parse comes back with why; the core keeps its source then.
 */
export async function drawForExport(sources: string[]): Promise<DrawnDiagram[]> {
  if (sources.length === 0) return [];
  const mermaid = await loadMermaid('default');
  const results: DrawnDiagram[] = [];
  for (const source of sources) {
    try {
      let svg = drawn.get(`default\n${source}`);
      if (svg === undefined) {
        await mermaid.parse(source);
        ({ svg } = await mermaid.render(`export-diagram-${++counter}`, source));
      }
      results.push({ source, svg, error: null });
    } catch (error) {
      results.push({ source, svg: null, error: errorText(error) });
    }
  }
  return results;
}
