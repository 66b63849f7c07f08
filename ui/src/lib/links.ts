// Links never navigate the app's window: a click on one is taken over here,
// for the whole page (main.ts) and for rendered documents (the preview). Links to a
// heading of the same document scroll to it; http(s) and mailto links open in
// the system browser through the core (which checks the scheme again); any
// other link (javascript:, data:, file:, relative paths) does nothing.
import { openExternal } from './ipc';

/** What a click on a link with this `href` should do. */
export type LinkAction =
  | { kind: 'anchor'; id: string }
  | { kind: 'external'; url: string }
  | { kind: 'ignore' };

export function linkAction(href: string | null): LinkAction {
  const text = (href ?? '').trim();
  if (text.startsWith('#')) {
    let id = text.slice(1);
    try {
      id = decodeURIComponent(id);
    } catch {
      // keep it as written
    }
    return id ? { kind: 'anchor', id } : { kind: 'ignore' };
  }
  // Only absolute links with an allowed scheme; control characters anywhere
  // (a trick to hide a scheme) make the link inert.
  if (/[\u0000-\u001f\u007f]/.test(text)) return { kind: 'ignore' };
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(text)?.[1].toLowerCase();
  if (scheme === 'http' || scheme === 'https' || scheme === 'mailto') return { kind: 'external', url: text };
  return { kind: 'ignore' };
}

/**
 * Handles a click inside rendered content: stops the webview from following
 * any link, and does what `linkAction` says instead. `onerror` hears about a
 * link the core refused to open.
 */
export function handleLinkClick(event: MouseEvent, onerror: (message: string) => void = () => {}): void {
  // A component that handled its own link (an in-page jump) has the last word.
  if (event.defaultPrevented) return;
  const target = event.target;
  if (!(target instanceof Element)) return;
  const link = target.closest('a');
  if (!link) return;
  event.preventDefault();
  const action = linkAction(link.getAttribute('href'));
  if (event.type !== 'click') return; // a middle click opens nothing
  if (action.kind === 'anchor') {
    const root = event.currentTarget instanceof Element ? event.currentTarget : document.body;
    const heading = [...root.querySelectorAll('[id]')].find((element) => element.id === action.id);
    heading?.scrollIntoView({ block: 'start' });
  } else if (action.kind === 'external') {
    openExternal(action.url).catch((error: { message?: string }) =>
      onerror(error?.message ?? 'The link could not be opened.'),
    );
  }
}

/**
 * Takes over clicks (and middle clicks) on links under `root`; returns the
 * function that stops it. For `$effect` in components showing rendered HTML.
 */
export function interceptLinks(root: HTMLElement, onerror?: (message: string) => void): () => void {
  const listener = (event: MouseEvent) => handleLinkClick(event, onerror);
  root.addEventListener('click', listener);
  root.addEventListener('auxclick', listener);
  return () => {
    root.removeEventListener('click', listener);
    root.removeEventListener('auxclick', listener);
  };
}
