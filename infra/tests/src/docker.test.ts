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
  it("exist for the silo, the gateway, the identity provider and the storefront", () => {
    for (const role of ["silo", "gateway", "identity", "storefront"]) assert.ok(dockerfiles.includes(`${role}.Dockerfile`), `${role}.Dockerfile missing`);
  });

  it("make the .NET images require access tokens unless a deployment says otherwise (ENV Auth__Mode=required)", () => {
    for (const role of ["silo", "gateway", "identity"]) {
      const env = instructions(fs.readFileSync(path.join(dockerDir, `${role}.Dockerfile`), "utf8")).filter((i) => i.op === "ENV").map((i) => i.args).join(" ");
      assert.match(env, /(^|\s)Auth__Mode=required(\s|$)/, `${role}.Dockerfile`);
    }
  });

  it("identity.Dockerfile publishes the identity server and sets the cluster's store, without development keys", () => {
    const ops = instructions(fs.readFileSync(path.join(dockerDir, "identity.Dockerfile"), "utf8"));
    assert.ok(ops.some((i) => i.op === "RUN" && i.args.includes("dotnet publish src/Identity/K8Shop.IdentityServer/K8Shop.IdentityServer.csproj")));
    assert.ok(fs.existsSync(path.join(repoDir, "src/Identity/K8Shop.IdentityServer/K8Shop.IdentityServer.csproj")));
    const env = ops.filter((i) => i.op === "ENV").map((i) => i.args).join(" ");
    assert.match(env, /Identity__Store=postgres/);
    assert.match(env, /Identity__DevelopmentKeys=false/);
    assert.deepEqual(ops.filter((i) => i.op === "ENTRYPOINT").map((i) => i.args), ['["dotnet", "K8Shop.IdentityServer.dll"]']);
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
      "/.well-known/openid-configuration": "proxy identity:8080",
      "/.well-known/jwks": "proxy identity:8080",
      "/connect/authorize": "proxy identity:8080",
      "/connect/token": "proxy identity:8080",
      "/connect/endsession": "proxy identity:8080",
      "/identity/signin": "proxy identity:8080",
      "/identity/identity.css": "proxy identity:8080",
      "/auth/guest": "proxy cart-service:8080",
      "/auth/callback": "spa",
      "/auth/silent": "spa",
      "/account": "spa",
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

  it("forwards the scheme a TLS-terminating proxy reports, else its own, and the client's address", () => {
    assert.match(conf, /map \$http_x_forwarded_proto \$forwarded_proto \{\s*default \$scheme;\s*https https;\s*\}/);
    assert.match(conf, /proxy_set_header X-Forwarded-Proto \$forwarded_proto;/);
    assert.match(conf, /proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;/);
  });

  it("sends every path the identity provider maps to it (pages, protocol endpoints, discovery, stylesheet)", () => {
    const sources = fs.readdirSync(path.join(repoDir, "src/Identity/K8Shop.Identity"), { recursive: true, encoding: "utf8" })
      .filter((f) => f.endsWith(".cs")).map((f) => fs.readFileSync(path.join(repoDir, "src/Identity/K8Shop.Identity", f), "utf8")).join("\n");
    const paths = [...new Set([...sources.matchAll(/"(\/(?:identity|connect|\.well-known)\/[a-z0-9/._-]*)"/g)].map((m) => m[1]))];
    assert.ok(paths.length >= 8, `only ${paths.length} identity paths found`);
    const all = locations(conf);
    for (const p of paths) assert.equal(action(route(all, p)), "proxy identity:8080", p);
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
