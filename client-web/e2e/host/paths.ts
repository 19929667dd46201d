import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const clientDir = path.resolve(here, '../..');
export const repoDir = path.resolve(clientDir, '..');
export const artifactsDir = path.join(repoDir, 'artifacts/test-results/storefront');

/** The host's `operator` client secret: admin-role tokens by client credentials, for setting up books and stock. */
export const operatorSecret = 'e2e-operator-secret';
/** The first admin account, seeded by the host at start (Identity:Admin:Email / Password). */
export const adminAccount = { name: 'E2E Admin', email: 'admin@e2e.k8shop.test', password: 'Admin-Pass-2026!' };
