// The system share sheet button's module: its icon, and what it does on click.
import type { ShareData } from '@kith/core/share/util';

export { color, icon } from './networks/native.js';
export { openShareSheet as act };

/**
 * Opens the system share sheet. True when the reader shared; false when they closed it (which is
 * no error) or it failed (said in the console).
 */
export async function openShareSheet({ title, text, url }: ShareData): Promise<boolean> {
  try {
    await navigator.share({ title, text, url });
    return true;
  } catch (error) {
    if ((error as Error).name !== 'AbortError') console.warn('kith-share: the share sheet failed', error);
    return false;
  }
}
