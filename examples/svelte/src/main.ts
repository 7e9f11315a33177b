import { mount } from 'svelte';
import App from './App.svelte';

// The page is served by the reference server's origin (serve.mjs), so the server is this origin.
mount(App, { target: document.getElementById('app')!, props: { server: location.origin, site: 'svelte' } });
