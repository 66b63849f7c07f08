import { describe, expect, it, vi } from 'vitest';
import { diagramLabel, drawDiagrams, drawForExport, findMermaidBlocks, mermaidSources } from './diagrams';

const mermaid = vi.hoisted(() => ({
  initialize: vi.fn(),
  parse: vi.fn(async (code: string) => {
    if (code.includes('oops')) throw new Error('Parse error on line 2:\nmore detail');
    return true;
  }),
  render: vi.fn(async (_id: string, code: string) => ({ svg: `<svg data-code="${code.length}"></svg>` })),
}));
vi.mock('mermaid', () => ({ default: mermaid }));

function preview(html: string): HTMLElement {
  const root = document.createElement('div');
  root.innerHTML = html;
  document.body.append(root);
  return root;
}

describe('drawDiagrams', () => {
  it('finds comrak’s mermaid blocks only', () => {
    const root = preview(
      '<pre><code class="language-mermaid">flowchart LR\n A --> B</code></pre><pre><code class="language-yaml">a: 1</code></pre>',
    );
    expect(findMermaidBlocks(root)).toHaveLength(1);
  });

  it('replaces each block with its SVG, in strict security mode', async () => {
    const root = preview('<p>x</p><pre><code class="language-mermaid">flowchart LR\n  A --&gt; B\n</code></pre>');
    await drawDiagrams(root, 'dark');
    expect(mermaid.initialize).toHaveBeenCalledWith({ startOnLoad: false, securityLevel: 'strict', theme: 'dark' });
    expect(root.querySelector('pre')).toBeNull();
    const figure = root.querySelector('figure.diagram')!;
    expect(figure.querySelector('svg')).toBeTruthy();
    expect(figure.getAttribute('aria-label')).toBe('Diagram (flowchart)');
    expect(mermaid.render.mock.calls.at(-1)?.[1]).toBe('flowchart LR\n  A --> B\n');
  });

  it('redraws a drawn diagram when the theme changes', async () => {
    const root = preview('<pre><code class="language-mermaid">flowchart TB\n  Themed --&gt; Again\n</code></pre>');
    await drawDiagrams(root, 'default');
    const calls = mermaid.render.mock.calls.length;
    await drawDiagrams(root, 'default');
    expect(mermaid.render.mock.calls.length).toBe(calls);
    await drawDiagrams(root, 'dark');
    expect(mermaid.initialize).toHaveBeenLastCalledWith({ startOnLoad: false, securityLevel: 'strict', theme: 'dark' });
    expect(mermaid.render.mock.calls.length).toBe(calls + 1);
    expect(mermaid.render.mock.calls.at(-1)?.[1]).toBe('flowchart TB\n  Themed --> Again\n');
    expect(root.querySelectorAll('figure.diagram')).toHaveLength(1);
    expect(root.querySelector('pre')).toBeNull();
  });

  it('keeps the code and says why when a diagram does not parse', async () => {
    const root = preview('<pre><code class="language-mermaid">flowchart LR\n oops</code></pre>');
    await drawDiagrams(root, 'default');
    const figure = root.querySelector('figure.diagram-error')!;
    expect(figure.textContent).toContain('This diagram could not be drawn: Parse error on line 2:');
    expect(figure.querySelector('pre code')?.textContent).toBe('flowchart LR\n oops');
  });

  it('does not redraw a diagram it has already drawn', async () => {
    const code = 'sequenceDiagram\n A->>B: hi';
    await drawDiagrams(preview(`<pre><code class="language-mermaid">${code}</code></pre>`), 'default');
    const before = mermaid.render.mock.calls.length;
    await drawDiagrams(preview(`<pre><code class="language-mermaid">${code}</code></pre>`), 'default');
    expect(mermaid.render.mock.calls.length).toBe(before);
  });
});

describe('diagramLabel', () => {
  it('names a diagram by its front-matter title, else by its type', () => {
    expect(diagramLabel('---\ntitle: Environment promotion\n---\nflowchart LR\n    n0["Dev"]\n')).toBe(
      'Diagram: Environment promotion',
    );
    expect(diagramLabel('gantt\n  title x')).toBe('Diagram (gantt)');
  });
});

describe('drawing for an export', () => {
  it('collects each diagram source of the sections once, unescaped, in order', () => {
    const sources = mermaidSources([
      '<h2>One</h2><pre><code class="language-mermaid">flowchart LR\n  A --&gt; B\n</code></pre>',
      '<pre lang="mermaid"><code>gantt\n  title T</code></pre><pre><code class="language-mermaid">flowchart LR\n  A --&gt; B\n</code></pre>',
      '<pre><code class="language-yaml">a: 1</code></pre>',
    ]);
    expect(sources).toEqual(['flowchart LR\n  A --> B\n', 'gantt\n  title T']);
  });

  it('draws in the light theme and says why a diagram could not be drawn', async () => {
    const drawn = await drawForExport(['flowchart LR\n  Paper --> Print\n', 'flowchart LR\n oops']);
    expect(mermaid.initialize).toHaveBeenLastCalledWith({ startOnLoad: false, securityLevel: 'strict', theme: 'default' });
    expect(drawn[0]).toEqual({ source: 'flowchart LR\n  Paper --> Print\n', svg: expect.stringContaining('<svg'), error: null });
    expect(drawn[1].svg).toBeNull();
    expect(drawn[1].error).toContain('Parse error on line 2:');
    expect(await drawForExport([])).toEqual([]);
  });
});
