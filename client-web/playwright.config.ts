import { defineConfig } from '@playwright/test';

// One browser (Debian's chromium, never a downloaded one), one embedded host for every test, one worker.
export default defineConfig({
  testDir: 'e2e',
  testMatch: '*.spec.ts',
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  globalSetup: './e2e/host/globalSetup.ts',
  outputDir: '../artifacts/test-results/storefront/output',
  reporter: [['list'], ['./e2e/host/summaryReporter.ts']],
  use: {
    baseURL: process.env.K8SHOP_E2E_URL,
    browserName: 'chromium',
    headless: true,
    launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] },
    screenshot: 'only-on-failure',
    trace: 'off',
  },
});
