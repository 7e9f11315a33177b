const key = 'kith-mastodon-instance';

/** The reader's Mastodon server, remembered on this device. */
export function rememberedInstance(): string | undefined {
  try {
    return localStorage.getItem(key) ?? undefined;
  } catch {
    return undefined; // storage blocked: the reader is asked each time
  }
}

export function rememberInstance(host: string): void {
  try {
    localStorage.setItem(key, host);
  } catch {
    // Not remembered, still shared.
  }
}
