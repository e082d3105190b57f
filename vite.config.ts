/**
 * One build for the four pages. The server mounts each page's HTML at its own path (/kiosk/,
 * /display/, /h5/, /console/) and everything else at /assets/, so asset URLs are absolute and a
 * page works whatever path it is served under.
 */
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

const root = import.meta.dirname;

export default defineConfig(({ command }) => ({
  root,
  base: '/',
  appType: 'mpa',
  publicDir: false,
  resolve: {
    // A build is for production whatever NODE_ENV says: under the test runner (NODE_ENV=test) vite
    // would pick lit's development build, which is larger and warns in every page's console.
    conditions: command === 'build' ? ['module', 'browser', 'production'] : undefined,
  },
  build: {
    outDir: resolve(root, 'dist/web'),
    emptyOutDir: true,
    rolldownOptions: {
      input: {
        kiosk: resolve(root, 'kiosk/index.html'),
        display: resolve(root, 'display/index.html'),
        'wechat-h5': resolve(root, 'wechat-h5/index.html'),
        console: resolve(root, 'console/index.html'),
      },
    },
  },
}));
