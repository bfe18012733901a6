/** No keyboard, pointer or scroll input for this long makes a person idle. */
const INACTIVE_MS = 5 * 60 * 1000;
/** A tab hidden for this long makes a person idle, whatever the input. */
const HIDDEN_MS = 60 * 1000;
const INPUT_EVENTS = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart'] as const;

export type ActivityState = 'active' | 'idle';

/**
 * Watches this tab for activity and reports changes between active and idle.
 * Returns the current state getter and a stop function.
 */
export function watchIdle(onChange: (state: ActivityState) => void) {
  let state: ActivityState = document.visibilityState === 'hidden' ? 'idle' : 'active';
  let inactiveTimer: ReturnType<typeof setTimeout> | undefined;
  let hiddenTimer: ReturnType<typeof setTimeout> | undefined;

  const set = (next: ActivityState) => {
    if (next === state) return;
    state = next;
    onChange(next);
  };
  const armInactive = () => {
    clearTimeout(inactiveTimer);
    inactiveTimer = setTimeout(() => set('idle'), INACTIVE_MS);
  };
  let lastInput = 0;
  const onInput = () => {
    // pointermove fires constantly; re-arming once a second is plenty.
    const now = Date.now();
    if (now - lastInput < 1000 && state === 'active') return;
    lastInput = now;
    if (document.visibilityState === 'visible') set('active');
    armInactive();
  };
  const onVisibility = () => {
    clearTimeout(hiddenTimer);
    if (document.visibilityState === 'hidden') hiddenTimer = setTimeout(() => set('idle'), HIDDEN_MS);
    else {
      set('active');
      armInactive();
    }
  };

  for (const type of INPUT_EVENTS) window.addEventListener(type, onInput, { passive: true });
  document.addEventListener('visibilitychange', onVisibility);
  armInactive();

  return {
    current: () => state,
    stop: () => {
      clearTimeout(inactiveTimer);
      clearTimeout(hiddenTimer);
      for (const type of INPUT_EVENTS) window.removeEventListener(type, onInput);
      document.removeEventListener('visibilitychange', onVisibility);
    },
  };
}
