import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, it } from "node:test";
import { k8sDir } from "./paths.js";

/**
 * Runs generate-secrets.sh against a stand-in kubectl that records each call (arguments base64-encoded, one call
 * per line) and answers "not found" for every Secret, as a fresh cluster would.
 */
function run(mode: "local" | "aws", existing: string[] = []) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "k8shop-secrets-"));
  // AWS side: Terraform outputs, Secrets Manager values and the CA bundle download, all stand-ins.
  fs.writeFileSync(path.join(dir, "terraform"), `#!/usr/bin/env bash
case "\${@: -1}" in
  region) printf eu-west-1 ;; rds_address) printf db.example.internal ;; rds_database) printf k8shop ;;
  rds_master_secret_arn) printf arn:db ;; redis_auth_secret_arn) printf arn:redis ;;
  redis_primary_endpoint) printf master.redis.example.internal ;; *) exit 1 ;;
esac
`, { mode: 0o755 });
  fs.writeFileSync(path.join(dir, "aws"), `#!/usr/bin/env bash
[[ "$*" == *arn:db* ]] && echo '{"username":"k8shop_admin","password":"db-Pa55"}'
[[ "$*" == *arn:redis* ]] && echo 'redis-t0ken'
exit 0
`, { mode: 0o755 });
  fs.writeFileSync(path.join(dir, "curl"), `#!/usr/bin/env bash
while [[ $# -gt 0 ]]; do [[ $1 == -o ]] && echo "-----BEGIN CERTIFICATE-----" > "$2"; shift; done
`, { mode: 0o755 });
  const log = path.join(dir, "calls");
  fs.writeFileSync(path.join(dir, "kubectl"), `#!/usr/bin/env bash
line=""; for a in "$@"; do line+="$(printf %s "$a" | base64 -w0) "; done
echo "$line" >> "${log}"  # one write per call: piped kubectl calls run at the same time
if [[ "$*" == *"get secret"* ]]; then
  for s in ${existing.join(" ")}; do [[ "$*" == *"get secret $s"* ]] && exit 0; done
  exit 1
fi
exit 0
`, { mode: 0o755 });
  let status = 0;
  let output = "";
  try {
    output = execFileSync(path.join(k8sDir, "generate-secrets.sh"), [mode], {
      encoding: "utf8", env: { ...process.env, PATH: `${dir}:${process.env.PATH}` }, stdio: ["ignore", "pipe", "pipe"] });
  } catch (e) {
    status = (e as { status: number }).status;
    output = String((e as { stderr?: string }).stderr);
  }
  const calls = fs.existsSync(log) ? fs.readFileSync(log, "utf8").trim().split("\n").map((line) =>
    line.trim().split(" ").filter(Boolean).map((a) => Buffer.from(a, "base64").toString("utf8"))) : [];
  fs.rmSync(dir, { recursive: true, force: true });
  /** name → key → value of every "create secret generic". */
  const secrets = new Map<string, Record<string, string>>();
  for (const call of calls) {
    const at = call.indexOf("generic");
    if (call.includes("create") && at >= 0) {
      const values: Record<string, string> = {};
      for (const arg of call.slice(at + 2).filter((a) => a.startsWith("--from-literal="))) {
        const [key, ...rest] = arg.slice("--from-literal=".length).split("=");
        values[key] = rest.join("=");
      }
      secrets.set(call[at + 1], values);
    }
  }
  return { status, output, secrets, calls };
}

const runLocal = (existing: string[] = []) => run("local", existing);
const jq = (() => { try { execFileSync("jq", ["--version"], { stdio: "ignore" }); return true; } catch { return false; } })();

describe("generate-secrets.sh local", () => {
  it("creates every Secret once, with passwords that agree between the datastores and the connection strings", () => {
    const { status, secrets } = runLocal();
    assert.equal(status, 0);
    assert.deepEqual([...secrets.keys()].sort(),
      ["gateway-secrets", "postgres-credentials", "rabbitmq-erlang-cookie", "rabbitmq-users", "redis-auth", "silo-secrets"]);
    const pg = secrets.get("postgres-credentials")!;
    const silo = secrets.get("silo-secrets")!;
    assert.match(pg.POSTGRES_PASSWORD, /^[A-Za-z0-9]{32}$/);
    assert.equal(silo.ConnectionStrings__Postgres,
      `Host=postgres;Port=5432;Database=${pg.POSTGRES_DB};Username=${pg.POSTGRES_USER};Password=${pg.POSTGRES_PASSWORD}`);
    assert.equal(secrets.get("gateway-secrets")!.ConnectionStrings__Postgres, silo.ConnectionStrings__Postgres);
    assert.equal(secrets.get("gateway-secrets")!.Admin__ApiKey, silo.Admin__ApiKey);
    assert.equal(silo.ConnectionStrings__Redis, `redis:6379,password=${secrets.get("redis-auth")!.password},abortConnect=false`);
    const users = JSON.parse(secrets.get("rabbitmq-users")!["20-users.json"]);
    const app = users.users.find((u: { name: string }) => u.name === "k8shop");
    assert.equal(silo.ConnectionStrings__RabbitMQ, `amqp://k8shop:${app.password}@rabbitmq:5672/`);
    assert.ok(users.permissions.some((p: { user: string; vhost: string }) => p.user === "k8shop" && p.vhost === "/"));
    assert.ok(secrets.get("rabbitmq-erlang-cookie")!.cookie.length >= 32);
  });

  it("draws new random values on each run", () => {
    assert.notEqual(runLocal().secrets.get("redis-auth")!.password, runLocal().secrets.get("redis-auth")!.password);
  });

  it("changes nothing when every Secret exists, and stops when only some do", () => {
    const all = ["silo-secrets", "gateway-secrets", "rabbitmq-erlang-cookie", "rabbitmq-users", "postgres-credentials", "redis-auth"];
    const complete = runLocal(all);
    assert.equal(complete.status, 0);
    assert.equal(complete.secrets.size, 0);
    const partial = runLocal(["redis-auth"]);
    assert.equal(partial.status, 1);
    assert.equal(partial.secrets.size, 0);
    assert.match(partial.output, /some Secrets exist \(redis-auth\)/);
  });
});

describe("generate-secrets.sh aws", { skip: jq ? false : "jq is not installed (the aws mode reads the RDS secret with it)" }, () => {
  it("builds TLS connection strings from Terraform's outputs and Secrets Manager, and the RDS CA ConfigMap", () => {
    const { status, secrets, calls } = run("aws");
    assert.equal(status, 0);
    assert.deepEqual([...secrets.keys()].sort(), ["gateway-secrets", "rabbitmq-erlang-cookie", "rabbitmq-users", "silo-secrets"]);
    const silo = secrets.get("silo-secrets")!;
    assert.equal(silo.ConnectionStrings__Postgres, "Host=db.example.internal;Port=5432;Database=k8shop;Username=k8shop_admin;"
      + "Password=db-Pa55;SSL Mode=VerifyFull;Root Certificate=/etc/ssl/rds/global-bundle.pem");
    assert.equal(silo.ConnectionStrings__Redis, "master.redis.example.internal:6379,ssl=true,password=redis-t0ken,abortConnect=false");
    assert.ok(calls.some((c) => c.includes("configmap") && c.includes("rds-ca-bundle")), "no rds-ca-bundle ConfigMap");
  });
});
