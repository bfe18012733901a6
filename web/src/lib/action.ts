import { createSignal } from 'solid-js';
import { errorMessage } from '../api/client';

/**
 * Wraps an async user action (a form submit, a button) with the state every
 * such action shows: busy while it runs, and the error message when it fails.
 */
export function createAction<A extends unknown[]>(perform: (...args: A) => Promise<unknown>) {
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  async function run(...args: A) {
    if (busy()) return;
    setBusy(true);
    setError(null);
    try {
      await perform(...args);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }
  return { run, busy, error };
}

/** The fields of a submitted form, as trimmed-or-not strings. */
export function formFields(event: SubmitEvent) {
  event.preventDefault();
  const form = new FormData(event.currentTarget as HTMLFormElement);
  return (name: string) => String(form.get(name) ?? '');
}
