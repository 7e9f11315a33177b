import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

/**
 * Writes each finished file again as `.br` and `.gz`, at the highest levels: the reference server
 * sends those to browsers that accept them (most proxies in front of it do not compress scripts
 * unless told to), so a page transfers what the size budgets count, not three times as much.
 * Compressed once at build time, never per request.
 */
export function precompress(): Plugin {
  return {
    name: 'kith-precompress',
    writeBundle(options, bundle) {
      const dir = options.dir ?? 'dist';
      for (const file of Object.values(bundle)) {
        if (file.type !== 'chunk') continue;
        const path = join(dir, file.fileName);
        writeFileSync(`${path}.gz`, gzipSync(file.code, { level: 9 }));
        writeFileSync(
          `${path}.br`,
          brotliCompressSync(file.code, {
            params: {
              [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
              [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
            },
          }),
        );
      }
    },
  };
}
