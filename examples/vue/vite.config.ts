import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';

// Vue must be told that `kith-` tags are custom elements, not Vue components it failed to find.
export default defineConfig({
  plugins: [vue({ template: { compilerOptions: { isCustomElement: (tag) => tag.startsWith('kith-') } } })],
});
