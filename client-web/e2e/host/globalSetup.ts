import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { adminAccount, artifactsDir, clientDir, operatorSecret, repoDir } from './paths';

/**
 * Builds the storefront if its sources changed, starts the embedded host (built by `dotnet build src/Silo`) on free
 * loopback ports serving that build, with authentication required, the identity provider co-hosted (an operator client
 * and a seeded admin account, the storefront's redirect URIs on this port), waits until it is ready, checks that its
 * OpenAPI document is the committed one, and returns the teardown that stops it by its pid.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  fs.mkdirSync(artifactsDir, { recursive: true });
  buildStorefront();

  const silo = path.join(repoDir, 'src/Silo/bin/Debug/net10.0/K8Shop.Silo.dll');
  if (!fs.existsSync(silo)) throw new Error(`No built silo at ${silo}: run 'dotnet build src/Silo' first.`);

  const [http, grpc, siloPort, gatewayPort] = await Promise.all([freePort(), freePort(), freePort(), freePort()]);
  const url = `http://127.0.0.1:${http}`;
  const log = fs.openSync(path.join(artifactsDir, 'host.log'), 'w');
  const host = spawn('dotnet', [silo], {
    cwd: repoDir,
    stdio: ['ignore', log, log],
    env: {
      ...process.env,
      ASPNETCORE_ENVIRONMENT: 'Production',
      Kestrel__Endpoints__Http__Url: url,
      Kestrel__Endpoints__Grpc__Url: `http://127.0.0.1:${grpc}`,
      Orleans__SiloPort: String(siloPort),
      Orleans__GatewayPort: String(gatewayPort),
      Orleans__ClusterId: `storefront-e2e-${process.pid}`,
      // No management endpoint: its embedded default (127.0.0.1:9464) is one per machine, and another host may hold it.
      Management__Urls: '',
      K8Shop__Profile: 'embedded',
      Auth__Mode: 'required',
      Identity__OperatorClient__Secret: operatorSecret,
      Identity__Admin__Email: adminAccount.email,
      Identity__Admin__Password: adminAccount.password,
      // The storefront client may only come back to this run's origin.
      Identity__Storefront__RedirectUris__0: `${url}/auth/callback`,
      Identity__Storefront__RedirectUris__1: `${url}/auth/silent`,
      Identity__Storefront__PostLogoutRedirectUris__0: `${url}/`,
      Storefront__Root: path.join(clientDir, 'dist'),
      // Slow enough that the checkout page shows the saga's steps as they happen.
      Payments__Latency: '00:00:00.600',
    },
  });
  const stop = async () => {
    if (host.exitCode === null && host.pid) {
      process.kill(host.pid, 'SIGTERM');
      await new Promise((resolve) => { host.once('exit', resolve); setTimeout(resolve, 10_000); });
    }
  };
  try {
    await waitReady(url, host);
    await checkIdentity(url);
    await checkOpenApi(url);
  } catch (e) {
    await stop();
    throw e;
  }
  process.env.K8SHOP_E2E_URL = url;
  return stop;
}

function buildStorefront(): void {
  const built = path.join(clientDir, 'dist/index.html');
  const newest = newestMtime([path.join(clientDir, 'src'), path.join(clientDir, 'index.html'), path.join(clientDir, 'openapi.json')]);
  if (fs.existsSync(built) && fs.statSync(built).mtimeMs >= newest) return;
  const result = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: clientDir, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('vite build failed');
}

function newestMtime(paths: string[]): number {
  let newest = 0;
  for (const p of paths) {
    const stat = fs.statSync(p);
    if (stat.isDirectory()) newest = Math.max(newest, newestMtime(fs.readdirSync(p).map((f) => path.join(p, f))));
    else newest = Math.max(newest, stat.mtimeMs);
  }
  return newest;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

async function waitReady(url: string, host: ReturnType<typeof spawn>): Promise<void> {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (host.exitCode !== null) throw new Error(`The host exited with ${host.exitCode}; see ${path.join(artifactsDir, 'host.log')}`);
    try {
      if ((await fetch(`${url}/health/ready`)).ok) return;
    } catch { /* not listening yet */ }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`The host at ${url} was not ready within 90 s; see ${path.join(artifactsDir, 'host.log')}`);
}

/** The storefront signs in on the co-hosted provider and gets guest ids from the gateway: without them no flow can run. */
async function checkIdentity(url: string): Promise<void> {
  const discovery = await fetch(`${url}/.well-known/openid-configuration`);
  if (!discovery.ok)
    throw new Error(`The host answers ${discovery.status} for /.well-known/openid-configuration: it has no identity provider (src/Identity).`);
  const guest = await fetch(`${url}/auth/guest`, { method: 'POST' });
  if (!guest.ok) throw new Error(`The host answers ${guest.status} for POST /auth/guest: the gateway issues no guest ids.`);
}

/**
 * The client is generated from client-web/openapi.json, the document an admin sees (anyone else is shown no admin
 * operations); a host whose document differs means the client has drifted.
 */
async function checkOpenApi(url: string): Promise<void> {
  const token = await fetch(`${url}/connect/token`, {
    method: 'POST',
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: 'operator', client_secret: operatorSecret, scope: 'k8shop' }),
  });
  if (!token.ok) throw new Error(`The operator client got ${token.status} from /connect/token: ${await token.text()}`);
  const { access_token: accessToken } = await token.json();
  const live = await (await fetch(`${url}/openapi/v1.json`, { headers: { Authorization: `Bearer ${accessToken}` } })).json();
  const committed = JSON.parse(fs.readFileSync(path.join(clientDir, 'openapi.json'), 'utf8'));
  if (!isDeepStrictEqual(live, committed)) {
    fs.writeFileSync(path.join(artifactsDir, 'openapi.live.json'), JSON.stringify(live, null, 2));
    throw new Error('The gateway\'s OpenAPI document differs from client-web/openapi.json (live copy in '
      + `${artifactsDir}/openapi.live.json). Run scripts/update-openapi.sh, rebuild, and fix what no longer type-checks.`);
  }
}
