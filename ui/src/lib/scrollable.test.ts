import { describe, expect, it } from 'vitest';
import { keepScrollingPartsFocusable, markScrollingParts } from './scrollable';

/** Gives an element a box and content size, as layout would (jsdom has none). */
function size(element: Element, box: number, content: number) {
  Object.defineProperty(element, 'clientWidth', { configurable: true, get: () => box });
  Object.defineProperty(element, 'scrollWidth', { configurable: true, get: () => content });
}

function rendered(): HTMLElement {
  const root = document.createElement('div');
  root.innerHTML = '<table id="wide"><tr><td>a</td></tr></table><table id="narrow"></table><pre id="code">x</pre><p id="text">t</p>';
  document.body.append(root);
  return root;
}

describe('scrolling parts of rendered content', () => {
  it('a part wider than its box gets a tab stop; one that fits does not', () => {
    const root = rendered();
    size(root.querySelector('#wide')!, 300, 900);
    size(root.querySelector('#narrow')!, 300, 300);
    size(root.querySelector('#code')!, 300, 301);
    markScrollingParts(root);
    expect(root.querySelector('#wide')!.getAttribute('tabindex')).toBe('0');
    expect(root.querySelector('#narrow')!.hasAttribute('tabindex')).toBe(false);
    expect(root.querySelector('#code')!.hasAttribute('tabindex')).toBe(false);
    expect(root.querySelector('#text')!.hasAttribute('tabindex')).toBe(false);
    root.remove();
  });

  it('the tab stop goes when the part fits again, but one set by the content stays', () => {
    const root = rendered();
    const wide = root.querySelector('#wide')!;
    const code = root.querySelector('#code')!;
    code.setAttribute('tabindex', '-1');
    size(wide, 300, 900);
    size(code, 300, 900);
    markScrollingParts(root);
    size(wide, 900, 900);
    size(code, 900, 900);
    markScrollingParts(root);
    expect(wide.hasAttribute('tabindex')).toBe(false);
    expect(code.getAttribute('tabindex')).toBe('-1');
    root.remove();
  });

  it('content added later is marked too', async () => {
    const root = rendered();
    const stop = keepScrollingPartsFocusable(root);
    const late = document.createElement('pre');
    size(late, 100, 500);
    root.append(late);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(late.getAttribute('tabindex')).toBe('0');
    stop();
    root.remove();
  });

  it('after a change only what was added is measured, not the parts left as they were', async () => {
    const root = rendered();
    const wide = root.querySelector('#wide')!;
    let measured = 0;
    Object.defineProperty(wide, 'clientWidth', { configurable: true, get: () => 300 });
    Object.defineProperty(wide, 'scrollWidth', {
      configurable: true,
      get: () => {
        measured++;
        return 900;
      },
    });
    const stop = keepScrollingPartsFocusable(root);
    const before = measured;
    const section = document.createElement('div');
    section.innerHTML = '<table id="added"></table>';
    size(section.querySelector('#added')!, 100, 400);
    root.append(section);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(section.querySelector('#added')!.getAttribute('tabindex')).toBe('0');
    expect(measured).toBe(before);
    stop();
    root.remove();
  });
});
