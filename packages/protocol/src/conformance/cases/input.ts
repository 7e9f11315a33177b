import { check, expectProblem } from '../assert.js';
import type { Case, Suite } from '../context.js';

export function inputCases(s: Suite): Case[] {
  return [
    {
      name: 'malformed JSON: 400 invalid-json',
      async run() {
        const guest = await s.guest();
        const url = `${s.threadPath(s.newThreadKey())}/comments`;
        for (const raw of ['{', '{"markdown": "x",}', 'undefined', '']) {
          expectProblem(await s.call(url, { method: 'POST', token: guest.token, raw }), 'invalid-json', 400);
        }
      },
    },
    {
      name: 'wrong types and unknown fields: 422 with JSON pointers',
      async run() {
        const guest = await s.guest();
        const url = `${s.threadPath(s.newThreadKey())}/comments`;
        const cases: [unknown, string][] = [
          [{ markdown: 42 }, '/body/markdown'],
          [{ markdown: 'x', parentId: 7 }, '/body/parentId'],
          [{ markdown: 'x', extra: 1 }, '/body/extra'],
          [['markdown'], '/body'],
          [null, '/body'],
        ];
        for (const [body, pointer] of cases) {
          const reply = await s.call(url, { method: 'POST', token: guest.token, body });
          expectProblem(reply, 'validation-failed', 422);
          const pointers = (reply.body.errors ?? []).map((e: { pointer: string }) => e.pointer);
          check(
            pointers.some((p: string) => p.startsWith(pointer)),
            `expected an error at ${pointer}, got ${pointers}`,
          );
        }
      },
    },
    {
      name: 'text containing U+0000 (NUL): 422 with its pointer',
      async run() {
        const guest = await s.guest();
        const url = `${s.threadPath(s.newThreadKey())}/comments`;
        const reply = await s.call(url, {
          method: 'POST',
          token: guest.token,
          body: { markdown: 'a\u0000b' },
        });
        expectProblem(reply, 'validation-failed', 422);
        const pointers = (reply.body.errors ?? []).map((e: { pointer: string }) => e.pointer);
        check(pointers.includes('/body/markdown'), `expected an error at /body/markdown, got ${pointers}`);
        const named = await s.call(`${s.sitePath}/sessions`, { method: 'POST', body: { name: 'Nul\u0000' } });
        expectProblem(named, 'validation-failed', 422);
      },
    },
    {
      name: 'body that is not JSON: 415',
      async run() {
        const guest = await s.guest();
        const reply = await s.call(`${s.threadPath(s.newThreadKey())}/comments`, {
          method: 'POST',
          token: guest.token,
          raw: 'markdown=hi',
          contentType: 'application/x-www-form-urlencoded',
        });
        expectProblem(reply, 'unsupported-media-type', 415);
      },
    },
    {
      name: 'body over 64 KB: 413',
      async run() {
        const guest = await s.guest();
        const reply = await s.call(`${s.threadPath(s.newThreadKey())}/comments`, {
          method: 'POST',
          token: guest.token,
          body: { markdown: 'x'.repeat(70 * 1024) },
        });
        expectProblem(reply, 'payload-too-large', 413);
        const after = await s.call(s.sitePath);
        check(after.status === 200, 'the server still answers after a large body');
      },
    },
    {
      name: 'empty (nothing that shows) and over-long comments: 422',
      async run() {
        const site = await s.site();
        const guest = await s.guest();
        const url = `${s.threadPath(s.newThreadKey())}/comments`;
        for (const markdown of ['', '   ', '\n\t\n', '\u200b\u200b']) {
          const reply = await s.call(url, { method: 'POST', token: guest.token, body: { markdown } });
          expectProblem(reply, 'validation-failed', 422);
        }
        const max = site.limits.commentMaxLength;
        if (max < 60000) {
          const reply = await s.call(url, {
            method: 'POST',
            token: guest.token,
            body: { markdown: 'é'.repeat(max + 1) },
          });
          expectProblem(reply, 'validation-failed', 422);
          const ok = await s.call(url, {
            method: 'POST',
            token: guest.token,
            body: { markdown: '😀'.repeat(Math.min(max, 1000)) },
          });
          check(
            ok.status === 201,
            `a comment at the limit, counted in characters, is taken (got ${ok.status})`,
          );
        }
      },
    },
    {
      name: 'unsupported sort, bad limits and unknown query members: 422',
      async run() {
        const path = s.threadPath(s.newThreadKey());
        for (const q of [
          'sort=best',
          'limit=0',
          'limit=101',
          'limit=ten',
          'sort=new&sort=old',
          'colour=red',
        ]) {
          expectProblem(await s.call(`${path}?${q}`), 'validation-failed', 422);
        }
      },
    },
    {
      name: 'invalid or tampered cursor: 400 invalid-cursor',
      async run() {
        const guest = await s.guest();
        const key = s.newThreadKey();
        for (let i = 0; i < 3; i++) await s.post(key, guest.token, `c${i}`);
        const first = await s.call(`${s.threadPath(key)}?limit=1&sort=old`);
        const cursor: string = first.body.nextCursor;
        check(typeof cursor === 'string', 'a page with more comments has a nextCursor');
        const tampered = cursor.slice(0, 3) + (cursor[3] === 'A' ? 'B' : 'A') + cursor.slice(4);
        expectProblem(
          await s.call(`${s.threadPath(key)}?sort=old&cursor=${encodeURIComponent(tampered)}`),
          'invalid-cursor',
          400,
        );
        expectProblem(await s.call(`${s.threadPath(key)}?sort=old&cursor=garbage`), 'invalid-cursor', 400);
        // A cursor is bound to its sort order and its thread.
        expectProblem(
          await s.call(`${s.threadPath(key)}?sort=new&cursor=${encodeURIComponent(cursor)}`),
          'invalid-cursor',
          400,
        );
        const other = s.newThreadKey();
        await s.post(other, guest.token, 'elsewhere');
        expectProblem(
          await s.call(`${s.threadPath(other)}?sort=old&cursor=${encodeURIComponent(cursor)}`),
          'invalid-cursor',
          400,
        );
      },
    },
  ];
}
