import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import { action, locations, route } from "./nginx.js";
import { dockerDir, repoDir } from "./paths.js";

const dockerfiles = fs.readdirSync(dockerDir).filter((f) => f.endsWith(".Dockerfile"));

/** Instructions with their arguments, continuation lines joined, comments dropped. */
function instructions(text: string) {
  return text.replace(/\\\n/g, " ").split("\n").map((l) => l.trim()).filter((l) => l && !l.startsWith("#"))
    .map((l) => { const [op, ...rest] = l.split(/\s+/); return { op: op.toUpperCase(), args: rest.join(" ") }; });
}

/** FROM arguments with ARG defaults substituted. */
function baseImages(text: string) {
  const args = new Map<string, string>();
  const images: string[] = [];
  for (const { op, args: a } of instructions(text)) {
    if (op === "ARG" && a.includes("=")) { const [k, v] = a.split("="); args.set(k, v); }
    if (op === "FROM") images.push(a.split(/\s+/)[0].replace(/\$\{(\w+)\}/g, (_, k) => args.get(k) ?? ""));
  }
  return images;
}

describe("Dockerfiles", () => {
  it("exist for the silo, the gateway and the storefront", () => {
    for (const role of ["silo", "gateway", "storefront"]) assert.ok(dockerfiles.includes(`${role}.Dockerfile`), `${role}.Dockerfile missing`);
  });

  for (const file of dockerfiles) {
    const text = fs.readFileSync(path.join(dockerDir, file), "utf8");
    const ops = instructions(text);

    it(`${file}: builds in stages and copies only the build output into the last one`, () => {
      const froms = ops.filter((i) => i.op === "FROM");
      assert.ok(froms.length >= 2, "single stage");
      const last = ops.slice(ops.lastIndexOf(froms[froms.length - 1]));
      assert.ok(last.some((i) => i.op === "COPY" && i.args.startsWith("--from=")), "final stage copies nothing from the build stage");
      assert.ok(!last.some((i) => i.op === "RUN" && /\b(apt-get|apk|npm|dotnet)\b/.test(i.args)), "final stage installs or builds");
    });

    it(`${file}: pins every base image to a version (x.y.z) or a digest, never latest`, () => {
      for (const image of baseImages(text)) {
        const tag = image.includes("@sha256:") ? "digest" : image.split("/").pop()!.split(":")[1] ?? "";
        assert.ok(tag === "digest" || /^\d+\.\d+\.\d+/.test(tag), `${image} is not pinned`);
      }
    });

    it(`${file}: runs as a non-root user`, () => {
      const users = ops.filter((i) => i.op === "USER").map((i) => i.args);
      assert.ok(users.length > 0, "no USER");
      const user = users[users.length - 1].split(":")[0];
      assert.ok(!["root", "0"].includes(user), `USER ${user}`);
      assert.ok(/^\d+$/.test(user), `USER ${user}: numeric, so runAsNonRoot can verify it`);
    });

    it(`${file}: adds no secrets (no ADD, no key files, no credentials in ENV or ARG)`, () => {
      assert.ok(!ops.some((i) => i.op === "ADD"), "ADD (use COPY)");
      for (const i of ops.filter((i) => i.op === "COPY")) assert.doesNotMatch(i.args, /\.(pem|key|pfx|env)\b|secrets?\//i);
      for (const i of ops.filter((i) => i.op === "ENV" || i.op === "ARG")) assert.doesNotMatch(i.args, /(password|secret|token|api_?key)\s*=/i);
    });
  }

  it(".dockerignore keeps sources of secrets and build leftovers out of the context", () => {
    const ignore = fs.readFileSync(path.join(repoDir, ".dockerignore"), "utf8").split("\n").map((l) => l.trim());
    for (const pattern of [".git", "**/bin", "**/obj", "**/node_modules", "**/.env", "**/*.pem", "**/*.tfstate*", "infra/terraform"])
      assert.ok(ignore.includes(pattern), `.dockerignore lacks ${pattern}`);
  });
});

describe("storefront nginx", () => {
  const conf = fs.readFileSync(path.join(dockerDir, "storefront", "default.conf"), "utf8");

  it("listens on the unprivileged port 8080 and answers its own probe path", () => {
    assert.match(conf, /listen 8080;/);
    assert.equal(action(route(locations(conf), "/storefront/healthz")), "return 200");
  });

  it("sends each API path the storefront and original clients use to its module's gateway, the rest to the SPA", () => {
    const expected: Record<string, string> = {
      "/healthz": "proxy catalog-service:8080",
      "/catalog": "proxy catalog-service:8080",
      "/catalog/BOOK-001": "proxy catalog-service:8080",
      "/api/catalog": "proxy catalog-service:8080",
      "/api/catalog/healthz": "proxy catalog-service:8080",
      "/products": "proxy catalog-service:8080",
      "/products/123": "proxy catalog-service:8080",
      "/covers/BOOK-001.svg": "proxy catalog-service:8080",
      "/openapi/v1.json": "proxy catalog-service:8080",
      "/cart/guest-1/items": "proxy cart-service:8080",
      "/api/cart/healthz": "proxy cart-service:8080",
      "/orders": "proxy order-service:8000",
      "/orders/by-key": "proxy order-service:8000",
      "/api/orders/healthz": "proxy order-service:8000",
      "/inventory/BOOK-001": "proxy inventory-service:8080",
      "/api/inventory/healthz": "proxy inventory-service:8080",
      "/hot-skus": "proxy inventory-service:8080",
      "/payments/tokens": "proxy payment-service:8080",
      "/api/payments": "proxy payment-service:8080",
      "/api/payment/healthz": "proxy payment-service:8080",
      "/notify": "proxy notification-service:8080",
      "/notifications/ana": "proxy notification-service:8080",
      "/notification/healthz": "proxy notification-service:8080",
      "/api/notification/notify": "proxy notification-service:8080",
      "/recommendations": "proxy recommendation-service:8080",
      "/api/recommendations/healthz": "proxy recommendation-service:8080",
      "/api/nothing": "return 404",
      "/dashboard": "return 404",
      "/": "spa",
      "/books/BOOK-001": "spa",
      "/basket": "spa",
      "/admin/products": "spa",
      "/account/orders/42": "spa",
      "/catalogue": "spa",
      "/assets/index-3f2a.js": "static",
    };
    const all = locations(conf);
    const actual = Object.fromEntries(Object.keys(expected).map((uri) => [uri, action(route(all, uri))]));
    assert.deepEqual(actual, expected);
  });

  it("serves the SPA with index.html as the fallback and the built assets with a long cache", () => {
    assert.match(conf, /try_files \$uri \/index\.html;/);
    assert.match(conf, /location \/assets\/ \{[^}]*immutable/);
  });

  it("has balanced braces and every directive ends with a semicolon", () => {
    let depth = 0;
    for (const ch of conf.replace(/#.*$/gm, "").replace(/'[^']*'|"[^"]*"/g, "")) {
      if (ch === "{") depth++;
      if (ch === "}") depth--;
      assert.ok(depth >= 0, "closing brace without an opening one");
    }
    assert.equal(depth, 0);
    for (const line of conf.split("\n").map((l) => l.replace(/#.*$/, "").trim()).filter(Boolean))
      assert.ok(/[;{}]$/.test(line), `no semicolon: ${line}`);
  });
});
