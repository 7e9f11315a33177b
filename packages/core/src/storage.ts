/** The little that Kith keeps on the reader's device: a session, drafts, unsent posts. */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

const memory = new Map<string, string>();
const inMemory: KeyValueStorage = {
  getItem: (key) => memory.get(key) ?? null,
  setItem: (key, value) => void memory.set(key, value),
  removeItem: (key) => void memory.delete(key),
};

/** localStorage where the page may use it; else memory (private modes, blocked storage, Node). */
export function deviceStorage(): KeyValueStorage {
  try {
    const storage = globalThis.localStorage;
    if (storage) {
      storage.getItem('kith');
      return storage;
    }
  } catch {
    // Access denied (sandboxed iframes, blocked third-party storage).
  }
  return inMemory;
}

/** JSON from storage, or undefined when missing or unreadable. */
export function readJson<T>(storage: KeyValueStorage, key: string): T | undefined {
  try {
    const text = storage.getItem(key);
    return text === null ? undefined : (JSON.parse(text) as T);
  } catch {
    return undefined;
  }
}

/** Stores JSON; a full or refusing storage only costs persistence, never the operation. */
export function writeJson(storage: KeyValueStorage, key: string, value: unknown): void {
  try {
    if (value === undefined) storage.removeItem(key);
    else storage.setItem(key, JSON.stringify(value));
  } catch {
    // Quota exceeded or storage blocked.
  }
}
