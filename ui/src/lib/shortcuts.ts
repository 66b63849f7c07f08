// The app's keyboard shortcuts: one table (shown in the "Keyboard shortcuts"
// dialog) and one keydown handler that maps a key press to an action. The app
// menu binds the same keys to the same actions (src-tauri/src/menu.rs; a Rust
// test checks every menu key is listed here).

/** What a shortcut does; the UI runs the same action as the matching button. */
export type ShortcutAction =
  | 'open'
  | 'save'
  | 'save_as'
  | 'export'
  | 'next'
  | 'previous'
  | 'review'
  | 'documents'
  | 'find'
  | 'shortcuts'
  | 'quit';

export type Shortcut = {
  action: ShortcutAction;
  /** The keys as shown to the user, alternatives separated. */
  keys: string[];
  description: string;
};

/** Every shortcut, in the order the dialog lists them. */
export const SHORTCUTS: Shortcut[] = [
  { action: 'open', keys: ['Ctrl+O'], description: 'Open a project folder' },
  { action: 'save', keys: ['Ctrl+S'], description: 'Save the plan' },
  { action: 'save_as', keys: ['Ctrl+Shift+S'], description: 'Save the plan somewhere else' },
  { action: 'export', keys: ['Ctrl+E'], description: 'Export the plan (Markdown, HTML, PDF)' },
  { action: 'next', keys: ['Alt+→', 'Ctrl+Page Down'], description: 'Next wizard step' },
  { action: 'previous', keys: ['Alt+←', 'Ctrl+Page Up'], description: 'Previous wizard step' },
  { action: 'review', keys: ['Ctrl+R'], description: 'Review & export (again to go back to editing)' },
  { action: 'documents', keys: ['Ctrl+D'], description: 'Show the documents and their roles' },
  { action: 'find', keys: ['Ctrl+F'], description: 'Find in the plan (F3 or Enter: next match)' },
  { action: 'shortcuts', keys: ['F1', 'Ctrl+/'], description: 'Show these keyboard shortcuts' },
  { action: 'quit', keys: ['Ctrl+Q'], description: 'Quit (your draft is kept)' },
];

type KeyPress = Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>;

/** The action a key press asks for, or null when it is not a shortcut. */
export function shortcutFor(event: KeyPress): ShortcutAction | null {
  // Cmd on macOS plays the part of Ctrl.
  const ctrl = event.ctrlKey || event.metaKey;
  const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
  if (key === 'F1' && !ctrl && !event.altKey) return 'shortcuts';
  if (event.altKey && !ctrl && !event.shiftKey) {
    if (key === 'ArrowRight') return 'next';
    if (key === 'ArrowLeft') return 'previous';
    return null;
  }
  if (!ctrl || event.altKey) return null;
  if (key === 'PageDown') return 'next';
  if (key === 'PageUp') return 'previous';
  if (event.shiftKey) return key === 's' ? 'save_as' : null;
  switch (key) {
    case 'o':
      return 'open';
    case 's':
      return 'save';
    case 'e':
      return 'export';
    case 'd':
      return 'documents';
    case 'r':
      return 'review';
    case 'f':
      return 'find';
    case '/':
      return 'shortcuts';
    default:
      return null;
  }
}

/** What to run per action; an action left out is not handled here. */
export type ShortcutHandlers = Partial<Record<ShortcutAction, () => void>>;

/**
 * Listens for the shortcuts on `target` (the window): a recognised press with
 * a handler runs it and is kept from the webview (Ctrl+R would reload the page,
 * Ctrl+F open WebKit's find). Returns the function that stops listening.
 */
export function installShortcuts(target: Pick<Window, 'addEventListener' | 'removeEventListener'>, handlers: ShortcutHandlers): () => void {
  const onKeydown = (event: KeyboardEvent) => {
    if (event.defaultPrevented || event.isComposing) return;
    const action = shortcutFor(event);
    const run = action ? handlers[action] : undefined;
    if (!run) return;
    event.preventDefault();
    run();
  };
  target.addEventListener('keydown', onKeydown as EventListener);
  return () => target.removeEventListener('keydown', onKeydown as EventListener);
}
