import { createReadStream } from 'node:fs';
import { open, readFile } from 'node:fs/promises';
import { readDisqus } from './disqus.js';
import { readKith } from './kith.js';
import type { ImportSource, SourceFormat } from './source.js';
import { readWordPress } from './wordpress.js';

export const sourceFormats: readonly SourceFormat[] = ['disqus', 'wordpress', 'kith'];

/** Which export a file is, from its first few kilobytes; null when it is none Kith reads. */
export function detectFormat(head: string): SourceFormat | null {
  const start = head.replace(/^\uFEFF/, '').trimStart();
  if (start.startsWith('{')) return 'kith';
  if (/<disqus[\s>]/.test(start)) return 'disqus';
  if (/<rss[\s>]/.test(start) && /wordpress\.org\/export\//.test(start)) return 'wordpress';
  return null;
}

/** Reads an export file, of the given format or the one it is found to be. */
export async function readExport(path: string, format?: SourceFormat): Promise<ImportSource> {
  let kind = format;
  if (!kind) {
    const file = await open(path);
    try {
      const { buffer, bytesRead } = await file.read(Buffer.alloc(8192), 0, 8192, 0);
      kind = detectFormat(buffer.subarray(0, bytesRead).toString('utf8')) ?? undefined;
    } finally {
      await file.close();
    }
    if (!kind) throw new Error(`${path} is not a Disqus, WordPress or Kith export; say which with --from`);
  }
  if (kind === 'kith') return readKith(await readFile(path, 'utf8'));
  const stream = createReadStream(path, { encoding: 'utf8' });
  return kind === 'disqus' ? readDisqus(stream) : readWordPress(stream);
}
