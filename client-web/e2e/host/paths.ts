import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const clientDir = path.resolve(here, '../..');
export const repoDir = path.resolve(clientDir, '..');
export const artifactsDir = path.join(repoDir, 'artifacts/test-results/storefront');
export const adminKey = 'e2e-admin-key';
