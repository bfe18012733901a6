/** localStorage that shrugs off a browser refusing it (private mode, quota, tests in Node). */
export function readStored<T>(key: string): T | undefined {
  try {
    const raw = globalThis.localStorage?.getItem(key);
    return raw ? (JSON.parse(raw) as T) : undefined;
  } catch {
    return undefined;
  }
}

export function writeStored(key: string, value: unknown): void {
  try {
    globalThis.localStorage?.setItem(key, JSON.stringify(value));
  } catch {
    // Remembering is a nicety; the pick itself already happened.
  }
}
