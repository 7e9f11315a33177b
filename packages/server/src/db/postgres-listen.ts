import pg from 'pg';

const firstRetryMs = 500;
const lastRetryMs = 30_000;

/**
 * LISTENs on `channel` over a connection of its own, and keeps doing so: a restart, a failover or
 * a proxy that drops idle connections ends it, and it is made again (after 0.5 s, doubling to
 * 30 s while that fails). Notifications sent while it was down are gone, so `onMissed` is called
 * once it is back, for whoever relies on them to catch up. Resolves once the first LISTEN is in
 * place (rejects if it cannot be); the function it gives stops listening for good.
 */
export async function listenAlways(
  url: string,
  channel: string,
  onPayload: (payload: string) => void,
  onMissed: () => void,
): Promise<() => Promise<void>> {
  let client: pg.Client | undefined;
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const connect = async (): Promise<void> => {
    const next = new pg.Client({ connectionString: url });
    // Only a connection that was listening is lost: a failed attempt is the caller's to retry.
    let listening = false;
    const onLost = () => {
      if (!listening || stopped) return;
      listening = false;
      next.end().catch(() => {});
      retry(firstRetryMs);
    };
    // Without an 'error' listener a lost connection would crash the process.
    next.on('error', onLost);
    next.on('end', onLost);
    next.on('notification', (n) => {
      if (n.channel === channel && n.payload !== undefined) onPayload(n.payload);
    });
    try {
      await next.connect();
      await next.query(`LISTEN ${pg.Client.prototype.escapeIdentifier(channel)}`);
    } catch (error) {
      await next.end().catch(() => {});
      throw error;
    }
    listening = true;
    client = next;
  };

  const retry = (waitMs: number) => {
    client = undefined;
    timer = setTimeout(async () => {
      if (stopped) return;
      try {
        await connect();
        if (stopped) {
          await client?.end().catch(() => {}); // stopped while it connected
          return;
        }
        onMissed();
      } catch {
        if (!stopped) retry(Math.min(waitMs * 2, lastRetryMs));
      }
    }, waitMs);
    timer.unref();
  };

  await connect();
  return async () => {
    stopped = true;
    clearTimeout(timer);
    await client?.end().catch(() => {});
  };
}
