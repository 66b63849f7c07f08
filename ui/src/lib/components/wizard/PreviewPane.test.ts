import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import PreviewPane from './PreviewPane.svelte';

const INTRO = '<h1>Plan</h1>\n<p>How to read this plan</p>\n';
const section = (number: number, text: string) => `<h2>${number}. Section</h2>\n<p>${text}</p>\n`;
const props = (...parts: string[]) => ({ parts, markdown: '', loading: false, error: null });

describe('preview pane', () => {
  it('replaces only the sections whose HTML changed', async () => {
    const view = render(PreviewPane, { props: props(INTRO, section(0, 'first'), section(1, 'second')) });
    const content = screen.getByTestId('preview-content');
    const [, untouched] = content.querySelectorAll('h2');
    const title = content.querySelector('h1');

    await view.rerender(props(INTRO, section(0, 'first, edited'), section(1, 'second')));

    expect(content.querySelectorAll('h2')[1]).toBe(untouched);
    expect(content.querySelector('h1')).toBe(title);
    expect([...content.querySelectorAll('p')].map((p) => p.textContent)).toEqual([
      'How to read this plan',
      'first, edited',
      'second',
    ]);
  });

  it('adds and removes sections without leaving any behind', async () => {
    const view = render(PreviewPane, { props: props(INTRO, section(0, 'a'), section(1, 'b')) });
    const content = screen.getByTestId('preview-content');
    await view.rerender(props(INTRO, section(0, 'a')));
    expect(content.querySelectorAll('h2')).toHaveLength(1);
    await view.rerender(props(INTRO, section(0, 'a'), section(1, 'b'), section(2, 'c')));
    expect([...content.querySelectorAll('h2')].map((h) => h.textContent)).toEqual(['0. Section', '1. Section', '2. Section']);
  });

  it('replaces a section whose diagram block was swapped for its figure, leaving no copy', async () => {
    const diagram = '<h2>1. Flow</h2>\n<pre><code class="language-mermaid">flowchart LR\n</code></pre>\n<p><em>caption</em></p>\n';
    const view = render(PreviewPane, { props: props(INTRO, diagram, section(2, 'x')) });
    const content = screen.getByTestId('preview-content');
    // What drawing the diagram does: the code block is replaced by a figure.
    const pre = content.querySelector('pre')!;
    const figure = document.createElement('figure');
    figure.className = 'diagram';
    pre.replaceWith(figure);

    await view.rerender(props(INTRO, diagram.replace('caption', 'new caption'), section(2, 'x')));

    expect(content.querySelectorAll('h2')).toHaveLength(2);
    expect(content.querySelectorAll('figure.diagram, pre')).toHaveLength(1);
    expect([...content.querySelectorAll('em')].map((em) => em.textContent)).toEqual(['new caption']);
  });
});
