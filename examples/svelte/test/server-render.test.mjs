// Server rendering, as SvelteKit does it: the app's modules, Kith's elements among them, are
// loaded in Node (no DOM) and rendered to HTML; the browser upgrades the tags.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ssrVite } from '../../../scripts/lib/ssr-vite.mjs';

describe('Svelte example: rendered on the server', () => {
  let vite;
  before(async () => {
    vite = await ssrVite(new URL('..', import.meta.url));
  });
  after(() => vite?.close());

  it('imports every element in Node and renders their tags with their attributes', async () => {
    const { default: App } = await vite.ssrLoadModule('/src/App.svelte');
    // Svelte's renderer from the same module graph as the component, as SvelteKit runs it.
    const { render } = await vite.ssrLoadModule('svelte/server');
    await import('@kith/elements');
    await import('@kith/elements/rsvp.js');
    const { body } = render(App, { props: { server: 'https://comments.example', site: 'svelte' } });
    assert.match(body, /<kith-config server="https:\/\/comments\.example" site="svelte">/);
    assert.match(body, /<kith-comment-count thread="\/posts\/hello" format="short"><\/kith-comment-count>/);
    assert.match(
      body,
      /<kith-share networks="x reddit email copy" layout="icons" share-title="Hello from Svelte">/,
    );
    assert.match(body, /<kith-thread thread="\/posts\/hello" sort="old"><\/kith-thread>/);
  });
});
