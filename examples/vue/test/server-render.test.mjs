// Server rendering, as Nuxt does it: the app's modules, Kith's elements among them, are loaded in
// Node (no DOM) and rendered to HTML; the browser upgrades the tags.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createSSRApp } from 'vue';
import { renderToString } from 'vue/server-renderer';
import { ssrVite } from '../../../scripts/lib/ssr-vite.mjs';

describe('Vue example: rendered on the server', () => {
  let vite;
  before(async () => {
    vite = await ssrVite(new URL('..', import.meta.url));
  });
  after(() => vite?.close());

  it('imports every element in Node and renders their tags with their attributes', async () => {
    const { default: App } = await vite.ssrLoadModule('/src/App.vue');
    await import('@kith/elements');
    await import('@kith/elements/rsvp.js');
    const html = await renderToString(createSSRApp(App, { server: 'https://comments.example', site: 'vue' }));
    assert.match(html, /<kith-config server="https:\/\/comments\.example" site="vue">/);
    assert.match(html, /<kith-comment-count thread="\/posts\/hello" format="short"><\/kith-comment-count>/);
    assert.match(
      html,
      /<kith-share networks="x reddit email copy" layout="icons" share-title="Hello from Vue">/,
    );
    assert.match(html, /<kith-thread thread="\/posts\/hello" sort="old"><\/kith-thread>/);
  });
});
