import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import { overlays, repoDir } from "./paths.js";
import { renderSkip, id, named, ofKind, podTemplate, podsSelectedBy, render, selects, workloads, type K8sObject } from "./render.js";

// Issue 16, the Kubernetes side: the identity provider as its own Deployment, tokens required everywhere, and
// least-privilege database roles (invariant 5: gateways hold no datastore credential but the membership reader's).

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = Record<string, any>;
const containerOf = (w: K8sObject, name: string): Any => podTemplate(w).spec.containers.find((c: Any) => c.name === name);
/** A container's environment from its ConfigMaps (envFrom) and literal env values. */
function environment(objects: K8sObject[], c: Any): Record<string, string> {
  const env: Record<string, string> = {};
  for (const source of c.envFrom ?? [])
    if (source.configMapRef) Object.assign(env, named(objects, "ConfigMap", source.configMapRef.name).data);
  for (const e of c.env ?? []) if (e.value !== undefined) env[e.name] = e.value;
  return env;
}
/** Every Secret a pod template reads: envFrom, secretKeyRef and volumes. */
function secretsOf(w: K8sObject): Set<string> {
  const spec = podTemplate(w).spec;
  const names = new Set<string>();
  for (const c of [...(spec.initContainers ?? []), ...spec.containers]) {
    for (const s of c.envFrom ?? []) if (s.secretRef) names.add(s.secretRef.name);
    for (const e of c.env ?? []) if (e.valueFrom?.secretKeyRef) names.add(e.valueFrom.secretKeyRef.name);
  }
  for (const v of spec.volumes ?? []) {
    if (v.secret) names.add(v.secret.secretName);
    for (const s of v.projected?.sources ?? []) if (s.secret) names.add(s.secret.name);
  }
  return names;
}
const gatewaysOf = (objects: K8sObject[]) =>
  ofKind(objects, "Deployment").filter((d) => podTemplate(d).metadata.labels["app.kubernetes.io/component"] === "gateway");

/** The SQL the db-roles Job runs, statements joined over lines, comments and psql meta-commands left out. */
function rolesSql(objects: K8sObject[]): string[] {
  const sql: string = named(objects, "ConfigMap", "db-roles-sql").data["roles.sql"];
  // "\gexec" ends a statement as ";" does (psql runs the query, then each row it returns).
  return sql.split("\n").filter((l) => !l.trim().startsWith("--") && !l.trim().startsWith("\\")).join("\n").replaceAll("\\gexec", ";")
    .split(";").map((s) => s.replace(/\s+/g, " ").trim()).filter(Boolean);
}
/** GRANT statements as privilege list, object kind and names, grantees. */
function grants(statements: string[]) {
  return statements.filter((s) => /^GRANT /i.test(s)).map((s) => {
    const m = s.match(/^GRANT (.+?) ON (TABLE|SCHEMA|DATABASE) (.+?) TO (.+)$/i);
    assert.ok(m, `unexpected GRANT form: ${s}`);
    const list = (x: string) => x.split(",").map((p) => p.trim());
    return { privileges: list(m[1]).map((p) => p.toUpperCase()), on: m[2].toUpperCase(), objects: list(m[3]), to: list(m[4]) };
  });
}

/** The tables the gateway's membership lookups read: OrleansQuery itself and the FROM of the client's query. */
function gatewayMembershipTables(): string[] {
  const migration = fs.readFileSync(path.join(repoDir, "src/Silo/Migrations/0003_orleans_membership.sql"), "utf8");
  const query = migration.match(/\('GatewaysQueryKey', \$q\$([\s\S]*?)\$q\$\)/)?.[1];
  assert.ok(query, "GatewaysQueryKey not found in 0003_orleans_membership.sql");
  const from = [...query.matchAll(/\b(?:FROM|JOIN)\s+([a-z_.]+)/gi)].map((m) => m[1]);
  const queryTable = migration.match(/CREATE TABLE IF NOT EXISTS (public\.orleansquery)/)?.[1];
  assert.ok(queryTable && from.length > 0);
  return [queryTable, ...from].sort();
}

for (const overlay of overlays) {
  describe(`overlay ${overlay}: the identity provider (issue 16)`, { skip: renderSkip }, () => {
    const objects = render(overlay);
    const identity = named(objects, "Deployment", "identity");
    const c = containerOf(identity, "identity");
    const env = environment(objects, c);

    it("runs as its own Deployment behind Service identity, with a PodDisruptionBudget and an autoscaler", () => {
      assert.match(c.image, /(^|\/)k8shop\/identity:/);
      const service = named(objects, "Service", "identity");
      assert.deepEqual(podsSelectedBy(objects, { matchLabels: service.spec.selector }).map(id), ["Deployment/identity"]);
      assert.deepEqual(service.spec.ports.map((p: Any) => [p.port, p.targetPort]), [[8080, "http"]]);
      assert.equal(c.ports.find((p: Any) => p.name === "http").containerPort, 8080);
      assert.equal(env.Kestrel__Endpoints__Http__Url, "http://0.0.0.0:8080");
      assert.ok(ofKind(objects, "PodDisruptionBudget").some((p) => selects(p.spec.selector, podTemplate(identity).metadata.labels)));
      assert.equal(named(objects, "HorizontalPodAutoscaler", "identity").spec.scaleTargetRef.name, "identity");
      assert.equal(c.readinessProbe.httpGet.path, "/.well-known/openid-configuration");
    });

    it("keeps its store in PostgreSQL and takes keys, client secrets and its connection string from Secret identity-secrets only", () => {
      assert.equal(env.Identity__Store, "postgres");
      assert.equal(env.Identity__DevelopmentKeys, "false", "keys generated per pod would not verify on another pod");
      assert.ok(c.envFrom.some((s: Any) => s.secretRef?.name === "identity-secrets"));
      for (const key of ["Identity__SigningKey", "Identity__EncryptionKey", "Identity__OperatorClient__Secret", "Identity__LoadGenClient__Secret",
        "Identity__Admin__Password", "ConnectionStrings__Identity", "Smtp__Password"])
        assert.equal(env[key], undefined, `${key} is written in a ConfigMap or env`);
      assert.ok(!(c.env ?? []).some((e: Any) => e.name.startsWith("Identity__") && e.valueFrom?.secretKeyRef && e.valueFrom.secretKeyRef.name !== "identity-secrets"));
      assert.deepEqual([...secretsOf(identity)], ["identity-secrets"]);
    });

    it("issues tokens for the storefront's public origin, with the storefront's redirect URIs under it", () => {
      const issuer = env.Identity__Issuer;
      assert.match(issuer, /^(https?:\/\/[^/]+|__SHOP_ORIGIN__)\/$/, `Identity__Issuer ${issuer}`);
      const under = (key: string) => Object.entries(env).filter(([k]) => k.startsWith(key)).map(([, v]) => v).sort();
      assert.deepEqual(under("Identity__Storefront__RedirectUris__"), [`${issuer}auth/callback`, `${issuer}auth/silent`]);
      assert.deepEqual(under("Identity__Storefront__PostLogoutRedirectUris__"), [issuer]);
      // The pod sees plain HTTP from nginx: HTTPS is not demanded of it, and the scheme the shopper used is forwarded.
      assert.equal(env.Identity__RequireHttps, "false");
      assert.equal(env.ASPNETCORE_FORWARDEDHEADERS_ENABLED, "true");
    });

    it("sends password-reset mail through the same SMTP server as the silos", () => {
      const silo = environment(objects, containerOf(named(objects, "Deployment", "silo"), "silo"));
      for (const key of ["Smtp__Host", "Smtp__Port", "Smtp__UseTls"]) assert.equal(env[key], silo[key], key);
    });
  });

  describe(`overlay ${overlay}: access tokens required everywhere (issue 16)`, { skip: renderSkip }, () => {
    const objects = render(overlay);

    it("sets Auth__Mode=required on the silos and every gateway, and nowhere anything else", () => {
      const checked = [named(objects, "Deployment", "silo"), ...gatewaysOf(objects)];
      assert.equal(checked.length, 8);
      for (const w of checked) {
        const c = podTemplate(w).spec.containers[0];
        assert.equal(environment(objects, c).Auth__Mode, "required", `${id(w)}: Auth__Mode`);
      }
      for (const m of ofKind(objects, "ConfigMap"))
        if (m.data?.Auth__Mode !== undefined) assert.equal(m.data.Auth__Mode, "required", `${id(m)} sets Auth__Mode`);
      for (const w of workloads(objects))
        for (const c of podTemplate(w).spec.containers)
          for (const e of c.env ?? []) if (e.name === "Auth__Mode") assert.equal(e.value, "required", `${id(w)} sets Auth__Mode`);
    });

    it("points gateways and silos at the identity Service's discovery document, for the API audience", () => {
      for (const w of [named(objects, "Deployment", "silo"), ...gatewaysOf(objects)]) {
        const env = environment(objects, podTemplate(w).spec.containers[0]);
        const authority = new URL(env.Auth__Authority);
        const service = named(objects, "Service", authority.hostname);
        assert.ok(service.spec.ports.some((p: Any) => p.port === Number(authority.port)), `${id(w)}: ${env.Auth__Authority} is no Service port`);
        assert.equal(authority.pathname, "/");
        assert.equal(env.Auth__Audience, "k8shop-api");
        // Plain HTTP is allowed only for the in-cluster provider.
        if (authority.protocol === "http:") assert.equal(env.Auth__RequireHttpsMetadata, "false");
      }
    });
  });

  describe(`overlay ${overlay}: least privilege (issue 16, invariant 5)`, { skip: renderSkip }, () => {
    const objects = render(overlay);
    const statements = rolesSql(objects);
    const all = grants(statements);

    it("gives gateways only the membership reader's connection and their key ring, mounted read-only", () => {
      for (const g of gatewaysOf(objects)) {
        assert.deepEqual([...secretsOf(g)].sort(), ["gateway-data-protection", "gateway-secrets"], `${id(g)} reads other Secrets`);
        const c = podTemplate(g).spec.containers[0];
        const env = environment(objects, c);
        assert.equal(env.ConnectionStrings__Postgres, undefined, `${id(g)}: connection string written in`);
        const dir = env.DataProtection__KeysDirectory;
        const mount = c.volumeMounts.find((m: Any) => m.mountPath === dir);
        assert.ok(mount, `${id(g)}: nothing mounted at DataProtection__KeysDirectory ${dir}`);
        assert.equal(mount.readOnly, true);
        const volume = podTemplate(g).spec.volumes.find((v: Any) => v.name === mount.name);
        assert.equal(volume.secret?.secretName, "gateway-data-protection");
      }
    });

    it("lets no workload but the silos and the roles Job read a Secret holding the administrator's credentials", () => {
      const admin = ["silo-secrets", "db-roles", "postgres-credentials"];
      for (const w of workloads(objects)) {
        const holders = w.metadata.name === "silo" ? ["silo-secrets"] : w.metadata.name === "db-roles" ? ["db-roles"]
          : w.metadata.name === "postgres" ? ["postgres-credentials"] : [];
        for (const s of secretsOf(w)) if (admin.includes(s)) assert.ok(holders.includes(s), `${id(w)} reads ${s}`);
      }
    });

    it("has the roles Job grant the gateway role SELECT on exactly the tables the gateway's membership lookup reads", () => {
      const toGateway = all.filter((g) => g.to.includes("k8shop_gateway"));
      const tables = toGateway.filter((g) => g.on === "TABLE");
      assert.ok(tables.every((g) => g.privileges.length === 1 && g.privileges[0] === "SELECT"), "the gateway role may change data");
      assert.deepEqual(tables.flatMap((g) => g.objects).sort(), gatewayMembershipTables());
      for (const g of toGateway.filter((g) => g.on === "SCHEMA")) {
        assert.deepEqual(g.privileges, ["USAGE"]);
        assert.deepEqual(g.objects.sort(), ["orleans", "public"]);
      }
      assert.deepEqual(toGateway.filter((g) => g.on === "DATABASE").flatMap((g) => g.privileges), ["CONNECT"]);
      assert.ok(statements.some((s) => /^ALTER ROLE k8shop_gateway SET default_transaction_read_only = on$/i.test(s)));
      assert.ok(statements.some((s) => /^ALTER ROLE k8shop_gateway WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE/i.test(s)));
    });

    it("has the roles Job confine the identity role to its schema, the one the provider's EF model uses", () => {
      const context = fs.readFileSync(path.join(repoDir, "src/Identity/K8Shop.Identity/Storage/IdentityStoreContext.cs"), "utf8");
      const schema = context.match(/const string Schema = "([^"]+)"/)?.[1];
      assert.ok(schema);
      const toIdentity = all.filter((g) => g.to.includes("k8shop_identity"));
      assert.deepEqual(toIdentity.filter((g) => g.on === "SCHEMA").map((g) => [g.objects, g.privileges.sort()]), [[[schema], ["CREATE", "USAGE"]]]);
      assert.deepEqual(toIdentity.filter((g) => g.on === "TABLE"), []);
      assert.deepEqual(toIdentity.filter((g) => g.on === "DATABASE").flatMap((g) => g.privileges), ["CONNECT"]);
      // Nothing reaches the shop's other schemas through PUBLIC.
      assert.ok(statements.some((s) => /^REVOKE ALL ON SCHEMA public FROM PUBLIC$/i.test(s)));
      assert.ok(statements.some((s) => new RegExp(`^REVOKE ALL ON SCHEMA ${schema} FROM PUBLIC$`, "i").test(s)));
      assert.ok(statements.some((s) => /^ALTER ROLE k8shop_identity WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE/i.test(s)));
    });

    it("runs the roles SQL from the Job with the administrator's connection and the role passwords from Secret db-roles", () => {
      const job = named(objects, "Job", "db-roles");
      const c = podTemplate(job).spec.containers[0];
      assert.ok(c.envFrom.some((s: Any) => s.secretRef?.name === "db-roles"));
      const mount = c.volumeMounts.find((m: Any) => m.name === "sql");
      assert.equal(podTemplate(job).spec.volumes.find((v: Any) => v.name === "sql").configMap.name, "db-roles-sql");
      const script: string = named(objects, "ConfigMap", "db-roles-sql").data["run.sh"];
      assert.ok(c.command.join(" ").includes(`${mount.mountPath}/run.sh`));
      assert.ok(script.includes(`-f ${mount.mountPath}/roles.sql`));
      for (const v of ["GATEWAY_DB_PASSWORD", "IDENTITY_DB_PASSWORD"]) assert.ok(script.includes(`$${v}`), `run.sh does not pass ${v}`);
      // It waits for the silos' migration that creates the tables it grants on.
      for (const t of gatewayMembershipTables()) assert.ok(script.includes(`to_regclass('${t}')`), `run.sh does not wait for ${t}`);
    });
  });
}
