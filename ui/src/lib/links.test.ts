import { describe, expect, it } from 'vitest';
import { callsOf, mockCore } from './testing/mockCore';
import { interceptLinks, linkAction } from './links';

describe('linkAction', () => {
  it('sends only http, https and mailto links to the browser', () => {
    expect(linkAction('https://example.com/a')).toEqual({ kind: 'external', url: 'https://example.com/a' });
    expect(linkAction('HTTP://example.com')).toEqual({ kind: 'external', url: 'HTTP://example.com' });
    expect(linkAction('mailto:ops@example.com')).toEqual({ kind: 'external', url: 'mailto:ops@example.com' });
  });

  it('makes every other link inert', () => {
    for (const href of [
      'javascript:window.__xss=1',
      ' JaVaScRiPt:alert(1)',
      'java\u0000script:alert(1)',
      'https://exa\nmple.com',
      'data:text/html,<script>alert(1)</script>',
      'file:///etc/passwd',
      'tauri://localhost/',
      '../secret.md',
      '/etc/passwd',
      '',
      null,
    ]) {
      expect(linkAction(href), String(href)).toEqual({ kind: 'ignore' });
    }
  });

  it('keeps links to a heading inside the document', () => {
    expect(linkAction('#3-build--packaging')).toEqual({ kind: 'anchor', id: '3-build--packaging' });
    expect(linkAction('#')).toEqual({ kind: 'ignore' });
  });
});

describe('interceptLinks', () => {
  function rendered(html: string): HTMLElement {
    const root = document.createElement('div');
    root.innerHTML = html;
    document.body.append(root);
    return root;
  }

  it('opens a clicked web link through the core and never navigates', async () => {
    const calls = mockCore({ open_external: () => null });
    const root = rendered('<p><a href="https://example.com/x">docs</a> <a href="javascript:window.__xss=1">bad</a></p>');
    const stop = interceptLinks(root);
    const [good, bad] = root.querySelectorAll('a');
    const goodClick = new MouseEvent('click', { bubbles: true, cancelable: true });
    const badClick = new MouseEvent('click', { bubbles: true, cancelable: true });
    good.dispatchEvent(goodClick);
    bad.dispatchEvent(badClick);
    expect(goodClick.defaultPrevented).toBe(true);
    expect(badClick.defaultPrevented).toBe(true);
    await Promise.resolve();
    expect(callsOf(calls, 'open_external').map((c) => c.args)).toEqual([{ url: 'https://example.com/x' }]);
    expect((window as unknown as { __xss?: number }).__xss).toBeUndefined();

    // A middle click opens nothing either.
    const middle = new MouseEvent('auxclick', { bubbles: true, cancelable: true, button: 1 });
    good.dispatchEvent(middle);
    expect(middle.defaultPrevented).toBe(true);
    expect(callsOf(calls, 'open_external')).toHaveLength(1);

    stop();
    const local = root.appendChild(document.createElement('a'));
    local.href = '#top';
    const after = new MouseEvent('click', { bubbles: true, cancelable: true });
    local.dispatchEvent(after);
    expect(after.defaultPrevented).toBe(false);
    root.remove();
  });

  it('leaves a link its component already handled alone', () => {
    const calls = mockCore({ open_external: () => null });
    const root = rendered('<a href="https://example.com/handled">jump</a>');
    root.querySelector('a')!.addEventListener('click', (event) => event.preventDefault());
    const stop = interceptLinks(root);
    root.querySelector('a')!.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
    expect(callsOf(calls, 'open_external')).toHaveLength(0);
    stop();
    root.remove();
  });
});
