import type { StorybookConfig } from '@storybook/web-components-vite';

const config: StorybookConfig = {
  stories: ['../packages/elements/src/**/*.stories.ts'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  core: { disableTelemetry: true },
  async viteFinal(config) {
    // nanostores reads process.env.NODE_ENV.
    config.define = { ...config.define, 'process.env.NODE_ENV': JSON.stringify('development') };
    return config;
  },
};

export default config;
