import assert from 'node:assert/strict';
import { after, before, describe, it, type TestContext } from 'node:test';
import type { OwnerSessionRequest } from '@kith/protocol';
// The reference server from source (a package dependency would make a build cycle).
import { createKith, type Kith, type Listening, listen } from '../../server/src/index.js';
import { Sites } from '../../server/src/services/sites.js';
import { createAdminClient, type KithAdminClient } from '../src/admin.js';
import { createClient, type KithClient, type KithError } from '../src/index.js';
import {
  hasUnsent,
  Outbox,
  outboxKey,
  readDraft,
  SessionStore,
  type ThreadState,
  ThreadStore,
  ThreadWriter,
} from '../src/thread/index.js';
import { memoryStorage } from './memory-storage.js';

/** Resolves once the store's state passes `test` (or fails after `ms`). */
function until(store: ThreadStore, test: (state: ThreadState) => boolean, ms = 5000): Promise<ThreadState> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`state never matched: ${JSON.stringify(store.$state.get()).slice(0, 400)}`));
    }, ms);
    const stop = store.$state.subscribe((state) => {
      if (test(state)) {
        clearTimeout(timer);
        queueMicrotask(() => stop());
        resolve(state);
      }
    });
  });
}

describe('thread store, outbox and session against the reference server', () => {
  let kith: Kith;
  let http: Listening;
  let port: number;
  let owner: KithAdminClient;
  let n = 0;
  const key = () => `/thread/${++n}`;
  const reader = (storage = memoryStorage(), options: { fetch?: typeof fetch; retries?: number } = {}) => {
    const client = createClient({ server: http.url, site: 'blog', retries: 0, ...options });
    const session = new SessionStore(client, storage);
    const outbox = new Outbox(client, storage);
    return {
      client,
      session,
      outbox,
      storage,
      thread: (k: string) => new ThreadStore(client, k, session),
      writer: (store: ThreadStore) => new ThreadWriter(store, outbox),
    };
  };
  /** `who` following thread `k` live, through a writer (both disposed when the test ends). */
  const following = async (t: TestContext, who: ReturnType<typeof reader>, k: string) => {
    const store = who.thread(k);
    const writer = who.writer(store);
    t.after(() => {
      writer.dispose();
      store.dispose();
    });
    await store.load();
    store.connect();
    await until(store, (s) => s.live === 'open');
    return { store, writer };
  };
  const seed = async (client: KithClient, k: string, count: number) => {
    const made = [];
    for (let i = 0; i < count; i++) made.push(await client.createComment(k, { markdown: `comment ${i}` }));
    return made;
  };
  /** The ids of a thread's first page newest first (20 of them), from what `seed` made. */
  const newestPage = (made: { id: string }[]) =>
    made
      .slice(-20)
      .reverse()
      .map((c) => c.id);

  before(async () => {
    kith = await createKith({ logLevel: 'silent' });
    const { secret } = await new Sites(kith.db).create('blog', ['http://localhost:1']);
    http = await listen(kith, 0);
    port = http.port;
    const limit = { max: 100_000, windowSeconds: 60 };
    owner = createAdminClient({ server: http.url, site: 'blog', secret });
    await owner.updateSite({
      rateLimit: { comments: limit, sessions: limit, reactions: limit },
    });
  });
  after(async () => {
    await http.close();
    await kith.close();
  });

  it('reads pages in each order, loads replies on demand, never shows a comment twice', async () => {
    const k = key();
    const author = reader();
    await author.session.signInAsGuest({ name: 'Ada' });
    const made = await seed(author.client, k, 25);
    for (let i = 0; i < 5; i++)
      await author.client.createComment(k, { markdown: `reply ${i}`, parentId: made[24]!.id });
    const store = author.thread(k);
    await store.load();
    let state = store.$state.get();
    assert.equal(state.status, 'ready');
    assert.equal(state.meta?.commentCount, 30);
    assert.equal(state.comments.length, 20);
    assert.equal(state.comments[0]!.id, made[24]!.id, 'newest first');
    assert.equal(state.comments[0]!.replies.length, 3, 'the first replies come inline');
    await store.loadReplies(made[24]!.id);
    state = store.$state.get();
    assert.deepEqual(
      state.comments[0]!.replies.map((r) => r.markdown),
      ['reply 0', 'reply 1', 'reply 2', 'reply 3', 'reply 4'],
    );
    assert.equal(state.comments[0]!.repliesCursor, null);
    await store.loadMore();
    state = store.$state.get();
    assert.equal(state.comments.length, 25);
    assert.equal(new Set(state.comments.map((c) => c.id)).size, 25);
    assert.equal(state.nextCursor, null);
    await store.setSort('old');
    assert.equal(store.$state.get().comments[0]!.id, made[0]!.id, 'oldest first');
    store.dispose();
  });

  it('keeps the session across reloads and forgets a revoked one', async () => {
    const storage = memoryStorage();
    const first = reader(storage);
    const signedIn = await first.session.signInAsGuest({ name: 'Grace' });
    const again = reader(storage);
    assert.equal(again.session.$session.get()?.user.name, 'Grace');
    assert.equal(again.client.token, signedIn.token);
    await first.session.signOut();
    const store = again.thread(key());
    await assert.rejects(
      again.writer(store).edit('c_unknown', 'x'),
      (error: Error & { status?: number }) => error.status === 401,
    );
    assert.equal(again.session.$session.get(), null, 'a refused token is forgotten');
    assert.equal(storage.data.size, 0);
  });

  it('reads a thread without a session the server no longer takes, and forgets it', async () => {
    const k = key();
    const storage = memoryStorage();
    const first = reader(storage);
    await first.session.signInAsGuest({ name: 'Grace' });
    await seed(first.client, k, 1);
    const again = reader(storage);
    await first.session.signOut(); // as the site's sign-out does, from another element or tab
    const store = again.thread(k);
    await store.load();
    const state = store.$state.get();
    assert.equal(state.status, 'ready');
    assert.equal(state.error, null, 'nothing to tell the reader: they can read');
    assert.equal(state.comments.length, 1);
    assert.equal(again.session.$session.get(), null, 'the refused token is forgotten');
    assert.equal(again.client.token, undefined);
    store.dispose();
  });

  it('posts through the outbox: the draft is kept until queued, a refused post comes back as the draft', async () => {
    const k = key();
    const me = reader();
    await me.session.signInAsGuest({ name: 'Writer' });
    const store = me.thread(k);
    const writer = me.writer(store);
    await store.load();
    me.outbox.saveDraft(k, 'new', 'half a thought');
    assert.equal(reader(me.storage).outbox.draft(k, 'new'), 'half a thought', 'the draft survives a reload');
    assert.equal(readDraft(me.storage, me.client, k, 'new'), 'half a thought', 'readable without an outbox');
    const refused: string[] = [];
    me.outbox.listen({ refused: (_entry, error) => refused.push(error.code) });
    writer.post('x'.repeat(20_001));
    await me.outbox.flush();
    assert.deepEqual(refused, ['validation-failed']);
    assert.equal(me.outbox.$entries.get().length, 0);
    assert.equal(me.outbox.draft(k, 'new'), 'x'.repeat(20_001), 'nothing the writer typed is lost');
    me.outbox.saveDraft(k, 'new', '');
    await me.outbox.flush(); // nothing queued: must not stop later posts from being sent
    // Pasted text can carry U+0000, which the protocol refuses and nobody can see: it is left out.
    writer.post('Hello **there**\u0000');
    assert.equal(me.outbox.draft(k, 'new'), '');
    const state = await until(store, (s) => s.comments.length === 1);
    assert.equal(state.comments[0]!.html, '<p>Hello <strong>there</strong></p>');
    assert.equal(state.meta?.commentCount, 1);
    await writer.edit(state.comments[0]!.id, 'Hello\u0000 again');
    assert.equal(store.$state.get().comments[0]!.markdown, 'Hello again');
    writer.dispose();
    store.dispose();
  });

  it('a post whose answer is lost is sent again with the same key and lands exactly once', async () => {
    const k = key();
    let lose = 2;
    // The server gets the request and commits, but the answer never arrives: twice.
    const flaky: typeof fetch = async (input, init) => {
      const request = new Request(input, init);
      const response = await fetch(request);
      if (request.method === 'POST' && request.url.includes('/comments') && lose > 0) {
        lose -= 1;
        throw new TypeError('connection reset');
      }
      return response;
    };
    const storage = memoryStorage();
    const me = reader(storage, { fetch: flaky });
    await me.session.signInAsGuest({ name: 'Unlucky' });
    const store = me.thread(k);
    await store.load();
    const entry = me.writer(store).post('only once');
    await me.outbox.flush();
    assert.equal(me.outbox.$entries.get()[0]?.lastError?.code, 'network', 'kept, with the reason');
    assert.equal(hasUnsent(storage, me.client), true, 'a reading view can tell there is sending to do');
    // The page reloads: a new outbox on the same device finds the post and sends it.
    const later = reader(storage, { fetch: flaky });
    assert.equal(later.outbox.$entries.get()[0]?.key, entry.key);
    await later.outbox.resume();
    assert.equal(later.outbox.$entries.get().length, 1, 'still failing: still kept');
    await later.outbox.resume();
    assert.equal(later.outbox.$entries.get().length, 0);
    assert.equal(hasUnsent(storage, later.client), false);
    const page = await later.client.getThread(k);
    assert.equal(page.thread.commentCount, 1);
    assert.deepEqual(
      page.comments.map((c) => c.markdown),
      ['only once'],
    );
    store.dispose();
    me.outbox.dispose();
    later.outbox.dispose();
  });

  it('a post made while the server is down is sent when it is back', async () => {
    const k = key();
    const me = reader();
    await me.session.signInAsGuest({ name: 'Patient' });
    await http.close();
    me.outbox.post(k, 'written offline');
    await me.outbox.flush();
    assert.equal(me.outbox.$entries.get().length, 1);
    http = await listen(kith, port);
    await me.outbox.resume();
    assert.equal(me.outbox.$entries.get().length, 0);
    assert.equal((await me.client.getThread(k)).thread.commentCount, 1);
    me.outbox.dispose();
  });

  /**
   * `who` writes `markdown` on thread `k` through a writer while the server is down, so it waits
   * in their outbox; the server is back when this returns. Cleaned up when the test ends.
   */
  const queuedWhileDown = async (
    t: TestContext,
    who: ReturnType<typeof reader>,
    k: string,
    markdown: string,
  ) => {
    const store = who.thread(k);
    const writer = who.writer(store);
    t.after(() => {
      writer.dispose();
      store.dispose();
      who.outbox.dispose();
    });
    await http.close();
    writer.post(markdown);
    await who.outbox.flush();
    assert.equal(who.outbox.$entries.get().length, 1);
    http = await listen(kith, port);
  };

  it('a comment still unsent when its writer signs out goes back to the draft: whoever signs in next never sends it', async (t) => {
    const k = key();
    const me = reader();
    await me.session.signInAsGuest({ name: 'Leaving' });
    await queuedWhileDown(t, me, k, 'written by the one who leaves');
    await me.session.signOut();
    assert.equal(me.outbox.$entries.get().length, 0);
    assert.equal(readDraft(me.storage, me.client, k, 'new'), 'written by the one who leaves');
    await me.session.signInAsGuest({ name: 'Next' });
    await me.outbox.resume();
    assert.equal((await me.client.getThread(k)).thread.commentCount, 0);
  });

  it('a device storage that is full loses nothing from the queue: the tab keeps it, and sends it', async (t) => {
    let offline = true;
    const network: typeof fetch = (input, init) =>
      offline ? Promise.reject(new TypeError('Failed to fetch')) : fetch(input, init);
    const storage = memoryStorage();
    const full = {
      ...storage,
      setItem(key: string, value: string) {
        if (key.startsWith('kith:outbox:')) throw new DOMException('full', 'QuotaExceededError');
        storage.setItem(key, value);
      },
    };
    const k = key();
    const me = reader(full, { fetch: network });
    t.after(() => me.outbox.dispose());
    offline = false;
    await me.session.signInAsGuest({ name: 'Full' });
    offline = true;
    me.outbox.post(k, 'first, kept in this tab alone');
    await me.outbox.flush();
    me.outbox.post(k, 'second');
    await me.outbox.flush();
    assert.deepEqual(
      me.outbox.$entries.get().map((e) => e.markdown),
      ['first, kept in this tab alone', 'second'],
    );
    offline = false;
    await me.outbox.resume();
    const { comments } = await me.client.getThread(k, { sort: 'old' });
    assert.deepEqual(
      comments.map((c) => c.markdown),
      ['first, kept in this tab alone', 'second'],
    );
  });

  it('tabs of one browser share the queue: none drops what another queued, a cancel holds in each', async (t) => {
    // Node has no window: the browser's `storage` event, sent to the other tabs, is sent by hand.
    const window = new EventTarget();
    Object.assign(globalThis, {
      addEventListener: window.addEventListener.bind(window),
      removeEventListener: window.removeEventListener.bind(window),
    });
    t.after(() => {
      Reflect.deleteProperty(globalThis, 'addEventListener');
      Reflect.deleteProperty(globalThis, 'removeEventListener');
    });
    let offline = false;
    const network: typeof fetch = (input, init) =>
      offline ? Promise.reject(new TypeError('Failed to fetch')) : fetch(input, init);
    const k = key();
    const first = reader(memoryStorage(), { fetch: network });
    await first.session.signInAsGuest({ name: 'Two Tabs' });
    // Opened before anything was queued, as a tab is.
    const second = reader(first.storage, { fetch: network });
    t.after(() => {
      first.outbox.dispose();
      second.outbox.dispose();
    });
    offline = true;
    const told = () =>
      window.dispatchEvent(Object.assign(new Event('storage'), { key: outboxKey(first.client) }));
    const mine = first.outbox.post(k, 'from the first tab');
    await first.outbox.flush();
    told();
    const theirs = second.outbox.post(k, 'from the second tab');
    await second.outbox.flush();
    told();
    const queued = (outbox: Outbox) => outbox.$entries.get().map((e) => e.markdown);
    assert.deepEqual(
      queued(reader(first.storage).outbox),
      ['from the first tab', 'from the second tab'],
      'on the device',
    );
    assert.deepEqual(queued(first.outbox), ['from the first tab', 'from the second tab'], 'in the first tab');
    second.outbox.cancel(theirs.key);
    told();
    assert.deepEqual(queued(first.outbox), ['from the first tab']);
    assert.equal(
      second.outbox.draft(k, 'new'),
      'from the second tab',
      'the cancelled text is back in its draft',
    );
    offline = false;
    await first.outbox.resume();
    told();
    assert.deepEqual(queued(second.outbox), []);
    const { comments } = await first.client.getThread(k);
    assert.deepEqual(
      comments.map((c) => [c.markdown, c.author?.name]),
      [['from the first tab', 'Two Tabs']],
    );
    assert.equal(mine.markdown, 'from the first tab');
  });

  it('a comment queued under one reader is not sent under another who signs in without a sign-out here', async (t) => {
    const k = key();
    const me = reader();
    await me.session.signInAsGuest({ name: 'First' });
    const someoneElse = await reader().session.signInAsGuest({ name: 'Second' });
    await queuedWhileDown(t, me, k, 'only ever as First');
    // The site's own sign-in names another member (single sign-on), say.
    me.session.use(someoneElse);
    await me.outbox.resume();
    assert.equal(me.outbox.$entries.get().length, 0);
    assert.equal((await me.client.getThread(k)).thread.commentCount, 0);
    assert.equal(readDraft(me.storage, me.client, k, 'new'), 'only ever as First');
  });

  it('opens the live stream from where the first page was read: a comment written in between is neither missed nor counted twice', async () => {
    const k = key();
    const alice = reader();
    await alice.session.signInAsGuest({ name: 'Alice' });
    const first = await alice.client.createComment(k, { markdown: 'on the page' });
    // As the docs show: the page, then the stream; a comment lands in between.
    const watching = reader().thread(k);
    await watching.load();
    const between = await alice.client.createComment(k, { markdown: 'between page and stream' });
    watching.connect();
    let state = await until(watching, (s) => s.incoming.length === 1);
    assert.equal(state.incoming[0]!.id, between.id);
    assert.equal(state.meta?.commentCount, 2);
    // As elements do: the stream asked for before the page is there waits for it.
    const early = reader().thread(k);
    early.connect();
    assert.equal(early.$state.get().live, 'off', 'no stream before the page says where to start');
    await early.load();
    await until(early, (s) => s.live === 'open');
    const later = await alice.client.createComment(k, { markdown: 'once live' });
    state = await until(early, (s) => s.incoming.length === 1);
    assert.equal(state.incoming[0]!.id, later.id);
    assert.deepEqual(
      state.comments.map((c) => c.id),
      [between.id, first.id],
    );
    assert.equal(state.meta?.commentCount, 3);
    watching.dispose();
    early.dispose();
  });

  it('follows the thread live: others’ new comments wait, replies, edits, reactions and deletes apply in place', async () => {
    const k = key();
    const alice = reader();
    const bob = reader();
    await alice.session.signInAsGuest({ name: 'Alice' });
    await bob.session.signInAsGuest({ name: 'Bob' });
    const first = await alice.client.createComment(k, { markdown: 'first' });
    const watching = bob.thread(k);
    await watching.load();
    watching.connect();
    await until(watching, (s) => s.live === 'open');
    const second = await alice.client.createComment(k, { markdown: 'second' });
    let state = await until(watching, (s) => s.incoming.length === 1);
    assert.deepEqual(
      state.comments.map((c) => c.id),
      [first.id],
      'the page does not move',
    );
    assert.equal(state.meta?.commentCount, 2);
    watching.showIncoming();
    assert.deepEqual(
      watching.$state.get().comments.map((c) => c.id),
      [second.id, first.id],
    );
    const reply = await alice.client.createComment(k, { markdown: 'a reply', parentId: first.id });
    state = await until(watching, (s) => s.comments[1]!.replies.length === 1);
    assert.equal(state.comments[1]!.replies[0]!.id, reply.id);
    assert.equal(state.comments[1]!.replyCount, 1);
    await alice.client.editComment(first.id, 'first, edited');
    state = await until(watching, (s) => s.comments[1]!.markdown === 'first, edited');
    const reaction = (await alice.client.getSite()).reactions[0]!;
    await alice.client.react(second.id, reaction, true);
    state = await until(watching, (s) => s.comments[0]!.reactions[reaction] === 1);
    await alice.client.deleteComment(reply.id);
    state = await until(watching, (s) => s.comments[1]!.replies[0]!.deleted);
    assert.equal(state.meta?.commentCount, 2);
    // Bob's own post shows at once, and once, whichever of the answer and the event comes first.
    const writing = bob.writer(watching);
    writing.post('mine');
    state = await until(watching, (s) => s.comments[0]!.markdown === 'mine');
    await new Promise((resolve) => setTimeout(resolve, 200));
    state = watching.$state.get();
    assert.equal(state.comments.filter((c) => c.markdown === 'mine').length, 1);
    assert.equal(state.incoming.length, 0);
    assert.equal(state.meta?.commentCount, 3);
    writing.dispose();
    watching.dispose();
  });

  it('pre-moderation: the reader’s comment waits as theirs alone, and joins the thread when approved', async () => {
    await owner.updateSite({ moderation: 'pre' });
    try {
      const k = key();
      const author = reader();
      await author.session.signInAsGuest({ name: 'Ada' });
      const other = reader();
      await other.session.signInAsGuest({ name: 'Bo' });
      const waiting = await author.client.createComment(k, { markdown: 'approve me' });
      assert.equal(waiting.status, 'pending');
      const mine = author.thread(k);
      await mine.load();
      assert.deepEqual(
        mine.$state.get().pending.map((c) => c.id),
        [waiting.id],
      );
      assert.equal(mine.$state.get().meta?.commentCount, 0, 'not counted while it waits');
      const theirs = other.thread(k);
      await theirs.load();
      assert.equal(theirs.$state.get().pending.length, 0, 'others do not see it');
      mine.connect();
      theirs.connect();
      await until(mine, (s) => s.live === 'open');
      await until(theirs, (s) => s.live === 'open');

      const queue = await owner.pending();
      assert.ok(queue.comments.some((c) => c.id === waiting.id && c.threadKey === k));
      await owner.approveComment(waiting.id);
      // The author sees it leave the waiting list and take its place in the thread, counted once.
      let state = await until(mine, (s) => s.pending.length === 0 && s.comments.length === 1);
      assert.equal(state.comments[0]!.id, waiting.id);
      assert.equal(state.comments[0]!.status, 'published');
      assert.equal(state.meta?.commentCount, 1);
      // Another reader hears of it as any new comment.
      state = await until(theirs, (s) => s.incoming.length === 1);
      assert.equal(state.incoming[0]!.id, waiting.id);

      // The author's stream brings their waiting comments' news, wherever they wrote them; a
      // rejected one leaves their waiting list at once, never counted. Nobody else hears of it.
      const rejected = await author.client.createComment(k, { markdown: 'spam' });
      await until(mine, (s) => s.pending.some((c) => c.id === rejected.id));
      await owner.removeComment(rejected.id);
      state = await until(mine, (s) => s.pending.length === 0);
      assert.equal(mine.find(rejected.id), undefined, 'gone, not shown as deleted');
      assert.equal(state.meta?.commentCount, 1);
      assert.equal(theirs.$state.get().pending.length, 0);
      assert.equal(theirs.find(rejected.id), undefined);
      const again = author.thread(k);
      await again.load();
      assert.equal(again.$state.get().pending.length, 0);
      assert.equal(again.$state.get().meta?.commentCount, 1);
      mine.dispose();
      theirs.dispose();
      again.dispose();
    } finally {
      await owner.updateSite({ moderation: 'none' });
    }
  });

  it('proof of work: solved while the reader writes, one per comment; a queued comment learns the site asks', async () => {
    await owner.updateSite({ proofOfWork: 'guests' });
    try {
      const k = key();
      const challenges: string[] = [];
      const counting: typeof fetch = (input, init) => {
        const url = String(input instanceof Request ? input.url : input);
        if (url.endsWith('/challenge')) challenges.push(url);
        return fetch(input, init);
      };
      const author = reader(memoryStorage(), { fetch: counting });
      await author.session.signInAsGuest({ name: 'Pat' });
      const store = author.thread(k);
      await store.load();
      assert.equal(store.$state.get().site?.proofOfWork, 'guests');
      const writer = author.writer(store);
      writer.prepareProof(); // the reader starts to write
      writer.prepareProof(); // and goes on: still one proof under way
      writer.post('first');
      await until(store, (s) => s.comments.length === 1, 15_000);
      writer.post('second');
      await until(store, (s) => s.comments.length === 2, 15_000);
      assert.equal(challenges.length, 2, 'one challenge per comment');

      // Queued before this device knew the site asks (an outbox from an earlier visit): refused
      // once with proof-required, it solves one and is sent, not lost.
      const late = reader();
      await late.session.signInAsGuest({ name: 'Late' });
      late.outbox.post(k, 'queued before');
      await late.outbox.flush();
      assert.equal(late.outbox.$entries.get().length, 0);
      assert.equal(late.outbox.prover.needed, true);

      // A member signed in through the site is not asked, so nothing is solved for them.
      const member = reader();
      member.session.use(await owner.createSession({ user: { id: 'm-1', name: 'Member' } }));
      const theirs = member.thread(k);
      await theirs.load();
      const memberWriter = member.writer(theirs);
      memberWriter.post('no proof for members');
      await until(theirs, (s) => s.comments.some((c) => c.markdown === 'no proof for members'), 15_000);
      assert.equal(member.outbox.prover.needed, false);
      assert.equal((await author.client.getThread(k)).thread.commentCount, 4);
      for (const x of [store, theirs]) x.dispose();
      writer.dispose();
      memberWriter.dispose();
    } finally {
      await owner.updateSite({ proofOfWork: 'none' });
    }
  });

  it('reports: a reader reports another’s comment through the writer; the owner sees it and dismisses it', async () => {
    const k = key();
    const author = reader();
    await author.session.signInAsGuest({ name: 'Loud' });
    const [target] = await seed(author.client, k, 1);
    const other = reader();
    await other.session.signInAsGuest({ name: 'Quiet' });
    const store = other.thread(k);
    await store.load();
    const writer = other.writer(store);
    await writer.report(target!.id, { reason: 'spam', note: 'an advert' });
    await writer.report(target!.id, { reason: 'abuse' }); // changes the reason, counts once
    const queue = await owner.reported();
    const item = queue.items.find((i) => i.comment.id === target!.id);
    assert.equal(item?.reports, 1);
    assert.deepEqual(item?.reasons, { abuse: 1 });
    // Reporting one's own comment is refused, and the store says why.
    const own = author.writer(author.thread(k));
    await assert.rejects(own.report(target!.id, { reason: 'spam' }), { code: 'forbidden' });
    await owner.dismissReports(target!.id);
    assert.equal(
      (await owner.reported()).items.some((i) => i.comment.id === target!.id),
      false,
    );
    writer.dispose();
    own.dispose();
    store.dispose();
  });

  it('a reader who signs in while watching hears of their own waiting comment, and of its rejection', async (t) => {
    await owner.updateSite({ moderation: 'pre' });
    try {
      const k = key();
      const guest = reader();
      const { store } = await following(t, guest, k);
      // Signed in and posting from another tab: this one only shares the session.
      await guest.session.signInAsGuest({ name: 'Signs In Later' });
      await until(store, (s) => s.live === 'open');
      const elsewhere = reader(guest.storage);
      const waiting = await elsewhere.client.createComment(k, { markdown: 'from the other tab' });
      await until(store, (s) => s.pending.some((c) => c.id === waiting.id));
      await owner.removeComment(waiting.id);
      await until(store, (s) => s.pending.length === 0);
    } finally {
      await owner.updateSite({ moderation: 'none' });
    }
  });

  /**
   * A fresh thread under pre-moderation (until the test ends), a guest who writes in it, and a
   * reader following it live through a writer, signed in first as `user` when given.
   */
  const watchedWhileHeld = async (t: TestContext, user?: OwnerSessionRequest['user']) => {
    await owner.updateSite({ moderation: 'pre' });
    t.after(() => owner.updateSite({ moderation: 'none' }));
    const k = key();
    const author = reader();
    await author.session.signInAsGuest({ name: 'Writes' });
    const mod = reader();
    if (user) mod.session.use(await owner.createSession({ user }));
    const { store } = await following(t, mod, k);
    return { k, author, mod, store };
  };

  it('a reader who becomes a moderator while watching hears waiting comments from then on, missing nothing', async (t) => {
    const { k, author, mod, store } = await watchedWhileHeld(t);
    await author.client.createComment(k, { markdown: 'before: for moderators only' });
    await owner.approveComment((await author.client.createComment(k, { markdown: 'published' })).id);
    await until(store, (s) => s.incoming.length === 1);
    assert.deepEqual(store.$state.get().pending, [], 'not a moderator yet: nothing waiting reaches them');

    // The site's sign-in lands after the stream opened (as `signInWithSso` does).
    mod.session.use(await owner.createSession({ user: { id: 'mod-live', name: 'Mod', moderator: true } }));
    const waiting = await author.client.createComment(k, { markdown: 'after: for moderators only' });
    const state = await until(store, (s) => s.pending.length === 1);
    assert.equal(state.pending[0]!.id, waiting.id);
    assert.equal(state.pending[0]!.status, 'pending');
    assert.equal(state.incoming.length, 1, 'nothing heard twice');
    await owner.removeComment(waiting.id);
    await until(store, (s) => s.pending.length === 0);
  });

  it('a moderator whose right is taken away elsewhere hears no more waiting comments: the thread reloads as a reader’s, and the session says so', async (t) => {
    const user = { id: 'mod-demoted', name: 'Mod' };
    const { k, author, mod, store } = await watchedWhileHeld(t, { ...user, moderator: true });
    const first = await author.client.createComment(k, { markdown: 'waits, seen by the moderator' });
    await until(store, (s) => s.pending.length === 1);

    // The site signs them in again elsewhere, no longer a moderator.
    await owner.createSession({ user });
    const second = await author.client.createComment(k, { markdown: 'waits, for moderators only' });
    const state = await until(store, (s) => s.pending.length === 0 && s.status === 'ready');
    assert.equal(mod.session.$session.get()?.moderator, undefined, 'the session knows');
    assert.equal(mod.session.$session.get()?.user.name, 'Mod', 'still signed in');
    assert.ok(
      !state.comments.some((c) => c.id === first.id || c.id === second.id),
      'neither waiting comment is shown',
    );
  });

  it('a post whose answer was lost, sent again after the server forgot its key, still lands once', async () => {
    const k = key();
    let lose = true;
    const flaky: typeof fetch = async (input, init) => {
      const request = new Request(input, init);
      const response = await fetch(request);
      if (request.method === 'POST' && request.url.includes('/comments') && lose) {
        lose = false;
        throw new TypeError('connection reset');
      }
      return response;
    };
    const storage = memoryStorage();
    const me = reader(storage, { fetch: flaky });
    await me.session.signInAsGuest({ name: 'Away' });
    const entry = me.outbox.post(k, 'said before the tunnel');
    await me.outbox.flush();
    assert.equal(me.outbox.$entries.get()[0]?.lastError?.code, 'network', 'kept: the answer was lost');
    me.outbox.dispose();

    // Two days later: the device still holds the post, the server no longer holds its key.
    await kith.db.query('DELETE FROM idempotency WHERE key = $1', [entry.key]);
    const twoDaysAgo = Date.now() - 2 * 86_400_000;
    const [queue, entries] = [...storage.data].find(([, value]) => value.includes(entry.key))!;
    const [held] = JSON.parse(entries);
    storage.data.set(queue, JSON.stringify([{ ...held, createdAt: new Date(twoDaysAgo).toISOString() }]));
    await kith.db.query("UPDATE comments SET created_at = $1 WHERE markdown = 'said before the tunnel'", [
      new Date(twoDaysAgo + 1000).toISOString(),
    ]);

    const later = reader(storage);
    const sent: string[] = [];
    later.outbox.listen({ sent: (_, comment) => sent.push(comment.markdown) });
    await later.outbox.resume();
    assert.equal(later.outbox.$entries.get().length, 0, 'done with');
    assert.deepEqual(sent, ['said before the tunnel'], 'the landed comment stands for it');
    const page = await later.client.getThread(k);
    assert.deepEqual(
      page.comments.map((c) => c.markdown),
      ['said before the tunnel'],
      'posted once',
    );
    later.outbox.dispose();
  });

  it('unsent: a comment the stream brought before the answer to its POST is not also on its way', async (t) => {
    let answer: (() => void) | undefined;
    const held: typeof fetch = async (input, init) => {
      const request = new Request(input, init);
      const response = await fetch(request);
      if (request.method === 'POST' && request.url.endsWith('/comments'))
        await new Promise<void>((resolve) => {
          answer = resolve;
        });
      return response;
    };
    const me = reader(memoryStorage(), { fetch: held });
    await me.session.signInAsGuest({ name: 'Quick' });
    const { store, writer } = await following(t, me, key());

    writer.post('heard before answered');
    assert.equal(writer.unsent().length, 1, 'on its way');
    await until(store, (s) => s.comments.some((c) => c.markdown === 'heard before answered'));
    assert.ok(answer, 'the answer is still held');
    assert.equal(me.outbox.$entries.get().length, 1, 'the outbox still holds it');
    assert.deepEqual(writer.unsent(), [], 'shown by the thread, so not as on its way too');
    answer!();
    await until(store, () => me.outbox.$entries.get().length === 0);
    assert.equal(store.$state.get().comments.filter((c) => c.markdown === 'heard before answered').length, 1);
  });

  it('a reset brings back as many comments and replies as the reader had loaded: the page does not shrink under them', async (t) => {
    const k = key();
    const author = reader();
    await author.session.signInAsGuest({ name: 'Writes' });
    const made = await seed(author.client, k, 45);
    // On the second page, a comment with more replies than two pages of them.
    const opened = made[10]!.id;
    for (let i = 0; i < 45; i++)
      await author.client.createComment(k, { markdown: `reply ${i}`, parentId: opened });
    const user = { id: 'mod-paged', name: 'Mod', moderator: true };
    const mod = reader();
    mod.session.use(await owner.createSession({ user }));
    const store = mod.thread(k);
    const writer = mod.writer(store);
    t.after(() => {
      writer.dispose();
      store.dispose();
    });
    await store.load();
    await store.loadMore();
    await store.loadMore();
    assert.equal(store.$state.get().comments.length, 45, 'three pages read');
    const repliesOf = (state: ThreadState) => state.comments.find((c) => c.id === opened)?.replies.length;
    const preview = repliesOf(store.$state.get())!;
    await store.loadReplies(opened);
    const expanded = repliesOf(store.$state.get())!;
    assert.ok(
      preview < expanded && expanded < 45,
      `the reader opened one page of replies (${preview}, then ${expanded})`,
    );
    store.connect();
    await until(store, (s) => s.live === 'open');
    let fewest = 45;
    let fewestReplies = expanded;
    t.after(
      store.$state.listen((s) => {
        fewest = Math.min(fewest, s.comments.length);
        fewestReplies = Math.min(fewestReplies, repliesOf(s) ?? 0);
      }),
    );

    // Anyone may hear resets beside the writer, and stop.
    const heard: string[] = [];
    store.onReset((reason) => heard.push(reason));
    store.onReset(() => heard.push('stopped, yet heard'))();
    await owner.updateSite({ moderation: 'pre' });
    t.after(() => owner.updateSite({ moderation: 'none' }));
    await owner.createSession({ user: { ...user, moderator: false } });
    await author.client.createComment(k, { markdown: 'waits, for moderators only' });
    // The reset reached the reader: the writer read their session again, and the thread reloads.
    await new Promise<void>((resolve) => {
      const stop = mod.session.$session.listen((session) => {
        if (session && !session.moderator) {
          stop();
          resolve();
        }
      });
    });
    const state = await until(store, (s) => s.loading === null && repliesOf(s) === expanded);
    assert.equal(new Set(state.comments.map((c) => c.id)).size, 45);
    assert.equal(state.nextCursor, null);
    assert.ok(
      state.comments.find((c) => c.id === opened)?.repliesCursor,
      'no more replies than the reader had',
    );
    assert.deepEqual(state.pending, []);
    assert.deepEqual(heard, ['viewer-changed']);
    assert.equal(fewest, 45, 'never fewer comments while it reloads');
    assert.equal(fewestReplies, expanded, 'never fewer replies while it reloads');
  });

  it('a reload misses nothing written while it reads, and counts nothing twice', async (t) => {
    const k = key();
    const author = reader();
    await author.session.signInAsGuest({ name: 'Busy' });
    const made = await seed(author.client, k, 25);
    // The reader's later pages wait while `held` is set: what is written meanwhile comes after
    // the first page was read.
    let held: Promise<void> | undefined;
    let firstPageRead = () => {};
    const me = reader(memoryStorage(), {
      fetch: async (input, init) => {
        const url = String(input instanceof Request ? input.url : input);
        const later = url.includes('cursor=');
        if (held && later) await held;
        const response = await fetch(input, init);
        if (url.includes('sort=') && !later) firstPageRead();
        return response;
      },
    });
    const { store } = await following(t, me, k);
    await store.loadMore();
    let release!: () => void;
    held = new Promise((resolve) => {
      release = resolve;
    });
    const read = new Promise<void>((resolve) => {
      firstPageRead = resolve;
    });
    const reloaded = store.load(2);
    await read; // the second page waits
    const fresh = await author.client.createComment(k, { markdown: 'written during the reload' });
    await author.client.editComment(made[0]!.id, 'edited during the reload');
    release();
    held = undefined;
    await reloaded;
    const state = await until(store, (s) => s.incoming.length === 1);
    assert.equal(state.incoming[0]!.id, fresh.id, 'held back as new, once');
    assert.equal(state.meta?.commentCount, 26);
    assert.equal(state.comments.length, 25);
    assert.ok(!state.comments.some((c) => c.id === fresh.id));
    assert.equal(state.comments.find((c) => c.id === made[0]!.id)?.markdown, 'edited during the reload');
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.equal(store.$state.get().meta?.commentCount, 26, 'nothing counted twice');
    assert.equal(store.$state.get().incoming.length, 1);
  });

  it('oldest first: a comment held back as new is shown once, also when a later page brings it', async (t) => {
    const k = key();
    const author = reader();
    await author.session.signInAsGuest({ name: 'Early' });
    await seed(author.client, k, 25);
    const me = reader();
    const store = new ThreadStore(me.client, k, me.session, { sort: 'old' });
    t.after(() => store.dispose());
    await store.load();
    store.connect();
    await until(store, (s) => s.live === 'open');
    const late = await author.client.createComment(k, { markdown: 'late to the thread' });
    await until(store, (s) => s.incoming.length === 1);
    await store.loadMore();
    let state = store.$state.get();
    assert.equal(state.comments.at(-1)?.id, late.id, 'the last page brings it in its place');
    assert.deepEqual(state.incoming, [], 'no longer held back');
    store.showIncoming();
    state = store.$state.get();
    assert.equal(state.comments.filter((c) => c.id === late.id).length, 1);
    assert.equal(state.meta?.commentCount, 26);
  });

  it('a reader gets a copy of their data, then erases themselves through the writer: their comments go, and they are signed out here and on the server', async () => {
    const k = key();
    const me = reader();
    await me.session.signInAsGuest({ name: 'Forgettable' });
    const store = me.thread(k);
    const writer = me.writer(store);
    await store.load();
    const mine = await me.client.createComment(k, { markdown: 'erase this' });
    const token = me.client.token!;
    const copy = await writer.myData();
    assert.equal(copy.user.name, 'Forgettable');
    assert.deepEqual(
      copy.comments.map((c) => c.id),
      [mine.id],
    );
    const erased = await writer.eraseMe();
    assert.deepEqual(erased, { comments: 1, reactions: 0, answers: 0, reports: 0 });
    assert.equal(me.session.$session.get(), null, 'signed out here');
    assert.equal(me.client.token, undefined);
    const state = await until(store, (s) => s.status === 'ready' && s.comments[0]?.deleted === true);
    assert.equal(state.comments[0]!.id, mine.id);
    const refused = await fetch(`${http.url}/v1/sites/blog/sessions/current`, {
      headers: { authorization: `Bearer ${token}` },
    });
    assert.equal(refused.status, 401, 'and on the server');
    writer.dispose();
    store.dispose();
  });

  it('a moderator approves and removes in the thread through the writer; the thread shows it at once', async () => {
    await owner.updateSite({ moderation: 'pre' });
    try {
      const k = key();
      const author = reader();
      await author.session.signInAsGuest({ name: 'Waits' });
      const first = await author.client.createComment(k, { markdown: 'approve me' });
      const second = await author.client.createComment(k, { markdown: 'reject me' });
      const mod = reader();
      mod.session.use(await owner.createSession({ user: { id: 'mod-1', name: 'Mod', moderator: true } }));
      assert.equal(mod.session.$session.get()?.moderator, true, 'kept with the session');
      const store = mod.thread(k);
      await store.load();
      assert.deepEqual(
        store.$state.get().pending.map((c) => c.markdown),
        ['approve me', 'reject me'],
        'a moderator sees what waits',
      );
      const writer = mod.writer(store);
      await writer.approve(first.id);
      let state = store.$state.get();
      assert.deepEqual(
        state.comments.map((c) => c.id),
        [first.id],
        'approved: in the thread at once',
      );
      assert.equal(state.meta?.commentCount, 1);
      await writer.remove(second.id);
      assert.deepEqual(store.$state.get().pending, [], 'rejected: gone');
      await writer.remove(first.id);
      state = store.$state.get();
      assert.equal(state.comments[0]!.deleted, true, 'removed: shown as deleted');
      assert.equal(state.meta?.commentCount, 0);

      const plain = author.writer(author.thread(k));
      await assert.rejects(plain.approve(second.id), (e: KithError) => e.code === 'forbidden');

      await writer.block(first.author!.id);
      await assert.rejects(
        author.client.createComment(k, { markdown: 'blocked' }),
        (e: KithError) => e.code === 'user-blocked',
      );
      await owner.blockUser(first.author!.id, false); // the owner, with the site secret
      await author.client.createComment(k, { markdown: 'let back' });
      store.dispose();
    } finally {
      await owner.updateSite({ moderation: 'none' });
    }
  });

  it('a comment deleted while it awaits moderation was never counted', () => {
    const store = reader().thread(key());
    const pending = {
      id: 'p1',
      threadKey: '/x',
      parentId: null,
      rootId: null,
      depth: 0,
      author: { id: 'u1', name: 'Ada', kind: 'guest' as const, avatarUrl: null },
      markdown: 'x',
      html: '<p>x</p>',
      status: 'pending' as const,
      deleted: false,
      createdAt: new Date().toISOString(),
      editedAt: null,
      reactions: {},
      replyCount: 0,
    };
    store.upsert(pending, true);
    store.$state.set({
      ...store.$state.get(),
      meta: { key: '/x', closed: false, commentCount: 3, topLevelCount: 3, createdAt: null } as never,
    });
    store.remove({ ...pending, deleted: true, markdown: '', html: '', author: null });
    assert.equal(store.$state.get().meta?.commentCount, 3);
    assert.equal(store.$state.get().pending.length, 0);
    store.dispose();
  });

  it('shows a reaction at once, corrects it by the answer, and rolls it back when refused', async () => {
    const k = key();
    const me = reader();
    await me.session.signInAsGuest({ name: 'Reactor' });
    const comment = await me.client.createComment(k, { markdown: 'react to me' });
    const store = me.thread(k);
    const writer = me.writer(store);
    await store.load();
    const reaction = store.$state.get().site!.reactions[0]!;
    const seen: number[] = [];
    const stop = store.$state.subscribe((s) => seen.push(s.comments[0]!.reactions[reaction] ?? 0));
    await writer.react(comment.id, reaction);
    assert.equal(seen[1], 1, 'counted before the server answered');
    assert.deepEqual(store.$state.get().mine[comment.id], [reaction]);
    assert.equal((await me.client.getThread(k)).comments[0]!.reactions[reaction], 1);
    await me.session.signOut(); // the next write is refused: 401
    await assert.rejects(
      writer.react(comment.id, reaction),
      (e: Error & { status?: number }) => e.status === 401,
    );
    const state = store.$state.get();
    assert.equal(state.comments[0]!.reactions[reaction], 1, 'rolled back');
    assert.deepEqual(state.mine[comment.id], [reaction]);
    assert.equal(state.error?.status, 401, 'the reason is in the state');
    stop();
    writer.dispose();
    store.dispose();
  });

  it('resumes the stream after a drop from the last event it saw', async () => {
    const k = key();
    const alice = reader();
    await alice.session.signInAsGuest({ name: 'Alice' });
    const watching = reader().thread(k);
    await watching.load();
    watching.connect();
    await until(watching, (s) => s.live === 'open');
    await alice.client.createComment(k, { markdown: 'before the drop' });
    await until(watching, (s) => s.incoming.length === 1);
    await http.close(); // the stream drops
    await until(watching, (s) => s.live === 'reconnecting');
    http = await listen(kith, port);
    await alice.client.createComment(k, { markdown: 'while away' });
    const state = await until(watching, (s) => s.incoming.length === 2, 40_000);
    assert.deepEqual(
      state.incoming.map((c) => c.markdown),
      ['before the drop', 'while away'],
    );
    watching.dispose();
  });

  it('brings a permalinked reply onto the page, loading its thread and replies as needed', async () => {
    const k = key();
    const me = reader();
    await me.session.signInAsGuest({ name: 'Linker' });
    const made = await seed(me.client, k, 22);
    const old = made[0]!; // not on the first page (newest first, 20 per page)
    let target = old;
    for (let i = 0; i < 8; i++) {
      target = await me.client.createComment(k, { markdown: `deep ${i}`, parentId: target.id });
    }
    // Someone else follows the permalink; `unreadable` makes the server's answers for it fail
    // (`gone`: for good), and `asked` counts them.
    let unreadable: string | undefined;
    let gone = false;
    let asked = 0;
    const store = reader(memoryStorage(), {
      fetch: async (input, init) => {
        const url = String(input instanceof Request ? input.url : input);
        if (unreadable && url.endsWith(`/comments/${unreadable}`)) {
          asked++;
          if (gone)
            return new Response(
              JSON.stringify({
                type: 'urn:kith:problem:not-found',
                title: 'Not found',
                status: 404,
                code: 'not-found',
              }),
              { status: 404, headers: { 'content-type': 'application/problem+json' } },
            );
          return new Response(null, { status: 503 });
        }
        return fetch(input, init);
      },
    }).thread(k);
    await store.load();
    assert.ok(!store.$state.get().comments.some((c) => c.id === old.id));
    assert.equal(await store.focus(target.id), true);
    const state = store.$state.get();
    assert.equal(state.focused, target.id);
    assert.equal(state.comments[0]!.id, old.id, 'its top-level comment is pinned first');
    assert.ok(state.comments[0]!.replies.some((r) => r.id === target.id));
    assert.equal(await store.focus('c_unknown'), false);

    // Read again (as a reset does): the pinned comment stays first, with the replies down to the
    // target, and nothing shows twice.
    await store.load();
    const reloaded = store.$state.get();
    assert.equal(reloaded.status, 'ready');
    assert.equal(reloaded.comments[0]!.id, old.id, 'still pinned first after a reload');
    assert.ok(
      reloaded.comments[0]!.replies.some((r) => r.id === target.id),
      'down to the target',
    );
    assert.equal(reloaded.focused, target.id);
    assert.equal(new Set(reloaded.comments.map((c) => c.id)).size, 21);

    // Removed by a moderator meanwhile: it stays pinned as removed, with its replies.
    await owner.removeComment(old.id);
    await store.load();
    const removed = store.$state.get().comments[0]!;
    assert.equal(removed.id, old.id);
    assert.equal(removed.deleted, true);
    assert.ok(removed.replies.length > 0);

    // Not to be had this time: the reload shows the rest, and no error.
    unreadable = old.id;
    await store.load();
    const without = store.$state.get();
    assert.equal(without.status, 'ready');
    assert.equal(without.error, null);
    assert.deepEqual(
      without.comments.map((c) => c.id),
      newestPage(made),
    );
    assert.equal(store.pinned, old.id, 'kept while it may come back');

    // Gone for good: unpinned, and the reloads after that no longer ask for it.
    gone = true;
    await store.load();
    assert.equal(store.pinned, undefined);
    assert.equal(store.$state.get().error, null);
    asked = 0;
    await store.load();
    assert.equal(asked, 0);
    assert.deepEqual(
      store.$state.get().comments.map((c) => c.id),
      newestPage(made),
    );
    store.dispose();
  });

  it('a new sort drops the pinned comment: the page is that order’s first', async () => {
    const k = key();
    const me = reader();
    await me.session.signInAsGuest({ name: 'Sorter' });
    const made = await seed(me.client, k, 22);
    const store = me.thread(k);
    await store.load();
    assert.equal(await store.focus(made[0]!.id), true);
    assert.equal(store.$state.get().comments[0]!.id, made[0]!.id);
    await store.setSort('old');
    await store.setSort('new');
    const state = store.$state.get();
    assert.deepEqual(
      state.comments.map((c) => c.id),
      newestPage(made),
      'the newest 20, without the oldest',
    );
    store.dispose();
  });

  it('a page asked for while replies load is read in its turn, not dropped; asked for twice, it is read once', async (t) => {
    const k = key();
    const author = reader();
    await author.session.signInAsGuest({ name: 'Turns' });
    const made = await seed(author.client, k, 25);
    for (let i = 0; i < 5; i++)
      await author.client.createComment(k, { markdown: `r${i}`, parentId: made[24]!.id });
    let hold: Promise<void> | undefined;
    const pages: string[] = [];
    const me = reader(memoryStorage(), {
      fetch: async (input, init) => {
        const url = String(input instanceof Request ? input.url : input);
        if (url.includes('cursor=') && !url.includes('/replies')) pages.push(url);
        if (hold && url.includes('/replies')) await hold;
        return fetch(input, init);
      },
    });
    const store = me.thread(k);
    t.after(() => store.dispose());
    await store.load();
    let release!: () => void;
    hold = new Promise((resolve) => {
      release = resolve;
    });
    const replies = store.loadReplies(made[24]!.id);
    const more = [store.loadMore(), store.loadMore()];
    await new Promise((resolve) => setTimeout(resolve, 50));
    assert.equal(store.$state.get().loading, made[24]!.id, 'the replies still load; the page waits');
    assert.equal(pages.length, 0);
    release();
    await Promise.all([replies, ...more]);
    const state = store.$state.get();
    assert.equal(state.loading, null);
    assert.equal(state.comments[0]!.replies.length, 5, 'the replies are in');
    assert.equal(state.comments.length, 25, 'and so is the next page');
    assert.equal(pages.length, 1, 'read once');
  });

  it('replies asked for before a reload and answered after it are dropped: the reload’s answer stands', async (t) => {
    const k = key();
    const author = reader();
    await author.session.signInAsGuest({ name: 'Replies' });
    const [root] = await seed(author.client, k, 1);
    for (let i = 0; i < 8; i++)
      await author.client.createComment(k, { markdown: `r${i}`, parentId: root!.id });
    let hold: Promise<void> | undefined;
    const me = reader(memoryStorage(), {
      fetch: async (input, init) => {
        const url = String(input instanceof Request ? input.url : input);
        if (hold && url.includes('/replies')) await hold;
        return fetch(input, init);
      },
    });
    const store = me.thread(k);
    t.after(() => store.dispose());
    await store.load();
    const preview = store.$state.get().comments[0]!.replies.length;
    let release!: () => void;
    hold = new Promise((resolve) => {
      release = resolve;
    });
    const opening = store.loadReplies(root!.id); // held until the reload is done
    await store.load();
    release();
    hold = undefined;
    await opening;
    const state = store.$state.get();
    assert.equal(state.loading, null);
    assert.equal(state.comments[0]!.replies.length, preview, 'as the reload read it');
  });
});
