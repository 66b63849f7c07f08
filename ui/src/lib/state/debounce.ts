/** A function that runs `action` once, `delay` ms after the last call. */
export type Debounced = {
  (): void;
  /** Runs a pending call now. */
  flush(): void;
  /** Drops a pending call. */
  cancel(): void;
};

export function debounce(action: () => void, delay: number): Debounced {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const debounced = (() => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      action();
    }, delay);
  }) as Debounced;
  debounced.flush = () => {
    if (timer === undefined) return;
    clearTimeout(timer);
    timer = undefined;
    action();
  };
  debounced.cancel = () => {
    clearTimeout(timer);
    timer = undefined;
  };
  return debounced;
}
