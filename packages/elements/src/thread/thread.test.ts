import { sharedClient } from '@kith/core';
import { sessionFor } from '@kith/core/session';
import { aTimeout, expect, fixture, waitUntil } from '@open-wc/testing';
import { setDefaults } from '../base/config.js';
import { drawnAt } from '../test-support/layout.js';
import { memoryKith, ssoToken } from '../test-support/memory-kith.js';
import { problem } from '../test-support/responses.js';
import type { KithThread } from './thread.js';
import './thread.js';

const root = (el: KithThread) => el.shadowRoot!;
const text = (node: Node | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const articles = (el: KithThread) => [...root(el).querySelectorAll<HTMLElement>('article')];
const ready = (el: KithThread) =>
  waitUntil(
    () => el.store?.$state.get().status === 'ready' && root(el).querySelector('[part="list"]'),
    `did not load: ${JSON.stringify(el.store?.$state.get())?.slice(0, 300)} ${el.shadowRoot?.innerHTML.slice(0, 300)}`,
  );
const button = (el: KithThread | Element, label: string | RegExp) =>
  [...((el as KithThread).shadowRoot ?? el).querySelectorAll<HTMLButtonElement>('button')].find((b) =>
    typeof label === 'string' ? text(b) === label : label.test(text(b)),
  );
const minutesAgo = (n: number) => new Date(Date.now() - n * 60_000).toISOString();

/** A thread on `server`, in a box with `style` (its width, its text's size). */
async function thread(server: string, attrs = '', style = '') {
  const wrapper = await fixture<HTMLElement>(
    `<div style="${style}"><kith-thread server="${server}" site="blog" thread="/post" ${attrs}></kith-thread></div>`,
  );
  return wrapper.querySelector('kith-thread')!;
}

async function write(el: KithThread, textValue: string, name?: string) {
  const editor = () => root(el).querySelector<HTMLFormElement>('[part="editor"]');
  if (!editor()) button(el, 'Write a comment…')!.click();
  await waitUntil(editor, 'the editor did not load');
  if (name) {
    const field = editor()!.querySelector<HTMLInputElement>('input[name="name"]')!;
    field.value = name;
  }
  const area = editor()!.querySelector('textarea')!;
  area.value = textValue;
  area.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  return area;
}

/** A thread with these comments (`[markdown, author]`), `reader` signed in. */
async function signedIn(reader: string, comments: [string, string][]) {
  const kith = memoryKith();
  for (const [markdown, author] of comments) kith.add('/post', markdown, { author });
  localStorage.setItem(`kith:session:${kith.url}|blog`, JSON.stringify(kith.session(reader)));
  const el = await thread(kith.url);
  await ready(el);
  return { kith, el };
}

/** A thread with a comment of Ada's and one of Bo's, Ada signed in. */
const signedInAsAda = () =>
  signedIn('Ada', [
    ['Words of mine', 'Ada'],
    ['Someone else’s', 'Bo'],
  ]);

describe('kith-thread', () => {
  beforeEach(() => {
    localStorage.clear();
    history.replaceState(null, '', location.pathname);
  });

  it('shows a skeleton, then comments with nested replies, authors, times and permalinks', async () => {
    const kith = memoryKith();
    const first = kith.add('/post', 'Hello **world**', { author: 'Ada Lovelace', at: minutesAgo(180) });
    const reply = kith.add('/post', 'A reply', { parentId: first.id, author: 'Grace', at: minutesAgo(60) });
    kith.add('/post', 'Deeper', { parentId: reply.id, author: 'Linus', at: minutesAgo(5) });
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    kith.fail = async (): Promise<Response | undefined> => {
      await gate;
      return undefined;
    };
    const el = await thread(kith.url);
    expect(root(el).querySelector('[part="skeleton"]')).to.exist;
    expect(text(root(el).querySelector('.visually-hidden'))).to.equal('Loading comments…');
    await expect(el).to.be.accessible();
    release();
    await ready(el);
    expect(text(root(el).querySelector('[part="heading"]'))).to.equal('3 comments');
    const [top, second, third] = articles(el);
    expect(text(top!.querySelector('[part="author"]'))).to.equal('Ada Lovelace');
    expect(text(top!.querySelector('[part="avatar"]'))).to.equal('AL');
    // Set at once with setHTML; where DOMPurify sanitizes instead, once it has loaded.
    await waitUntil(
      () => top!.querySelector('[part="body"]')!.innerHTML.includes('<strong>world</strong>'),
      'the body was not set',
    );
    const time = top!.querySelector('time')!;
    expect(text(time)).to.equal('3 hours ago');
    expect(time.title).to.match(/\d{4}/);
    expect(top!.querySelector<HTMLAnchorElement>('[part="time"]')!.getAttribute('href')).to.equal(
      `#kith-comment-${first.id}`,
    );
    // Replies nest inside their parent's article.
    expect(top!.contains(second!) && second!.contains(third!)).to.equal(true);
    expect(root(el).querySelector('img')).to.equal(null, 'no avatar request unless the site enables them');
    await expect(el).to.be.accessible();
  });

  it('says so when a thread is empty, and when it is closed (read-only)', async () => {
    const kith = memoryKith();
    const el = await thread(kith.url);
    await ready(el);
    expect(text(root(el).querySelector('[part="empty"]'))).to.equal('Be the first to comment.');
    expect(text(root(el).querySelector('[part="heading"]'))).to.equal('No comments yet');
    await expect(el).to.be.accessible();
    const closed = memoryKith();
    closed.add('/post', 'Old news');
    closed.closed.add('/post');
    const el2 = await thread(closed.url);
    await ready(el2);
    expect(text(root(el2).querySelector('[part="closed"]'))).to.equal('Comments are closed.');
    expect(button(el2, 'Write a comment…')).to.equal(undefined);
    expect(button(el2, 'Reply')).to.equal(undefined);
    await expect(el2).to.be.accessible();
  });

  it('explains a failure in words, with a retry that works', async () => {
    const kith = memoryKith();
    kith.add('/post', 'Finally');
    kith.fail = () => problem('internal-error', 500);
    const el = await thread(kith.url);
    await waitUntil(() => root(el).querySelector('[part="error"]'), 'no error shown');
    const error = root(el).querySelector('[part="error"]')!;
    expect(error.getAttribute('role')).to.equal('alert');
    expect(text(error)).to.contain('The comment server had a problem.');
    await expect(el).to.be.accessible();
    kith.fail = undefined;
    button(el, 'Try again')!.click();
    await ready(el);
    expect(text(articles(el)[0]!.querySelector('[part="body"]'))).to.equal('Finally');
  });

  it('tells a rate-limited reader how long to wait', async () => {
    const kith = memoryKith();
    kith.fail = () => problem('rate-limited', 429, undefined, { 'retry-after': '30' });
    const el = await thread(kith.url);
    await waitUntil(() => root(el).querySelector('[part="error"]'), 'no error shown', { timeout: 9000 });
    expect(text(root(el).querySelector('[part="error"]'))).to.contain('Try again in 30 s.');
    await expect(el).to.be.accessible();
  });

  it('loads the editor on first use, signs a guest in and posts in one step, and moves focus to the comment', async () => {
    const kith = memoryKith();
    const el = await thread(kith.url);
    await ready(el);
    expect(root(el).querySelector('textarea')).to.equal(null, 'no editor before the reader writes');
    const area = await write(el, 'My **first** comment', 'Margaret');
    await expect(el).to.be.accessible();
    area.dispatchEvent(
      new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true, composed: true }),
    );
    await waitUntil(() =>
      articles(el).some((a) => text(a.querySelector('[part="body"]')) === 'My first comment'),
    );
    await waitUntil(
      () => root(el).activeElement?.localName === 'article',
      'focus did not move to the comment',
    );
    expect(text(root(el).querySelector('[role="status"]'))).to.equal('Comment posted.');
    expect(root(el).querySelector('input[name="name"]'), 'no name asked again').to.equal(null);
    // Above the editor, still open: who they now write as, with a way out.
    expect(text(root(el).querySelector('.signed-in'))).to.match(/^Commenting as Margaret Sign out/);
    expect(kith.comments.length).to.equal(1);
    expect(area.value).to.equal('', 'the editor is empty again');
    await expect(el).to.be.accessible();
  });

  it('asks again for a name or a comment of nothing that shows; leaves out what no name holds, and isolates names', async () => {
    const kith = memoryKith();
    // A name from before, or from another backend, with a bidi override in it: it must not turn
    // the time beside it around.
    kith.add('/post', 'Hi', { author: '\u202eBob' });
    const el = await thread(kith.url);
    await ready(el);
    const author = articles(el)[0]!.querySelector('[part="author"]')!;
    expect(getComputedStyle(author).unicodeBidi).to.equal('isolate');
    const form = () => root(el).querySelector<HTMLFormElement>('[part="editor"]')!;
    const error = () => text(form().querySelector('.error'));
    await write(el, '\u200b\u200b', 'Mallory');
    form().requestSubmit();
    await waitUntil(() => error() === 'Write something first.', `said: ${error()}`);
    button(form(), 'Preview')!.click();
    await waitUntil(() => text(form().querySelector('.preview')) === 'Nothing to preview yet.', 'preview');
    button(form(), 'Write')!.click();
    await waitUntil(() => form().querySelector('textarea'), 'back to writing');
    await write(el, 'Real words', '\u3164'); // a Hangul filler: a name that shows nothing
    form().requestSubmit();
    await waitUntil(() => error() === 'Enter a name to post.', `said: ${error()}`);
    expect(kith.requests.filter((r) => r.method === 'POST')).to.have.length(0, 'nothing sent, nor previewed');
    await write(el, 'Real words', '\u202eMallory\u0007');
    form().requestSubmit();
    await waitUntil(() => kith.comments.length === 2, 'not posted');
    expect(kith.comments[1]!.author!.name).to.equal('Mallory');
  });

  it('keeps the draft through a reload and refuses empty or too long comments without losing text', async () => {
    const kith = memoryKith({ site: { limits: { ...memoryKith().site.limits, commentMaxLength: 20 } } });
    let el = await thread(kith.url);
    await ready(el);
    await write(el, 'Half a thought');
    el.remove();
    el = await thread(kith.url); // the page again
    await ready(el);
    await waitUntil(() => root(el).querySelector('textarea'), 'the draft did not reopen the editor');
    expect(root(el).querySelector('textarea')!.value).to.equal('Half a thought');
    const area = await write(el, 'This is far too long for this site', 'Tim');
    root(el).querySelector<HTMLFormElement>('[part="editor"]')!.requestSubmit();
    await waitUntil(() => root(el).querySelector('[part="editor"] .error'));
    expect(text(root(el).querySelector('[part="editor"] .error'))).to.contain('20 characters');
    expect(area.getAttribute('aria-invalid')).to.equal('true');
    expect(area.value).to.equal('This is far too long for this site');
    expect(kith.comments.length).to.equal(0);
  });

  it('loads nothing for writing until there is writing to do; a changed thread gets its own editors', async () => {
    const kith = memoryKith();
    const el = await thread(kith.url);
    await ready(el);
    await aTimeout(50);
    expect(root(el).querySelector('[part="editor"]')).to.equal(null);
    expect(text(root(el))).not.to.contain('Commenting as', 'no writer view for a reader who only reads');
    await write(el, 'About the first post');
    el.thread = '/another';
    await el.updateComplete;
    await ready(el);
    expect(el.store?.key).to.equal('/another');
    expect(root(el).querySelector('[part="editor"]')).to.equal(null, 'the first thread’s editor stayed open');
    expect(button(el, 'Write a comment…')).to.exist;
    el.thread = '/post';
    await waitUntil(() => root(el).querySelector('textarea'), 'the draft did not come back with its thread');
    expect(root(el).querySelector('textarea')!.value).to.equal('About the first post');
  });

  it('a comment the server refuses comes back in the editor with the reason, never lost', async () => {
    const kith = memoryKith();
    const el = await thread(kith.url);
    await ready(el);
    await write(el, 'Just in time?', 'Late');
    kith.closed.add('/post'); // closed while the reader was writing
    root(el).querySelector<HTMLFormElement>('[part="editor"]')!.requestSubmit();
    await waitUntil(() => root(el).querySelector('[part="editor"] .error'), 'no reason shown');
    expect(text(root(el).querySelector('[part="editor"] .error'))).to.equal('Comments are closed.');
    expect(root(el).querySelector('textarea')!.value).to.equal('Just in time?');
    expect(root(el).querySelector('[part~="comment-sending"]')).to.equal(null);
    expect(kith.comments.length).to.equal(0);
  });

  it('says why a write was refused in the reader’s language: a held edit, a reply to a removed comment', async () => {
    const kith = memoryKith();
    kith.add('/post', 'Question?', { author: 'Ann' });
    const el = await thread(kith.url, 'locale="de"');
    await ready(el);
    await waitUntil(() => button(articles(el)[0]!, 'Antworten'), 'German did not load');
    // A reply whose comment is deleted while it is written: kept, as a new comment's draft.
    button(articles(el)[0]!, 'Antworten')!.click();
    const replying = () =>
      root(el).querySelector<HTMLFormElement>('[part="editor"][aria-label="Antwort an Ann"]');
    await waitUntil(replying, 'no reply editor');
    replying()!.querySelector<HTMLInputElement>('input[name="name"]')!.value = 'Bo';
    const area = replying()!.querySelector('textarea')!;
    area.value = 'Gute Frage.';
    area.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    Object.assign(kith.comments[0]!, { deleted: true, markdown: '', html: '', author: null });
    replying()!.requestSubmit();
    const fresh = () =>
      root(el).querySelector<HTMLFormElement>('[part="editor"][aria-label="Dein Kommentar"]');
    await waitUntil(() => fresh()?.querySelector('.error'), 'the refused reply did not come back');
    expect(text(fresh()!.querySelector('.error'))).to.equal(
      'Der Kommentar, auf den du antworten wolltest, wurde entfernt. Dein Text bleibt hier als neuer Kommentar erhalten.',
    );
    expect(fresh()!.querySelector('textarea')!.value).to.equal('Gute Frage.');
    expect(kith.comments.length).to.equal(1);
    // Posted as a new comment, then edited into one the site would hold: refused, text kept.
    fresh()!.requestSubmit();
    await waitUntil(() => articles(el).length === 2, 'the new comment did not show');
    const mine = articles(el).find((a) => text(a.querySelector('[part="body"]')) === 'Gute Frage.')!;
    kith.fail = async (request) =>
      request.method === 'PATCH'
        ? problem('edit-held', 422, 'The comment has 2 links; this site holds comments with 2 or more.')
        : undefined;
    button(mine, 'Bearbeiten')!.click();
    await waitUntil(() => mine.querySelector('[part="editor"] textarea'), 'no edit editor');
    const edit = mine.querySelector('textarea')!;
    edit.value = 'Gute Frage: https://a.example https://b.example';
    edit.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    mine.querySelector<HTMLFormElement>('[part="editor"]')!.requestSubmit();
    await waitUntil(() => mine.querySelector('[part="editor"] .error'), 'no reason shown');
    expect(text(mine.querySelector('[part="editor"] .error'))).to.equal(
      'Die Website würde diese Änderung erst nach Freigabe zeigen. Sende sie stattdessen als neuen Kommentar; dein Text bleibt erhalten.',
    );
    expect(mine.querySelector('textarea')!.value).to.equal('Gute Frage: https://a.example https://b.example');
    expect(kith.comments.at(-1)!.markdown).to.equal('Gute Frage.');
    // Said once, beside the text: not again above the list, so a screen reader hears it once.
    expect(root(el).querySelector('[part="error"]')).to.equal(null);
    // A failure with no editor to show it (a reaction) is said above the list, in German too.
    kith.fail = async (request) =>
      request.url.endsWith('/reactions')
        ? problem('comment-deleted', 409, 'The comment was deleted.')
        : undefined;
    articles(el)[0]!.querySelector<HTMLButtonElement>('[part="reaction"]')!.click();
    await waitUntil(() => root(el).querySelector('[part="error"]'), 'the refused reaction was not shown');
    expect(text(root(el).querySelector('[part="error"]'))).to.equal('Diesen Kommentar gibt es nicht mehr.');
    await expect(el).to.be.accessible();
  });

  it('previews exactly what the server renders', async () => {
    const kith = memoryKith();
    const el = await thread(kith.url);
    await ready(el);
    await write(el, 'Some *emphasis*');
    button(el, 'Preview')!.click();
    await waitUntil(() => root(el).querySelector('.preview [part="body"] em'), 'no preview');
    expect(button(el, 'Preview')!.getAttribute('aria-pressed')).to.equal('true');
    await expect(el).to.be.accessible();
    button(el, 'Write')!.click();
    await waitUntil(() => root(el).querySelector('textarea'));
    expect(root(el).querySelector('textarea')!.value).to.equal('Some *emphasis*');
  });

  it('replies, reacts, edits and deletes the reader’s own comments', async () => {
    const kith = memoryKith();
    const other = kith.add('/post', 'Question?', { author: 'Ann' });
    const el = await thread(kith.url);
    await ready(el);
    button(articles(el)[0]!, 'Reply')!.click();
    await waitUntil(() => root(el).querySelector('[part="editor"][aria-label="Reply to Ann"]'));
    const form = root(el).querySelector<HTMLFormElement>('[part="editor"][aria-label="Reply to Ann"]')!;
    form.querySelector<HTMLInputElement>('input[name="name"]')!.value = 'Bo';
    const area = form.querySelector('textarea')!;
    area.value = 'Answer.';
    area.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    // An editor inside a comment shows its own changes at once (the comment itself did not change).
    button(form, 'Preview')!.click();
    await waitUntil(() => form.querySelector('.preview [part="body"]'), 'the reply’s preview did not show');
    button(form, 'Write')!.click();
    await waitUntil(
      () => form.querySelector('textarea')?.value === 'Answer.',
      'the reply’s text did not come back',
    );
    form.requestSubmit();
    await waitUntil(() => articles(el).length === 2, 'the reply did not show');
    const reply = articles(el)[1]!;
    expect(articles(el)[0]!.contains(reply)).to.equal(true);
    expect(kith.comments[1]!.parentId).to.equal(other.id);
    // Reactions: pressed state and count.
    const like = [...articles(el)[0]!.querySelectorAll<HTMLButtonElement>('[part="reaction"]')][0]!;
    like.click();
    await waitUntil(() => like.getAttribute('aria-pressed') === 'true');
    await waitUntil(() => text(like).includes('1'));
    // Its name is its emoji, said in the reader's language by their screen reader, not "+1".
    expect(like.getAttribute('aria-label')).to.equal('👍: 1');
    expect(kith.comments[0]!.reactions['+1']).to.equal(1);
    // Edit own reply.
    button(reply, 'Edit')!.click();
    await waitUntil(() => reply.querySelector('[part="editor"] textarea'));
    const editArea = reply.querySelector('textarea')!;
    expect(editArea.value).to.equal('Answer.');
    editArea.value = 'Better answer.';
    editArea.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    reply.querySelector<HTMLFormElement>('[part="editor"]')!.requestSubmit();
    await waitUntil(() => text(reply.querySelector('[part="body"]')) === 'Better answer.');
    expect(text(reply.querySelector('[part="edited"]'))).to.equal('(edited)');
    expect(button(articles(el)[0]!.querySelector('header')!.parentElement!, /^Edit$/)).to.exist; // own reply only
    // Delete, after confirming.
    button(reply, 'Delete')!.click();
    await waitUntil(() => text(reply).includes('Delete this comment?'));
    await expect(el).to.be.accessible();
    button(reply, 'Delete')!.click();
    await waitUntil(() => text(reply.querySelector('[part="body"]')) === 'This comment was deleted.');
    expect(text(root(el).querySelector('[part="heading"]'))).to.equal('1 comment');
  });

  it('a moderator approves and removes in the thread by keyboard, each said aloud; other readers get neither', async () => {
    const kith = memoryKith();
    kith.add('/post', 'Published by Ada', { author: 'Ada' });
    kith.addPending('/post', 'Waiting from Bea', 'Bea');
    kith.addPending('/post', 'Spam from Cy', 'Cy');
    localStorage.setItem(`kith:session:${kith.url}|blog`, JSON.stringify(kith.session('Mod', 'sso', true)));
    const el = await thread(kith.url);
    await ready(el);
    const article = (words: string) => () => articles(el).find((a) => text(a).includes(words));
    const bea = article('Waiting from Bea');
    await waitUntil(() => bea() && button(bea()!, 'Approve'), 'no Approve on a waiting comment');
    expect(text(bea()!)).to.contain('Awaiting moderation.');
    expect(text(bea()!)).not.to.contain('only you', 'not the author’s words');
    await expect(el).to.be.accessible();

    button(bea()!, 'Approve')!.focus();
    button(bea()!, 'Approve')!.click();
    await waitUntil(
      () => text(root(el).querySelector('[role="status"]')) === 'Approved. Everyone sees it now.',
      'approval not said',
    );
    await waitUntil(() => !text(bea()!).includes('Awaiting'), 'still shown as waiting');
    expect(kith.comments.find((c) => c.markdown === 'Waiting from Bea')!.status).to.equal('published');
    await waitUntil(() => root(el).activeElement === bea(), 'focus did not stay on the comment');

    const cy = article('Spam from Cy');
    button(cy()!, 'Remove')!.click();
    await waitUntil(
      () => root(el).activeElement?.textContent?.trim() === 'Remove',
      'focus not on the choice',
    );
    expect(cy()!.querySelector('[data-choice]')!.getAttribute('aria-label')).to.equal(
      'Reject this comment? It will not be published.',
    );
    button(cy()!.querySelector('[data-choice]')!, 'Remove and block its author')!.click();
    await waitUntil(() => !cy(), 'a rejected comment is gone');
    await waitUntil(
      () => root(el).activeElement?.localName === 'article',
      'focus did not move to a neighbouring comment',
    );
    await waitUntil(
      () =>
        text(root(el).querySelector('[role="status"]')) === 'Removed. Its author can no longer post here.',
      'the block not said',
    );
    expect(kith.requests.some((r) => r.method === 'PUT' && r.url.endsWith('/admin/users/u-Cy'))).to.equal(
      true,
    );

    const ada = article('Published by Ada');
    expect(button(ada()!, 'Report'), 'a moderator removes rather than reports').to.equal(undefined);
    button(ada()!, 'Remove')!.click();
    await waitUntil(() => ada()?.querySelector('[data-choice]'), 'no choice');
    expect(ada()!.querySelector('[data-choice]')!.getAttribute('aria-label')).to.equal(
      'Remove this comment? Its replies stay.',
    );
    button(ada()!.querySelector('[data-choice]')!, 'Remove')!.click();
    await waitUntil(() => kith.comments.find((c) => c.markdown === '' && c.deleted), 'not removed');
    expect(text(root(el).querySelector('[role="status"]'))).to.equal('Removed.');
    await expect(el).to.be.accessible();

    // A reader who is no moderator sees none of it.
    const site = memoryKith();
    site.add('/post', 'Published by Eve', { author: 'Eve' });
    site.addPending('/post', 'Another wait', 'Dee');
    localStorage.setItem(`kith:session:${site.url}|blog`, JSON.stringify(site.session('Sam')));
    const other = await thread(site.url);
    await ready(other);
    await waitUntil(() => text(root(other)).includes('Commenting as Sam'));
    expect(text(root(other))).not.to.contain('Another wait');
    expect(button(other, 'Approve')).to.equal(undefined);
    expect(button(other, 'Remove')).to.equal(undefined);
  });

  it('a moderator sees a comment that waits arrive live, said aloud, and approves it; others never see it', async () => {
    const kith = memoryKith();
    kith.site.moderation = 'pre';
    kith.add('/post', 'Published by Ada', { author: 'Ada' });
    localStorage.setItem(`kith:session:${kith.url}|blog`, JSON.stringify(kith.session('Mod', 'sso', true)));
    const el = await thread(kith.url);
    await ready(el);
    await waitUntil(() => text(root(el)).includes('Commenting as Mod'), 'the writer did not load');
    await waitUntil(() => el.store!.$state.get().live === 'open', 'not live');
    kith.add('/post', 'Arrived while watching', { author: 'Newcomer', status: 'pending' });
    const waiting = () => articles(el).find((a) => text(a).includes('Arrived while watching'));
    await waitUntil(() => waiting() && button(waiting()!, 'Approve'), 'the waiting comment did not arrive');
    expect(text(waiting()!)).to.contain('Awaiting moderation.');
    await waitUntil(
      () => text(root(el).querySelector('[role="status"]')) === 'A new comment awaits moderation.',
      `the arrival not said: ${text(root(el).querySelector('[role="status"]'))}`,
    );
    await expect(el).to.be.accessible();
    button(waiting()!, 'Approve')!.click();
    await waitUntil(() => !text(waiting()!).includes('Awaiting'), 'still shown as waiting');

    // Rejected by another moderator meanwhile: it leaves this page too.
    const spam = kith.add('/post', 'Spam, live', { author: 'Cy', status: 'pending' });
    await waitUntil(() => text(root(el)).includes('Spam, live'), 'the second did not arrive');
    await fetch(`${kith.url}/v1/sites/blog/admin/comments/${spam.id}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${kith.session('Other Mod', 'sso', true).token}` },
    });
    await waitUntil(() => !text(root(el)).includes('Spam, live'), 'a rejected comment stayed');

    // A reader who is no moderator: nothing of it arrives.
    const site = memoryKith();
    site.site.moderation = 'pre';
    localStorage.setItem(`kith:session:${site.url}|blog`, JSON.stringify(site.session('Sam')));
    const other = await thread(site.url);
    await ready(other);
    await waitUntil(() => other.store!.$state.get().live === 'open', 'not live');
    site.add('/post', 'Not for Sam', { author: 'Dee', status: 'pending' });
    site.add('/post', 'For everyone', { author: 'Eve' });
    await waitUntil(() => text(root(other)).includes('1 new comment'), 'the published one did not arrive');
    expect(text(root(other))).not.to.contain('Not for Sam');
  });

  it('a blocked reader is told in their language, and keeps their text', async () => {
    const kith = memoryKith();
    const mod = kith.session('Mod', 'sso', true);
    localStorage.setItem(`kith:session:${kith.url}|blog`, JSON.stringify(kith.session('Troll')));
    await fetch(`${kith.url}/v1/sites/blog/admin/users/u-Troll`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${mod.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ blocked: true }),
    });
    const el = await thread(kith.url, 'locale="de"');
    await ready(el);
    button(el, 'Kommentar schreiben…')!.click();
    await waitUntil(() => root(el).querySelector('[part="editor"]'), 'the editor did not open');
    await write(el, 'Noch ein Versuch');
    root(el).querySelector<HTMLFormElement>('[part="editor"]')!.requestSubmit();
    await waitUntil(
      () =>
        text(root(el).querySelector('[part="editor"]')).includes(
          'Diese Website hat dich für Beiträge gesperrt.',
        ),
      'the block not said in the reader’s language',
    );
    expect(root(el).querySelector('textarea')!.value).to.equal('Noch ein Versuch');
    expect(kith.comments.some((c) => c.markdown === 'Noch ein Versuch')).to.equal(false);
  });

  it('a signed-in reader reports another’s comment by keyboard: a reason, once, said aloud; never their own', async () => {
    const { kith, el } = await signedIn('Sam', [
      ['Buy cheap watches', 'Spammer'],
      ['My own words', 'Sam'],
    ]);
    const spam = () => articles(el).find((a) => text(a).includes('Buy cheap watches'))!;
    await waitUntil(() => spam() && button(spam(), 'Report'), 'no Report on another reader’s comment');
    const own = articles(el).find((a) => text(a).includes('My own words'))!;
    expect(button(own, 'Report')).to.equal(undefined, 'no Report on one’s own comment');
    button(spam(), 'Report')!.focus();
    button(spam(), 'Report')!.click();
    await waitUntil(
      () => root(el).activeElement?.textContent?.trim() === 'Spam',
      'focus did not move to the reasons',
    );
    const group = spam().querySelector('[role="group"]')!;
    expect(group.getAttribute('aria-label')).to.equal('Report this comment as:');
    expect([...group.querySelectorAll('button')].map((b) => text(b))).to.deep.equal([
      'Spam',
      'Abusive',
      'Off topic',
      'Something else',
      'Cancel',
    ]);
    await expect(el).to.be.accessible();
    // Cancel puts focus back on the comment and sends nothing.
    button(group as HTMLElement, 'Cancel')!.click();
    await waitUntil(() => root(el).activeElement === spam(), 'focus did not return to the comment');
    expect(kith.reports).to.deep.equal([]);
    button(spam(), 'Report')!.click();
    await waitUntil(() => button(spam(), 'Abusive'));
    button(spam(), 'Abusive')!.click();
    await waitUntil(
      () => text(spam().querySelector('[part="status"]')) === 'Reported',
      'not marked as reported',
    );
    expect(button(spam(), 'Report')).to.equal(undefined);
    expect(text(root(el).querySelector('[role="status"]'))).to.equal(
      'Reported. The site owner will look at it.',
    );
    expect(kith.reports).to.deep.equal([{ comment: kith.comments[0]!.id, by: 'Sam', reason: 'abuse' }]);
    await expect(el).to.be.accessible();
  });

  it('holds others’ new comments behind a button and announces them; replies arrive in place', async () => {
    const kith = memoryKith();
    const first = kith.add('/post', 'First');
    const el = await thread(kith.url);
    await ready(el);
    await waitUntil(() => el.store?.$state.get().live === 'open', 'not live');
    kith.add('/post', 'Breaking news', { author: 'Zoe' });
    await waitUntil(() => button(el, 'Show 1 new comment'), 'no new-comments button');
    expect(articles(el).length).to.equal(1, 'the page did not move');
    await waitUntil(() => text(root(el).querySelector('[role="status"]')) === '1 new comment');
    await expect(el).to.be.accessible();
    button(el, 'Show 1 new comment')!.click();
    await waitUntil(() => articles(el).length === 2);
    expect(text(articles(el)[0]!.querySelector('[part="body"]'))).to.equal('Breaking news');
    kith.add('/post', 'Live reply', { parentId: first.id });
    await waitUntil(() => articles(el).length === 3);
    expect(articles(el)[1]!.contains(articles(el)[2]!)).to.equal(true);
  });

  it('back after a drop, brings what it missed; when that news is gone, reads the thread again', async () => {
    const kith = memoryKith();
    const first = kith.add('/post', 'First');
    const el = await thread(kith.url);
    await ready(el);
    const streams = () => kith.requests.filter((r) => r.url.endsWith('/events')).length;
    await waitUntil(() => streams() === 1 && el.store?.$state.get().live === 'open', 'not live');
    kith.dropStreams();
    kith.add('/post', 'Said while away', { parentId: first.id });
    await waitUntil(() => articles(el).length === 2, 'the missed reply did not come', { timeout: 5000 });
    await waitUntil(() => streams() === 2 && el.store?.$state.get().live === 'open', 'not live again');
    // Away longer than the server keeps news: it says so, and the thread is read again.
    kith.dropStreams();
    kith.add('/post', 'Said while away longer', { parentId: first.id });
    kith.pruneEvents();
    await waitUntil(() => articles(el).length === 3, 'the thread was not read again', { timeout: 5000 });
    expect(articles(el).map((a) => text(a.querySelector('[part="body"]')))).to.deep.equal([
      'First',
      'Said while away',
      'Said while away longer',
    ]);
  });

  it('shows the reader’s comment once when the live stream brings it before the answer to the post', async () => {
    const { kith, el } = await signedIn('Ada', [['First', 'Bo']]);
    await waitUntil(() => el.store?.$state.get().live === 'open', 'not live');
    let answer: (() => void) | undefined;
    kith.answering = (request) =>
      request.method === 'POST' && request.url.endsWith('/comments')
        ? new Promise((resolve) => {
            answer = resolve;
          })
        : undefined;
    const area = await write(el, 'Said once');
    area.dispatchEvent(
      new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true, composed: true }),
    );
    const said = () => articles(el).filter((a) => text(a.querySelector('[part="body"]')) === 'Said once');
    const sending = () => said().filter((a) => a.matches('[part~="comment-sending"]'));
    await waitUntil(() => said().length > 0 && sending().length === 0, 'the stream’s news did not come');
    expect(answer, 'the answer to the post is still held').to.be.a('function');
    expect(said().length).to.equal(1, 'shown as the thread’s, not a second time as sending');
    answer!();
    await waitUntil(() => text(root(el).querySelector('[role="status"]')) === 'Comment posted.');
    expect(said().length).to.equal(1);
    expect(kith.comments.filter((c) => c.markdown === 'Said once').length).to.equal(1);
  });

  it('a reload keeps what the reader sees until it has read as far, and the list says it is busy meanwhile', async () => {
    const kith = memoryKith();
    for (let i = 0; i < 25; i++) kith.add('/post', `Comment ${i}`);
    const el = await thread(kith.url);
    await ready(el);
    button(el, 'Load more comments')!.click();
    await waitUntil(() => articles(el).length === 25, 'the second page did not come');
    let answer: (() => void) | undefined;
    kith.answering = (request) =>
      new URL(request.url).searchParams.has('cursor')
        ? new Promise((resolve) => {
            answer = resolve;
          })
        : undefined;
    const reloaded = el.store!.load(2); // as a stream's `reset` does
    await waitUntil(() => answer, 'the second page was not asked for');
    await el.updateComplete;
    const list = root(el).querySelector('[part="list"]')!;
    expect(list.getAttribute('aria-busy')).to.equal('true');
    expect(articles(el).length).to.equal(25, 'nothing goes while it reloads');
    answer!();
    await reloaded;
    await el.updateComplete;
    expect(list.getAttribute('aria-busy')).to.equal('false');
    expect(articles(el).length).to.equal(25);
  });

  it('stays still with live="false": no event stream', async () => {
    const kith = memoryKith();
    kith.add('/post', 'Quiet');
    const el = await thread(kith.url, 'live="false"');
    await ready(el);
    await aTimeout(100);
    expect(kith.requests.some((r) => r.url.endsWith('/events'))).to.equal(false);
    expect(el.live).to.equal(false);
    el.live = true;
    await waitUntil(() => el.store?.$state.get().live === 'open', 'did not go live when asked');
  });

  it('opens a permalink: loads the comment’s page, scrolls to it and highlights it', async () => {
    const kith = memoryKith();
    const old = kith.add('/post', 'Way back');
    let deep = old;
    for (let i = 0; i < 5; i++)
      deep = kith.add('/post', `level ${i + 1}`, { parentId: deep.id, author: `P${i}` });
    for (let i = 0; i < 25; i++) kith.add('/post', `later ${i}`);
    history.replaceState(null, '', `#kith-comment-${deep.id}`);
    const el = await thread(kith.url);
    await ready(el);
    await waitUntil(() => root(el).activeElement?.id === `kith-comment-${deep.id}`, 'not focused', {
      timeout: 5000,
    });
    const target = root(el).activeElement as HTMLElement;
    expect(target.getAttribute('part')).to.contain('comment-focused');
    await expect(el).to.be.accessible();
    // Past the indentation cap, replies are shown in place, saying whom they answer.
    expect(text(target.querySelector('[part="replying-to"]'))).to.equal('Replying to @P3');
  });

  // Both ways where the browser has setHTML (one is made to miss it); DOMPurify alone elsewhere.
  for (const native of 'setHTML' in Element.prototype ? [true, false] : [false]) {
    it(`never lets HTML from the server run (${native ? 'HTML Sanitizer API' : 'DOMPurify, where setHTML is missing'})`, async () => {
      const setHTML = (Element.prototype as { setHTML?: unknown }).setHTML;
      if (!native) delete (Element.prototype as { setHTML?: unknown }).setHTML;
      (window as { pwned?: boolean }).pwned = false;
      try {
        const evil = [
          '<p>hi<script>window.pwned=true</script></p>',
          '<img src=x onerror="window.pwned=true">',
          '<a href="javascript:window.pwned=true">click</a>',
          '<svg><script>window.pwned=true</script></svg>',
          '<math><mtext><table><mglyph><style><img src=x onerror="window.pwned=true">',
          '<p onclick="window.pwned=true" style="color:red">styled</p>',
          '<iframe srcdoc="<script>parent.pwned=true</script>"></iframe>',
          // The thread's own classes would let a body pass for something else (hidden, deleted).
          '<p class="visually-hidden">hidden</p><pre><code class="language-js">x</code></pre>',
        ];
        const kith = memoryKith({ html: (markdown) => evil[Number(markdown)]! });
        for (const [i] of evil.entries()) kith.add('/post', String(i));
        const el = await thread(kith.url);
        await ready(el);
        await waitUntil(() => root(el).querySelector('[part="body"] p'), 'bodies not set');
        await aTimeout(300);
        const bodies = [...root(el).querySelectorAll('[part="body"]')];
        const all = bodies.map((b) => b.innerHTML).join('\n');
        expect(all).to.not.match(/<(script|img|iframe|svg|math|style)/i);
        expect(all).to.not.match(/\son\w+=/i);
        expect(all).to.not.contain('javascript:');
        expect(all).to.not.contain('style=');
        expect(all).to.not.contain('class=');
        expect((window as { pwned?: boolean }).pwned).to.equal(false);
      } finally {
        if (!native) (Element.prototype as { setHTML?: unknown }).setHTML = setHTML;
      }
    });
  }

  it('a reader who signs in elsewhere on the page (the event card) is known at once, no reload', async () => {
    const kith = memoryKith();
    const el = await thread(kith.url);
    await ready(el);
    expect(text(root(el))).not.to.contain('Commenting as');
    await sessionFor(sharedClient({ server: kith.url, site: 'blog' })).signInAsGuest({ name: 'Eve' });
    await waitUntil(
      () => text(root(el)).includes('Commenting as Eve'),
      'the thread did not hear of the session',
    );
    await expect(el).to.be.accessible();
  });

  it('a reader signed in on the site is signed in here by the page’s token, once, and signed out with the site', async () => {
    const kith = memoryKith();
    const exchanges = () => kith.requests.filter((r) => r.url.endsWith('/sessions/sso')).length;
    try {
      setDefaults({ sso: ssoToken({ sub: '7', name: 'Member Mo' }) });
      const el = await thread(kith.url);
      await ready(el);
      await waitUntil(() => text(root(el)).includes('Commenting as Member Mo'), 'not signed in by the token');
      // Signing out is the site's: no Sign out button that would not last past the next page.
      expect(button(el, 'Sign out')).to.equal(undefined);
      await write(el, 'As a member');
      expect(root(el).querySelector('input[name="name"]'), 'no guest name asked').to.equal(null);
      root(el).querySelector<HTMLFormElement>('[part="editor"]')!.requestSubmit();
      await waitUntil(() => kith.comments.some((c) => c.markdown === 'As a member'), 'not posted');
      expect(kith.comments.find((c) => c.markdown === 'As a member')!.author!.name).to.equal('Member Mo');
      await expect(el).to.be.accessible();

      // The next page, with a fresh token for the same reader: nothing to exchange.
      el.remove();
      setDefaults({ sso: ssoToken({ sub: '7', name: 'Member Mo' }, 'fresh') });
      const next = await thread(kith.url);
      await waitUntil(
        () => text(root(next)).includes('Commenting as Member Mo'),
        'not signed in on the next page',
      );
      expect(exchanges()).to.equal(1);

      // The reader signed out on the site: the page says so with an empty token.
      next.remove();
      setDefaults({ sso: '' });
      const after = await thread(kith.url);
      await waitUntil(
        () => !sessionFor(sharedClient({ server: kith.url, site: 'blog' })).$session.get(),
        'still signed in',
      );
      await ready(after);
      expect(text(root(after))).not.to.contain('Commenting as');
    } finally {
      setDefaults({ sso: undefined });
    }
  });

  it('a reader signed out elsewhere meanwhile still reads the thread, with no error, signed out here too', async () => {
    const kith = memoryKith();
    kith.add('/post', 'Still here to read');
    const session = kith.session('Ex');
    localStorage.setItem(`kith:session:${kith.url}|blog`, JSON.stringify(session));
    // The site's sign-out, in another tab, revokes the token this page still holds.
    await fetch(`${kith.url}/v1/sites/blog/sessions/current`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${session.token}` },
    });
    const el = await thread(kith.url);
    await ready(el);
    expect(root(el).querySelector('[part="error"]'), 'nothing to tell the reader').to.equal(null);
    expect(text(root(el))).to.contain('Still here to read');
    expect(localStorage.getItem(`kith:session:${kith.url}|blog`)).to.equal(null);
    await waitUntil(() => !text(root(el)).includes('Commenting as'), 'still shown as signed in');
    await expect(el).to.be.accessible();
  });

  it('a token the server refuses is said in the console, and the reader can still comment as a guest', async () => {
    const kith = memoryKith();
    const warn = console.warn;
    const warnings: string[] = [];
    console.warn = (message: string) => warnings.push(message);
    try {
      setDefaults({ sso: ssoToken({ sub: '8', name: 'Nope' }, 'forged') });
      const el = await thread(kith.url);
      await ready(el);
      await waitUntil(() => warnings.length > 0, 'nothing said');
      expect(warnings[0]).to.contain('sign-in token was refused');
      expect(warnings[0]).to.contain('signature does not match');
      expect(warnings[0]).not.to.contain('forged');
      await write(el, 'As a guest', 'Guest Gil');
      root(el).querySelector<HTMLFormElement>('[part="editor"]')!.requestSubmit();
      await waitUntil(() => kith.comments.some((c) => c.markdown === 'As a guest'), 'not posted');
    } finally {
      console.warn = warn;
      setDefaults({ sso: undefined });
    }
  });

  it('after a reload: a signed-in reader gets their own actions, an unsent comment is still there and goes out once', async () => {
    const kith = memoryKith();
    let el = await thread(kith.url);
    await ready(el);
    await write(el, 'Mine to change', 'Bo');
    root(el).querySelector<HTMLFormElement>('[part="editor"]')!.requestSubmit();
    await waitUntil(() => articles(el).some((a) => text(a).includes('Mine to change')), 'not posted');
    el.remove();
    el = await thread(kith.url); // the page again: signed in, nothing to send
    await ready(el);
    await waitUntil(() => button(el, 'Edit'), 'no Edit on the reader’s own comment after the reload');
    expect(text(root(el))).to.contain('Commenting as Bo');
    expect(root(el).querySelector('[part="editor"]')).to.equal(null, 'no editor until they write');
    kith.fail = (request) =>
      request.url.includes('/comments') ? Promise.reject(new TypeError('offline')) : undefined;
    await write(el, 'Written offline');
    root(el).querySelector<HTMLFormElement>('[part="editor"]')!.requestSubmit();
    await waitUntil(() => root(el).querySelector('[part~="comment-sending"] [role="alert"]'), 'not queued', {
      timeout: 9000,
    });
    el.remove();
    el = await thread(kith.url); // and again, still offline
    await ready(el);
    await waitUntil(() => root(el).querySelector('[part~="comment-sending"]'), 'the unsent comment is gone');
    expect(text(root(el).querySelector('[part~="comment-sending"]'))).to.contain('Written offline');
    kith.fail = undefined;
    await waitUntil(() => root(el).querySelector('[part~="comment-sending"] [role="alert"]'), 'not queued', {
      timeout: 9000,
    });
    button(root(el).querySelector('[part~="comment-sending"]')!, 'Send now')!.click();
    await waitUntil(() => !root(el).querySelector('[part~="comment-sending"]'), 'still queued', {
      timeout: 9000,
    });
    expect(kith.comments.map((c) => c.markdown)).to.deep.equal(['Mine to change', 'Written offline']);
  });

  it('keeps a post made offline and sends it, once, when the connection is back', async () => {
    const kith = memoryKith();
    const el = await thread(kith.url);
    await ready(el);
    await write(el, 'Sent from a tunnel', 'Rex');
    // Signed in, then the network goes.
    kith.fail = (request) =>
      request.url.includes('/comments') ? Promise.reject(new TypeError('offline')) : undefined;
    root(el).querySelector<HTMLFormElement>('[part="editor"]')!.requestSubmit();
    await waitUntil(
      () => root(el).querySelector('[part~="comment-sending"] [role="alert"]'),
      'not shown as queued',
      {
        timeout: 9000,
      },
    );
    const queued = root(el).querySelector('[part~="comment-sending"]')!;
    expect(text(queued)).to.contain('Sent from a tunnel');
    expect(text(queued)).to.contain('Not sent yet');
    await expect(el).to.be.accessible();
    kith.fail = undefined;
    button(queued, 'Send now')!.click();
    await waitUntil(() => !root(el).querySelector('[part~="comment-sending"]'), 'still queued', {
      timeout: 9000,
    });
    expect(kith.comments.map((c) => c.markdown)).to.deep.equal(['Sent from a tunnel']);
  });

  it('on a moderated site, says so before posting, and says the comment waits once sent', async () => {
    const kith = memoryKith({ site: { moderation: 'pre' } });
    const el = await thread(kith.url);
    await ready(el);
    const area = await write(el, 'Held for review', 'Margaret');
    const hint = root(el).querySelector<HTMLElement>(
      `#${area.getAttribute('aria-describedby')!.split(' ')[0]}`,
    )!;
    expect(text(hint)).to.contain('Comments are reviewed before they appear.');
    area.dispatchEvent(
      new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true, composed: true }),
    );
    await waitUntil(
      () => articles(el).some((a) => text(a).includes('Awaiting moderation')),
      'not shown as waiting',
    );
    await waitUntil(
      () =>
        text(root(el).querySelector('[role="status"]')) ===
        'Comment sent. It will appear once the site approves it.',
      'the wait was not announced',
    );
    await expect(el).to.be.accessible();
    // Where only newcomers wait, the note says so.
    const first = await thread(memoryKith({ site: { moderation: 'first' } }).url);
    await ready(first);
    const area2 = await write(first, 'Hello');
    const note = root(first).querySelector<HTMLElement>(
      `#${area2.getAttribute('aria-describedby')!.split(' ')[0]}`,
    )!;
    expect(text(note)).to.contain('A first comment is reviewed before it appears.');
    expect(text(note)).to.not.contain('Comments are reviewed');
  });

  it('tells the author live what became of their waiting comment: approved, or removed', async () => {
    const kith = memoryKith({ site: { moderation: 'pre' } });
    const el = await thread(kith.url);
    await ready(el);
    const status = () => text(root(el).querySelector('[role="status"]'));
    const moderate = (id: string, approve: boolean) =>
      fetch(`${kith.url}/v1/sites/blog/admin/comments/${id}${approve ? '/approve' : ''}`, {
        method: approve ? 'POST' : 'DELETE',
        headers: { authorization: `Bearer ${kith.session('Mod', 'sso', true).token}` },
      });
    const send = async (markdown: string, name?: string) => {
      const area = await write(el, markdown, name);
      area.dispatchEvent(
        new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true, composed: true }),
      );
      await waitUntil(
        () => status() === 'Comment sent. It will appear once the site approves it.',
        'not sent',
      );
      // Signed in as a guest to post: the stream follows with their session.
      await waitUntil(() => el.store!.$state.get().live === 'open', 'not live');
      return kith.comments.find((c) => c.markdown === markdown)!;
    };
    const shown = (markdown: string) => articles(el).find((a) => text(a).includes(markdown));

    const good = await send('Worth approving', 'Wren');
    await moderate(good.id, true);
    await waitUntil(
      () => status() === 'Your comment was approved. Everyone sees it now.',
      `not said: ${status()}`,
    );
    expect(text(shown('Worth approving')!)).not.to.contain('Awaiting moderation');

    const bad = await send('Not worth it');
    await moderate(bad.id, false);
    await waitUntil(
      () => status() === 'Your comment awaiting moderation was removed.',
      `not said: ${status()}`,
    );
    expect(shown('Not worth it')).to.equal(undefined);
    await expect(el).to.be.accessible();
  });

  it('lets a signed-in reader download a copy of their data as a JSON file', async () => {
    const { el } = await signedInAsAda();
    await waitUntil(() => button(el, 'Download my data'), 'no way to get a copy');
    // The file the browser would save: caught where the page makes its address.
    const saved: Blob[] = [];
    const make = URL.createObjectURL;
    URL.createObjectURL = (blob: Blob) => {
      saved.push(blob);
      return make(blob);
    };
    try {
      button(el, 'Download my data')!.click();
      await waitUntil(
        () => text(root(el).querySelector('[role="status"]')) === 'Your data was downloaded.',
        'not said',
      );
    } finally {
      URL.createObjectURL = make;
    }
    expect(saved.length).to.equal(1);
    expect(saved[0]!.type).to.equal('application/json');
    const data = JSON.parse(await saved[0]!.text());
    expect(data.user.name).to.equal('Ada');
    expect(data.comments.map((c: { markdown: string }) => c.markdown)).to.deep.equal(['Words of mine']);
  });

  it('lets a signed-in reader erase themselves, asking first, by keyboard; their comments go and they are signed out', async () => {
    const { kith, el } = await signedInAsAda();
    await waitUntil(() => button(el, 'Delete my comments and name'), 'no way to erase oneself');
    button(el, 'Delete my comments and name')!.click();
    await waitUntil(() => root(el).querySelector('[data-choice]'), 'not asked first');
    const choice = root(el).querySelector<HTMLElement>('[data-choice]')!;
    expect(choice.getAttribute('aria-label')).to.contain('This cannot be undone.');
    expect(root(el).activeElement).to.equal(button(choice, 'Delete everything'));
    await expect(el).to.be.accessible();
    button(choice, 'Cancel')!.click();
    await waitUntil(
      () => root(el).activeElement === button(el, 'Delete my comments and name'),
      'focus did not come back',
    );
    expect(text(root(el))).to.contain('Words of mine');

    button(el, 'Delete my comments and name')!.click();
    await waitUntil(() => root(el).querySelector('[data-choice]'));
    button(root(el).querySelector('[data-choice]')!, 'Delete everything')!.click();
    await waitUntil(
      () =>
        text(root(el).querySelector('[role="status"]')) ===
        'Everything you wrote on this site was deleted, and your name forgotten.',
      'not said',
    );
    await waitUntil(() => !text(root(el)).includes('Words of mine'), 'their comment stayed');
    expect(text(root(el))).to.contain('This comment was deleted.');
    expect(text(root(el))).to.contain('Someone else’s');
    expect(text(root(el))).not.to.contain('Commenting as Ada');
    expect(localStorage.getItem(`kith:session:${kith.url}|blog`)).to.equal(null);
  });

  it('where the site asks guests for a proof of work, solves it while they write and posts with it, once', async () => {
    const kith = memoryKith({ site: { proofOfWork: 'guests' } });
    const el = await thread(kith.url);
    await ready(el);
    const challenges = () => kith.requests.filter((r) => r.url.endsWith('/challenge')).length;
    const area = await write(el, 'Proven by work', 'Margaret');
    await waitUntil(() => challenges() === 1, 'solving did not start while the reader wrote');
    area.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    area.dispatchEvent(
      new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true, composed: true }),
    );
    await waitUntil(() =>
      articles(el).some((a) => text(a.querySelector('[part="body"]')) === 'Proven by work'),
    );
    await waitUntil(() => text(root(el).querySelector('[role="status"]')) === 'Comment posted.', 'not said');
    const posts = kith.requests.filter((r) => r.method === 'POST' && r.url.endsWith('/comments'));
    expect(posts.length).to.equal(1, 'posted once, with its proof at the first try');
    expect(posts[0]!.headers.get('kith-proof')).to.be.a('string');
    expect(challenges()).to.equal(1, 'one challenge for one comment');

    // A proof the server refuses (say it expired on a laptop left asleep) is solved again and the
    // comment goes out once; the text is never lost.
    let refusals = 1;
    kith.fail = (request) =>
      request.method === 'POST' && request.url.endsWith('/comments') && refusals-- > 0
        ? new Response(
            JSON.stringify({ type: 'urn:kith:problem:proof-invalid', title: 'Expired', status: 403 }),
            {
              status: 403,
              headers: { 'content-type': 'application/problem+json' },
            },
          )
        : undefined;
    const again = await write(el, 'Second try');
    again.dispatchEvent(
      new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true, composed: true }),
    );
    // The server has it (its row shows at once, while it is still on its way, proof solved again).
    await waitUntil(() => kith.comments.length === 2, 'the second comment never reached the server');
    expect(kith.comments.map((c) => c.markdown)).to.deep.equal(['Proven by work', 'Second try']);
    await waitUntil(() =>
      articles(el).some(
        (a) =>
          text(a.querySelector('[part="body"]')) === 'Second try' &&
          !a.getAttribute('part')!.includes('comment-sending'),
      ),
    );
    await expect(el).to.be.accessible();
  });

  it('marks the reader’s own comments awaiting moderation, replies included, for them only', async () => {
    const kith = memoryKith();
    const top = kith.add('/post', 'Published', { author: 'Ann' });
    kith.addPending('/post', 'My pending reply', 'Sam', top.id);
    kith.addPending('/post', 'My pending comment', 'Sam');
    localStorage.setItem(`kith:session:${kith.url}|blog`, JSON.stringify(kith.session('Sam')));
    const el = await thread(kith.url);
    await ready(el);
    const pending = articles(el).filter((a) => a.getAttribute('part')!.includes('comment-pending'));
    expect(pending.map((a) => text(a.querySelector('[part="body"]')))).to.have.members([
      'My pending comment',
      'My pending reply',
    ]);
    for (const article of pending) {
      expect(text(article.querySelector('[part="status"]'))).to.equal(
        'Awaiting moderation: only you can see this.',
      );
    }
    expect(articles(el)[1]!.contains(pending.find((a) => text(a).includes('reply'))!)).to.equal(true);
    expect(text(root(el).querySelector('[part="heading"]'))).to.equal('1 comment');
    await expect(el).to.be.accessible();
  });

  it('on a site without guest comments, asks readers to sign in and keeps their text', async () => {
    const kith = memoryKith({ site: { features: { ...memoryKith().site.features, guests: false } } });
    const el = await thread(kith.url);
    await ready(el);
    button(el, 'Write a comment…')!.click();
    await waitUntil(() => root(el).querySelector('[part="editor"]'));
    const editor = root(el).querySelector<HTMLFormElement>('[part="editor"]')!;
    expect(editor.querySelector('input[name="name"]')).to.equal(null);
    expect(text(editor.querySelector('[role="note"]'))).to.contain('Sign in on this site');
    const area = editor.querySelector('textarea')!;
    area.value = 'Kept for later';
    area.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    editor.requestSubmit();
    await waitUntil(() => editor.querySelector('.error'));
    expect(area.value).to.equal('Kept for later');
    expect(kith.comments.length).to.equal(0);
    await expect(el).to.be.accessible();
  });

  it('takes the surrounding text’s size, not the root’s (a 62.5 % root would make comments tiny)', async () => {
    const kith = memoryKith();
    kith.add('/post', 'Hello');
    const el = await thread(kith.url, '', 'font-size: 20px');
    await ready(el);
    expect(getComputedStyle(articles(el)[0]!.querySelector('[part="body"]')!).fontSize).to.equal('20px');
  });

  it('fits a phone’s width: a name or a link with no place to break wraps', async () => {
    const long = 'Averyveryverylongnamewithoutaspace'.repeat(2).slice(0, 64); // the longest name there is
    const kith = memoryKith();
    kith.add('/post', `See https://example.com/${'a'.repeat(120)}`, { author: long });
    localStorage.setItem(`kith:session:${kith.url}|blog`, JSON.stringify(kith.session(long)));
    const el = await thread(kith.url, '', 'width: 320px');
    await ready(el);
    // Signed in: "Commenting as" shows the name too.
    await waitUntil(() => text(root(el).querySelector('.signed-in')).includes(long), 'no "Commenting as"');
    await waitUntil(
      () => text(articles(el)[0]?.querySelector('[part="body"]')).includes('example.com'),
      'no body',
    );
    expect(el.scrollWidth, 'the thread is wider than its 320px').to.equal(el.clientWidth);
  });

  it('a sort the server does not know is newest first, as HTML treats an unknown value, not an error for readers', async () => {
    const kith = memoryKith();
    kith.add('/post', 'Older', { at: minutesAgo(60) });
    kith.add('/post', 'Newer', { at: minutesAgo(1) });
    const el = await thread(kith.url, 'sort="latest"');
    await ready(el);
    expect(articles(el).map((a) => text(a.querySelector('[part="body"]')))).to.deep.equal(['Newer', 'Older']);
    expect(button(el, 'Newest')!.getAttribute('aria-pressed')).to.equal('true');
    expect(root(el).querySelector('[part="error"]')).to.equal(null);
    expect(
      kith.requests.every((r) => !r.url.includes('sort=latest')),
      'asked the server for it',
    ).to.equal(true);
  });

  it('keeps what the reader is doing when the theme or the language changes: no reload', async () => {
    const kith = memoryKith();
    kith.add('/post', 'Hello');
    const el = await thread(kith.url);
    await ready(el);
    const area = await write(el, 'Half written');
    const reads = () => kith.requests.filter((r) => r.method === 'GET' && r.url.includes('/threads/')).length;
    const before = reads();
    // A page's dark switch, then the reader's language.
    el.setAttribute('theme', 'dark');
    await el.updateComplete;
    expect(getComputedStyle(el).colorScheme).to.equal('dark');
    el.setAttribute('locale', 'de');
    await waitUntil(() => text(root(el).querySelector('[part="heading"]')) === '1 Kommentar', 'German');
    expect(root(el).querySelector('textarea'), 'the same editor, still open').to.equal(area);
    expect(area.value).to.equal('Half written');
    expect(reads()).to.equal(before, 'the thread was not read again');
  });

  it('speaks the reader’s language, right to left in Arabic', async () => {
    const kith = memoryKith();
    kith.add('/post', 'مرحبا');
    kith.add('/post', 'hallo');
    const el = await thread(kith.url, 'locale="ar"');
    await ready(el);
    await waitUntil(
      () => text(root(el).querySelector('[part="heading"]')) === 'تعليقان',
      'Arabic did not load',
    );
    expect(root(el).querySelector('[part="base"]')!.getAttribute('dir')).to.equal('rtl');
    // Every comment's own buttons too, once the translation has arrived (not only the header).
    await waitUntil(() => button(articles(el)[0]!, 'رد'), 'the comments kept English buttons');
    // Each comment's text takes its own direction: English in an Arabic page stays left to right.
    expect(articles(el)[0]!.querySelector('[part="body"]')!.getAttribute('dir')).to.equal('auto');
    // Past the indentation cap, "@Bob" reads as one, the sign before the name: not "Bob@".
    const replies = memoryKith();
    const hallo = replies.add('/post', 'hallo');
    const bob = replies.add('/post', 'hi', { parentId: hallo.id, author: 'Bob' });
    replies.add('/post', 'أهلا', { parentId: bob.id, author: 'نور' });
    const said = await thread(replies.url, 'locale="ar" max-depth="1"');
    await ready(said);
    await waitUntil(() => root(said).querySelector('[part="replying-to"]'), 'no "replying to"');
    const replyingTo = root(said).querySelector('[part="replying-to"]')!;
    expect(drawnAt(replyingTo, '@').right).to.be.at.most(drawnAt(replyingTo, 'Bob').left + 1);
    const de = await thread(kith.url, 'locale="de"');
    await ready(de);
    await waitUntil(
      () => text(root(de).querySelector('[part="heading"]')) === '2 Kommentare',
      'German did not load',
    );
    expect(button(de, 'Kommentar schreiben…')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('on a page in a language it has no words for, says its own words are English, and the comments the page’s', async () => {
    const kith = memoryKith();
    kith.add('/post', 'Ciao a tutti');
    const italian = await fixture<HTMLElement>(
      `<div lang="it"><kith-thread server="${kith.url}" site="blog" thread="/post"></kith-thread></div>`,
    );
    const el = italian.querySelector('kith-thread')!;
    await ready(el);
    expect(text(root(el).querySelector('[part="heading"]'))).to.equal('1 comment');
    expect(root(el).querySelector('[part="base"]')!.getAttribute('lang')).to.equal('en');
    const comment = articles(el)[0]!;
    expect(comment.querySelector('[part="body"]')!.getAttribute('lang')).to.equal('it');
    // Dates come from the browser in the reader's language: said as such.
    expect(comment.querySelector('time')!.getAttribute('lang')).to.equal('it');
    // In the editor, the words are English; what the reader writes is Italian, spell-checked as such.
    button(el, 'Write a comment…')!.click();
    await waitUntil(() => root(el).querySelector('textarea'), 'the editor did not load');
    expect(root(el).querySelector('[part="editor"]')!.getAttribute('lang')).to.equal('en');
    expect(root(el).querySelector('textarea')!.getAttribute('lang')).to.equal('it');
    await expect(el).to.be.accessible();

    // German words on the same Italian page, as a site may configure: the comments stay Italian.
    const de = await fixture<HTMLElement>(
      `<div lang="it"><kith-thread server="${kith.url}" site="blog" thread="/post" locale="de"></kith-thread></div>`,
    );
    const german = de.querySelector('kith-thread')!;
    await ready(german);
    await waitUntil(
      () => text(root(german).querySelector('[part="heading"]')) === '1 Kommentar',
      'German did not load',
    );
    expect(root(german).querySelector('[part="base"]')!.getAttribute('lang')).to.equal('de');
    expect(articles(german)[0]!.querySelector('[part="body"]')!.getAttribute('lang')).to.equal('it');
    expect(articles(german)[0]!.querySelector('time')!.getAttribute('lang')).to.equal('de');
  });
});
