import { createApp } from 'vue';
import App from './App.vue';

// The page is served by the reference server's origin (serve.mjs), so the server is this origin.
createApp(App, { server: location.origin, site: 'vue' }).mount('#app');
