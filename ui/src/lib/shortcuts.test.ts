import { describe, expect, it, vi } from 'vitest';
import { installShortcuts, SHORTCUTS, shortcutFor } from './shortcuts';

const press = (key: string, modifiers: Partial<Record<'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey', boolean>> = {}) => ({
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...modifiers,
});

describe('shortcutFor', () => {
  it('maps each documented shortcut to its action', () => {
    expect(shortcutFor(press('o', { ctrlKey: true }))).toBe('open');
    expect(shortcutFor(press('s', { ctrlKey: true }))).toBe('save');
    expect(shortcutFor(press('S', { ctrlKey: true }))).toBe('save');
    expect(shortcutFor(press('ArrowRight', { altKey: true }))).toBe('next');
    expect(shortcutFor(press('ArrowLeft', { altKey: true }))).toBe('previous');
    expect(shortcutFor(press('PageDown', { ctrlKey: true }))).toBe('next');
    expect(shortcutFor(press('PageUp', { ctrlKey: true }))).toBe('previous');
    expect(shortcutFor(press('r', { ctrlKey: true }))).toBe('review');
    expect(shortcutFor(press('f', { ctrlKey: true }))).toBe('find');
    expect(shortcutFor(press('F1'))).toBe('shortcuts');
    expect(shortcutFor(press('/', { ctrlKey: true }))).toBe('shortcuts');
    expect(shortcutFor(press('S', { ctrlKey: true, shiftKey: true }))).toBe('save_as');
    expect(shortcutFor(press('e', { ctrlKey: true }))).toBe('export');
    expect(shortcutFor(press('d', { ctrlKey: true }))).toBe('documents');
  });

  it('treats Cmd like Ctrl', () => {
    expect(shortcutFor(press('s', { metaKey: true }))).toBe('save');
  });

  it('leaves ordinary typing and editing keys alone', () => {
    expect(shortcutFor(press('s'))).toBeNull();
    expect(shortcutFor(press('ArrowRight'))).toBeNull();
    expect(shortcutFor(press('ArrowRight', { ctrlKey: true }))).toBeNull();
    expect(shortcutFor(press('ArrowRight', { altKey: true, shiftKey: true }))).toBeNull();
    expect(shortcutFor(press('PageDown'))).toBeNull();
    expect(shortcutFor(press('c', { ctrlKey: true }))).toBeNull();
    expect(shortcutFor(press('o', { ctrlKey: true, shiftKey: true }))).toBeNull();
    expect(shortcutFor(press('s', { ctrlKey: true, altKey: true }))).toBeNull();
  });

  it('lists every action once in the shortcuts table', () => {
    const actions = SHORTCUTS.map((shortcut) => shortcut.action);
    expect(new Set(actions).size).toBe(actions.length);
    expect(actions.sort()).toEqual([
      'documents',
      'export',
      'find',
      'next',
      'open',
      'previous',
      'quit',
      'review',
      'save',
      'save_as',
      'shortcuts',
    ]);
  });
});

describe('installShortcuts', () => {
  it('runs the handler and keeps the key from the webview, until stopped', () => {
    const save = vi.fn();
    const stop = installShortcuts(window, { save });
    const event = new KeyboardEvent('keydown', { key: 's', ctrlKey: true, cancelable: true });
    window.dispatchEvent(event);
    expect(save).toHaveBeenCalledTimes(1);
    expect(event.defaultPrevented).toBe(true);
    stop();
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 's', ctrlKey: true, cancelable: true }));
    expect(save).toHaveBeenCalledTimes(1);
  });

  it('lets a shortcut without a handler through untouched', () => {
    const stop = installShortcuts(window, { save: vi.fn() });
    const event = new KeyboardEvent('keydown', { key: 'r', ctrlKey: true, cancelable: true });
    window.dispatchEvent(event);
    expect(event.defaultPrevented).toBe(false);
    stop();
  });

  it('ignores a key press a control already handled', () => {
    const next = vi.fn();
    const stop = installShortcuts(window, { next });
    const event = new KeyboardEvent('keydown', { key: 'ArrowRight', altKey: true, cancelable: true });
    event.preventDefault();
    window.dispatchEvent(event);
    expect(next).not.toHaveBeenCalled();
    stop();
  });
});
