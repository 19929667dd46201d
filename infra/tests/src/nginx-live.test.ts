import assert from "node:assert/strict";
import { spawn, execFileSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { describe, it } from "node:test";
import { dockerDir, testsDir } from "./paths.js";

/** nginx from the PATH, or the one scripts/test.sh unpacks from Debian's package (apt-get download, not installed). */
function findNginx(): string | undefined {
  const unpacked = path.join(testsDir, ".tools", "nginx", "usr", "sbin", "nginx");
  if (fs.existsSync(unpacked)) return unpacked;
  try {
    return execFileSync("sh", ["-c", "command -v nginx"], { encoding: "utf8" }).trim() || undefined;
  } catch {
    return undefined;
  }
}

const nginx = findNginx();
const listen = (server: net.Server) => new Promise<number>((resolve) =>
  server.listen(0, "127.0.0.1", () => resolve((server.address() as net.AddressInfo).port)));
const request = (port: number, uri: string, method = "GET", headers: Record<string, string> = {}) =>
  new Promise<{ status: number; body: string }>((resolve, reject) => {
    http.request({ host: "127.0.0.1", port, path: uri, method, headers }, (res) => {
      let body = "";
      res.on("data", (c) => (body += c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    }).on("error", reject).end();
  });
const get = (port: number, uri: string) => request(port, uri);

// The real nginx with the storefront's config: each gateway Service replaced by a stand-in that says who it is and
// which path it got, so the routing and the unchanged paths are what nginx itself does.
describe("storefront nginx, running", { skip: nginx ? false : "no nginx binary (scripts/test.sh unpacks Debian's)" }, () => {
  it("passes the syntax check and routes paths to the gateways unchanged, the rest to the SPA", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "k8shop-nginx-"));
    const servers: http.Server[] = [];
    let child: ReturnType<typeof spawn> | undefined;
    try {
      let conf = fs.readFileSync(path.join(dockerDir, "storefront", "default.conf"), "utf8");
      const upstreams = [...new Set([...conf.matchAll(/proxy_pass http:\/\/([a-z-]+:\d+);/g)].map((m) => m[1]))];
      for (const upstream of upstreams) {
        const server = http.createServer((req, res) => {
          res.setHeader("content-type", "application/json");
          res.end(JSON.stringify({ upstream, path: req.url, method: req.method, proto: req.headers["x-forwarded-proto"] }));
        });
        servers.push(server);
        conf = conf.replaceAll(`http://${upstream};`, `http://127.0.0.1:${await listen(server)};`);
      }
      const probe = net.createServer();
      const port = await listen(probe);
      await new Promise((r) => probe.close(r));
      const html = path.join(dir, "html");
      fs.mkdirSync(path.join(html, "assets"), { recursive: true });
      fs.writeFileSync(path.join(html, "index.html"), "<!doctype html><title>spa</title>");
      fs.writeFileSync(path.join(html, "assets", "app.js"), "console.log(1)");
      conf = conf.replace("listen 8080;", `listen 127.0.0.1:${port};`).replace("root /usr/share/nginx/html;", `root ${html};`);
      fs.writeFileSync(path.join(dir, "site.conf"), conf);
      const temp = (name: string) => `${name}_temp_path ${path.join(dir, name)};`;
      fs.writeFileSync(path.join(dir, "nginx.conf"), `daemon off;\nmaster_process off;\npid ${dir}/nginx.pid;\nerror_log stderr;\n`
        + `events {}\nhttp {\naccess_log off;\n${["client_body", "proxy", "fastcgi", "uwsgi", "scgi"].map(temp).join("\n")}\n`
        + `include ${path.join(dir, "site.conf")};\n}\n`);
      execFileSync(nginx!, ["-t", "-q", "-p", dir, "-c", path.join(dir, "nginx.conf")], { stdio: "pipe" });
      child = spawn(nginx!, ["-p", dir, "-c", path.join(dir, "nginx.conf")], { stdio: "ignore" });
      for (let i = 0; i < 100; i++) {
        try { await get(port, "/storefront/healthz"); break; } catch { await new Promise((r) => setTimeout(r, 50)); }
      }

      const proxied: Record<string, string> = {
        "/catalog?q=the": "catalog-service:8080", "/api/catalog/BOOK-001": "catalog-service:8080",
        "/healthz": "catalog-service:8080", "/covers/BOOK-001.svg": "catalog-service:8080",
        "/catalog/BOOK-001/reviews?sort=helpful": "catalog-service:8080", "/reviews/00000000-0000-0000-0000-000000000000/helpful": "catalog-service:8080",
        "/api/admin/reviews?hidden=true": "catalog-service:8080",
        "/cart/guest-1/items": "cart-service:8080", "/orders/by-key?key=k": "order-service:8000",
        "/hot-skus": "inventory-service:8080", "/api/payment/healthz": "payment-service:8080",
        "/api/notification/notify": "notification-service:8080", "/recommendations?limit=3": "recommendation-service:8080",
        "/.well-known/openid-configuration": "identity:8080", "/.well-known/jwks": "identity:8080",
        "/connect/authorize?client_id=storefront&code_challenge=x": "identity:8080", "/identity/signin?ReturnUrl=%2F": "identity:8080",
      };
      for (const [uri, upstream] of Object.entries(proxied)) {
        const { status, body } = await get(port, uri);
        assert.equal(status, 200, uri);
        const { upstream: u, path: p } = JSON.parse(body);
        assert.deepEqual({ upstream: u, path: p }, { upstream, path: uri });
      }
      // The token endpoint and the guest cookie are POSTs; the SPA's own /auth/ routes stay the SPA's.
      const token = JSON.parse((await request(port, "/connect/token", "POST", { "content-type": "application/x-www-form-urlencoded" })).body);
      assert.deepEqual([token.upstream, token.path, token.method], ["identity:8080", "/connect/token", "POST"]);
      const guest = JSON.parse((await request(port, "/auth/guest", "POST")).body);
      assert.deepEqual([guest.upstream, guest.path, guest.method], ["cart-service:8080", "/auth/guest", "POST"]);
      assert.match((await get(port, "/auth/callback?code=c&state=s")).body, /<title>spa<\/title>/);
      // The scheme: this connection's own, or "https" from a TLS-terminating proxy in front; nothing else is believed.
      assert.equal(JSON.parse((await get(port, "/.well-known/jwks")).body).proto, "http");
      assert.equal(JSON.parse((await request(port, "/.well-known/jwks", "GET", { "x-forwarded-proto": "https" })).body).proto, "https");
      assert.equal(JSON.parse((await request(port, "/.well-known/jwks", "GET", { "x-forwarded-proto": "gopher" })).body).proto, "http");
      assert.equal((await get(port, "/storefront/healthz")).body, "ok");
      assert.match((await get(port, "/books/BOOK-001")).body, /<title>spa<\/title>/);
      assert.equal((await get(port, "/assets/app.js")).body, "console.log(1)");
      assert.equal((await get(port, "/assets/missing.js")).status, 404);
      assert.equal((await get(port, "/dashboard")).status, 404);
      assert.equal((await get(port, "/api/unknown")).status, 404);
    } finally {
      child?.kill();
      for (const s of servers) s.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
