// Server rendering, as Next.js, Remix, Astro or SvelteKit do it: the app's modules, Kith's elements
// among them, are loaded in Node (no DOM) and rendered to HTML; the browser upgrades the tags.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { ssrVite } from '../../../scripts/lib/ssr-vite.mjs';

describe('React example: rendered on the server', () => {
  let vite;
  before(async () => {
    vite = await ssrVite(new URL('..', import.meta.url));
  });
  after(() => vite?.close());

  it('imports every element in Node and renders their tags with their attributes', async () => {
    const { App } = await vite.ssrLoadModule('/src/App.tsx');
    await import('@kith/elements');
    await import('@kith/elements/rsvp.js');
    const html = renderToString(createElement(App, { server: 'https://comments.example', site: 'react' }));
    assert.match(html, /<kith-config server="https:\/\/comments\.example" site="react">/);
    assert.match(html, /<kith-comment-count thread="\/posts\/hello" format="short"><\/kith-comment-count>/);
    assert.match(
      html,
      /<kith-share networks="x reddit email copy" layout="icons" share-title="Hello from React">/,
    );
    assert.match(html, /<kith-thread thread="\/posts\/hello" sort="old"><\/kith-thread>/);
  });
});
