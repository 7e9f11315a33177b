// Its own module: only bars with Mastodon (its link and its server picker) load it.
/**
 * A Mastodon server's host name from what a reader typed (`mastodon.social`,
 * `https://mastodon.social/`, `@me@mastodon.social`), or undefined when it is not a plausible host.
 */
export function mastodonHost(input: string): string | undefined {
  let value = input.trim().toLowerCase();
  const handle = /^@?[a-z0-9_.]+@([^@\s]+)$/.exec(value);
  if (handle) value = handle[1]!;
  value = value.replace(/^https?:\/\//, '').replace(/\/.*$/, '');
  if (!/^[^\s/:?#@\\]+$/.test(value)) return undefined;
  let host: string;
  try {
    host = new URL(`https://${value}`).hostname;
  } catch {
    return undefined;
  }
  const label = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
  const labels = host.split('.');
  if (labels.length < 2 || !labels.every((l) => label.test(l) || /^xn--/.test(l))) return undefined;
  if (!/^[a-z]{2,63}$|^xn--/.test(labels.at(-1)!)) return undefined;
  return host;
}
