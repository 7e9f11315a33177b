import { useState } from 'react';
import '@kith/elements/config.js';
import '@kith/elements/comment-count.js';
import '@kith/elements/share.js';
import '@kith/elements/thread.js';
import type { ShareTarget } from '@kith/elements';

type Sort = 'new' | 'old';

/**
 * A post with its comment count, share buttons and thread. React sets the elements' properties
 * (`sort` follows state), and listens to their events with `on<event-name>` (React 19).
 */
export function App({ server, site }: { server: string; site: string }) {
  const [sort, setSort] = useState<Sort>('old');
  const [loaded, setLoaded] = useState<number>();
  const [shared, setShared] = useState<ShareTarget>();

  return (
    <kith-config server={server} site={site}>
      <main>
        <h1>Hello from React</h1>
        <p>
          Comments: <kith-comment-count thread="/posts/hello" format="short" />
        </p>
        <kith-share
          networks="x reddit email copy"
          layout="icons"
          share-title="Hello from React"
          onkith-share={(event) => setShared(event.detail.network)}
        />
        <p role="status">{shared ? `Shared via ${shared}` : ''}</p>
        <button type="button" onClick={() => setSort((s) => (s === 'new' ? 'old' : 'new'))}>
          Showing {sort === 'new' ? 'newest' : 'oldest'} first
        </button>
        <p className="loaded">{loaded === undefined ? 'Loading comments…' : `${loaded} comments`}</p>
        <kith-thread
          thread="/posts/hello"
          sort={sort}
          onkith-load={(event) => setLoaded(event.detail.count)}
        />
      </main>
    </kith-config>
  );
}
