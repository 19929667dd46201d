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
  rds_master_secret_arn) printf arn:db ;; redis_auth_secret_arn) printf arn:redis ;; identity_keys_secret_arn) printf arn:identity-keys ;;
  redis_primary_endpoint) printf master.redis.example.internal ;; *) exit 1 ;;
esac
`, { mode: 0o755 });
  // The identity keys' secret has no value yet (a first run): the script makes the keys and puts them there.
  fs.writeFileSync(path.join(dir, "aws"), `#!/usr/bin/env bash
echo "$*" >> "${path.join(dir, "aws-calls")}"
if [[ "$*" == *put-secret-value* ]]; then
  while [[ $# -gt 0 ]]; do [[ $1 == --secret-string ]] && printf %s "$2" > "${path.join(dir, "aws-put")}"; shift; done
  exit 0
fi
[[ "$*" == *arn:db* ]] && echo '{"username":"k8shop_admin","password":"db-Pa55"}'
[[ "$*" == *arn:redis* ]] && echo 'redis-t0ken'
[[ "$*" == *get-secret-value*arn:identity-keys* ]] && exit 254
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
  const awsCalls = fs.existsSync(path.join(dir, "aws-calls")) ? fs.readFileSync(path.join(dir, "aws-calls"), "utf8") : "";
  const awsPut = fs.existsSync(path.join(dir, "aws-put")) ? fs.readFileSync(path.join(dir, "aws-put"), "utf8") : "";
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
  return { status, output, secrets, calls, awsCalls, awsPut };
}

const runLocal = (existing: string[] = []) => run("local", existing);
const jq = (() => { try { execFileSync("jq", ["--version"], { stdio: "ignore" }); return true; } catch { return false; } })();

describe("generate-secrets.sh local", () => {
  it("creates every Secret once, with passwords that agree between the datastores and the connection strings", () => {
    const { status, secrets } = runLocal();
    assert.equal(status, 0);
    assert.deepEqual([...secrets.keys()].sort(), ["db-roles", "gateway-data-protection", "gateway-secrets", "identity-secrets",
      "postgres-credentials", "rabbitmq-erlang-cookie", "rabbitmq-users", "redis-auth", "silo-secrets"]);
    const pg = secrets.get("postgres-credentials")!;
    const silo = secrets.get("silo-secrets")!;
    assert.match(pg.POSTGRES_PASSWORD, /^[A-Za-z0-9]{32}$/);
    assert.equal(silo.ConnectionStrings__Postgres,
      `Host=postgres;Port=5432;Database=${pg.POSTGRES_DB};Username=${pg.POSTGRES_USER};Password=${pg.POSTGRES_PASSWORD}`);
    assert.equal(silo.ConnectionStrings__Redis, `redis:6379,password=${secrets.get("redis-auth")!.password},abortConnect=false`);
    const users = JSON.parse(secrets.get("rabbitmq-users")!["20-users.json"]);
    const app = users.users.find((u: { name: string }) => u.name === "k8shop");
    assert.equal(silo.ConnectionStrings__RabbitMQ, `amqp://k8shop:${app.password}@rabbitmq:5672/`);
    assert.ok(users.permissions.some((p: { user: string; vhost: string }) => p.user === "k8shop" && p.vhost === "/"));
    assert.ok(secrets.get("rabbitmq-erlang-cookie")!.cookie.length >= 32);
  });

  it("gives gateways the read-only membership role, never the silos' password, and the identity provider its own role", () => {
    const { secrets } = runLocal();
    const pg = secrets.get("postgres-credentials")!;
    const roles = secrets.get("db-roles")!;
    const gateway = secrets.get("gateway-secrets")!;
    assert.deepEqual(Object.keys(gateway), ["ConnectionStrings__Postgres"]);
    assert.equal(gateway.ConnectionStrings__Postgres,
      `Host=postgres;Port=5432;Database=k8shop;Username=k8shop_gateway;Password=${roles.GATEWAY_DB_PASSWORD}`);
    for (const [name, values] of [["gateway-secrets", gateway], ["gateway-data-protection", secrets.get("gateway-data-protection")!]] as const)
      for (const [key, value] of Object.entries(values))
        assert.ok(!value.includes(pg.POSTGRES_PASSWORD), `${name} ${key} holds the silos' PostgreSQL password`);
    assert.equal(secrets.get("identity-secrets")!.ConnectionStrings__Identity,
      `Host=postgres;Port=5432;Database=k8shop;Username=k8shop_identity;Password=${roles.IDENTITY_DB_PASSWORD};Search Path=identity`);
    // The roles Job connects as the administrator and sets the two passwords.
    assert.deepEqual([roles.PGHOST, roles.PGPORT, roles.PGDATABASE, roles.PGUSER, roles.PGPASSWORD], ["postgres", "5432", "k8shop", "k8shop", pg.POSTGRES_PASSWORD]);
    assert.match(roles.GATEWAY_DB_PASSWORD, /^[A-Za-z0-9]{32}$/);
    assert.notEqual(roles.GATEWAY_DB_PASSWORD, roles.IDENTITY_DB_PASSWORD);
  });

  it("gives the identity provider PEM RSA keys of its own, client secrets and a first administrator, and no admin key to anyone", () => {
    const { secrets } = runLocal();
    const identity = secrets.get("identity-secrets")!;
    for (const key of ["Identity__SigningKey", "Identity__EncryptionKey"]) {
      assert.match(identity[key], /^-----BEGIN PRIVATE KEY-----\n[\s\S]+\n-----END PRIVATE KEY-----$/, key);
      const text = execFileSync("openssl", ["pkey", "-noout", "-text"], { input: identity[key], encoding: "utf8" });
      assert.match(text, /Private-Key: \((\d+) bit/);
      assert.ok(Number(text.match(/Private-Key: \((\d+) bit/)![1]) >= 2048, `${key} is shorter than 2048 bits`);
    }
    assert.notEqual(identity.Identity__SigningKey, identity.Identity__EncryptionKey);
    assert.match(identity.Identity__OperatorClient__Secret, /^[A-Za-z0-9]{40}$/);
    assert.match(identity.Identity__LoadGenClient__Secret, /^[A-Za-z0-9]{40}$/);
    assert.equal(identity.Identity__Admin__Email, "admin@k8shop.example");
    assert.match(identity.Identity__Admin__Password, /^[A-Za-z0-9]{24}$/);
    for (const [name, values] of secrets) assert.ok(!Object.keys(values).includes("Admin__ApiKey"), `${name} still has Admin__ApiKey`);
  });

  it("writes one Data Protection key for every gateway: a key file as ASP.NET Core reads it, active now, for years", () => {
    const files = Object.entries(runLocal().secrets.get("gateway-data-protection")!);
    assert.equal(files.length, 1);
    const [name, xml] = files[0];
    const keyId = name.match(/^key-([0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12})\.xml$/)?.[1];
    assert.ok(keyId, `key file name ${name}`);
    assert.match(xml, new RegExp(`<key id="${keyId}" version="1">`));
    const date = (tag: string) => Date.parse(xml.match(new RegExp(`<${tag}>([^<]+)</${tag}>`))?.[1] ?? "");
    assert.ok(Math.abs(date("activationDate") - Date.now()) < 60_000, "not active now");
    assert.ok(date("expirationDate") - Date.now() > 4 * 365 * 86_400_000, "expires within four years");
    assert.match(xml, /deserializerType="Microsoft\.AspNetCore\.DataProtection\.AuthenticatedEncryption\.ConfigurationModel\.AuthenticatedEncryptorDescriptorDeserializer, Microsoft\.AspNetCore\.DataProtection"/);
    assert.match(xml, /<encryption algorithm="AES_256_CBC" \/>\s*<validation algorithm="HMACSHA256" \/>/);
    const master = xml.match(/<value>([A-Za-z0-9+/=]+)<\/value>/)?.[1];
    assert.equal(Buffer.from(master ?? "", "base64").length, 64, "master key is not 64 random bytes");
  });

  it("draws new random values on each run", () => {
    assert.notEqual(runLocal().secrets.get("redis-auth")!.password, runLocal().secrets.get("redis-auth")!.password);
  });

  it("changes nothing when every Secret exists, and stops when only some do", () => {
    const all = ["silo-secrets", "gateway-secrets", "gateway-data-protection", "identity-secrets", "db-roles", "rabbitmq-erlang-cookie",
      "rabbitmq-users", "postgres-credentials", "redis-auth"];
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
    const { status, secrets, calls, awsCalls, awsPut } = run("aws");
    assert.equal(status, 0);
    assert.deepEqual([...secrets.keys()].sort(),
      ["db-roles", "gateway-data-protection", "gateway-secrets", "identity-secrets", "rabbitmq-erlang-cookie", "rabbitmq-users", "silo-secrets"]);
    const silo = secrets.get("silo-secrets")!;
    assert.equal(silo.ConnectionStrings__Postgres, "Host=db.example.internal;Port=5432;Database=k8shop;Username=k8shop_admin;"
      + "Password=db-Pa55;SSL Mode=VerifyFull;Root Certificate=/etc/ssl/rds/global-bundle.pem");
    assert.equal(silo.ConnectionStrings__Redis, "master.redis.example.internal:6379,ssl=true,password=redis-t0ken,abortConnect=false");
    assert.ok(calls.some((c) => c.includes("configmap") && c.includes("rds-ca-bundle")), "no rds-ca-bundle ConfigMap");
    const tls = ";SSL Mode=VerifyFull;Root Certificate=/etc/ssl/rds/global-bundle.pem";
    const roles = secrets.get("db-roles")!;
    assert.equal(secrets.get("gateway-secrets")!.ConnectionStrings__Postgres,
      `Host=db.example.internal;Port=5432;Database=k8shop;Username=k8shop_gateway;Password=${roles.GATEWAY_DB_PASSWORD}${tls}`);
    assert.ok(!JSON.stringify(Object.fromEntries([...secrets].filter(([n]) => n.startsWith("gateway")))).includes("db-Pa55"));
    assert.equal(secrets.get("identity-secrets")!.ConnectionStrings__Identity,
      `Host=db.example.internal;Port=5432;Database=k8shop;Username=k8shop_identity;Password=${roles.IDENTITY_DB_PASSWORD};Search Path=identity${tls}`);
    assert.deepEqual([roles.PGUSER, roles.PGPASSWORD, roles.PGSSLMODE, roles.PGSSLROOTCERT], ["k8shop_admin", "db-Pa55", "verify-full", "/etc/ssl/rds/global-bundle.pem"]);
    // First run: the keys are made once and kept in Secrets Manager, then copied into the cluster.
    assert.match(awsCalls, /put-secret-value --secret-id arn:identity-keys/, "the identity keys are not stored in Secrets Manager");
    const stored = JSON.parse(awsPut);
    assert.equal(secrets.get("identity-secrets")!.Identity__SigningKey, stored.signing_key);
    assert.equal(secrets.get("identity-secrets")!.Identity__EncryptionKey, stored.encryption_key);
  });
});
