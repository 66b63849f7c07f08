import { describe, expect, it } from 'vitest';
import { THEME_STORAGE_KEY, ThemeState } from './theme.svelte';

function fakeMedia(matches: boolean) {
  const listeners: ((event: { matches: boolean }) => void)[] = [];
  return {
    media: {
      matches,
      addEventListener: (_: string, listener: (event: { matches: boolean }) => void) => listeners.push(listener),
    } as unknown as MediaQueryList,
    change: (now: boolean) => listeners.forEach((listener) => listener({ matches: now })),
  };
}

function memoryStorage(initial: Record<string, string> = {}) {
  const data = { ...initial };
  return { data, getItem: (key: string) => data[key] ?? null, setItem: (key: string, value: string) => void (data[key] = value) };
}

describe('ThemeState', () => {
  it('follows the system until the user chooses, and applies data-theme', () => {
    const root = document.createElement('html');
    const system = fakeMedia(true);
    const state = new ThemeState(memoryStorage(), system.media, root);
    expect(state.choice).toBe('system');
    expect(root.dataset.theme).toBe('dark');
    expect(state.diagrams).toBe('dark');
    system.change(false);
    expect(root.dataset.theme).toBe('light');
    expect(state.diagrams).toBe('default');
  });

  it('remembers the choice, which wins over the system', () => {
    const root = document.createElement('html');
    const storage = memoryStorage();
    const system = fakeMedia(false);
    const state = new ThemeState(storage, system.media, root);
    state.choose('dark');
    expect(storage.data[THEME_STORAGE_KEY]).toBe('dark');
    expect(root.dataset.theme).toBe('dark');
    expect(root.style.colorScheme).toBe('dark');
    system.change(false);
    expect(root.dataset.theme).toBe('dark');

    const again = new ThemeState(storage, fakeMedia(false).media, document.createElement('html'));
    expect(again.choice).toBe('dark');
    expect(again.resolved).toBe('dark');
  });

  it('ignores a stored value it does not know', () => {
    const state = new ThemeState(memoryStorage({ [THEME_STORAGE_KEY]: 'sepia' }), fakeMedia(false).media, null);
    expect(state.choice).toBe('system');
    expect(state.resolved).toBe('light');
  });
});
