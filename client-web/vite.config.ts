/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// `npm run dev` proxies the API and the identity provider to an embedded host on 8080; the built files are served by the
// silo itself. /auth/callback and /auth/silent are the storefront's own pages, so only /auth/guest goes to the host.
const api = ['/catalog', '/products', '/cart', '/inventory', '/hot-skus', '/orders', '/payments', '/notifications',
  '/notification', '/recommendations', '/covers', '/healthz', '/health', '/api', '/openapi', '/auth/guest',
  '/.well-known', '/connect', '/identity'];

export default defineConfig({
  plugins: [react()],
  server: {
    host: '127.0.0.1',
    proxy: Object.fromEntries(api.map((path) => [path, 'http://127.0.0.1:8080'])),
  },
  build: { outDir: 'dist', emptyOutDir: true },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['src/test/setup.ts'],
    restoreMocks: true,
  },
});
