// The colour theme: the user's choice (System / Light / Dark, remembered in
// localStorage) resolved against the system preference, and applied as
// `data-theme` on <html>, which app.css keys its colours on.
import type { Theme as DiagramTheme } from '../diagrams';

export type ThemeChoice = 'system' | 'light' | 'dark';
export const THEME_CHOICES: ThemeChoice[] = ['system', 'light', 'dark'];
export const THEME_STORAGE_KEY = 'deployplan.theme';

type Storage = Pick<globalThis.Storage, 'getItem' | 'setItem'>;

function isChoice(value: unknown): value is ThemeChoice {
  return THEME_CHOICES.includes(value as ThemeChoice);
}

export class ThemeState {
  choice = $state<ThemeChoice>('system');
  /** Whether the system asks for dark colours. */
  systemDark = $state(false);
  #storage: Storage | null;
  #root: HTMLElement | null;

  constructor(storage: Storage | null, media: MediaQueryList | null, root: HTMLElement | null) {
    this.#storage = storage;
    this.#root = root;
    try {
      const saved = storage?.getItem(THEME_STORAGE_KEY);
      if (isChoice(saved)) this.choice = saved;
    } catch {
      // Storage refused (private mode): the choice just is not remembered.
    }
    this.systemDark = media?.matches ?? false;
    media?.addEventListener('change', (event) => {
      this.systemDark = event.matches;
      this.apply();
    });
    this.apply();
  }

  /** The theme in effect: the choice, or the system's when the choice is System. */
  get resolved(): 'light' | 'dark' {
    if (this.choice === 'system') return this.systemDark ? 'dark' : 'light';
    return this.choice;
  }

  /** The Mermaid theme matching the theme in effect. */
  get diagrams(): DiagramTheme {
    return this.resolved === 'dark' ? 'dark' : 'default';
  }

  /** Switches theme and remembers the choice. */
  choose(choice: ThemeChoice): void {
    this.choice = choice;
    try {
      this.#storage?.setItem(THEME_STORAGE_KEY, choice);
    } catch {
      // Not remembered; still applied.
    }
    this.apply();
  }

  apply(): void {
    if (!this.#root) return;
    this.#root.dataset.theme = this.resolved;
    this.#root.style.colorScheme = this.resolved;
  }
}

function safeStorage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

export const theme = new ThemeState(
  safeStorage(),
  typeof matchMedia === 'function' ? matchMedia('(prefers-color-scheme: dark)') : null,
  typeof document === 'undefined' ? null : document.documentElement,
);
