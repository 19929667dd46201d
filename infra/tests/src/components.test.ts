import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import { k8sDir, overlays, repoDir } from "./paths.js";
import { renderSkip, id, named, ofKind, podTemplate, render, renderYaml, workloads, type K8sObject } from "./render.js";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = Record<string, any>;
const container = (w: K8sObject, name: string) => podTemplate(w).spec.containers.find((c: Any) => c.name === name);
const envValue = (c: Any, name: string) => c.env?.find((e: Any) => e.name === name);
/** The environment a container gets from its ConfigMaps (envFrom) and its own env list, names to values. */
function environment(objects: K8sObject[], c: Any): Record<string, string> {
  const env: Record<string, string> = {};
  for (const source of c.envFrom ?? [])
    if (source.configMapRef) Object.assign(env, named(objects, "ConfigMap", source.configMapRef.name).data);
  for (const e of c.env ?? []) if (e.value !== undefined) env[e.name] = e.value;
  return env;
}

/** The gateway modules and the ports of the original services (reference sections 5.2 and 7). */
const gateways: Record<string, { module: string; port: number; grpc?: number }> = {
  "catalog-service": { module: "catalog,covers,products", port: 8080, grpc: 50051 },
  "cart-service": { module: "cart", port: 8080 },
  "order-service": { module: "orders", port: 8000 },
  "inventory-service": { module: "inventory", port: 8080 },
  "payment-service": { module: "payments", port: 8080 },
  "notification-service": { module: "notifications", port: 8080 },
  "recommendation-service": { module: "recommendations", port: 8080 },
};

for (const overlay of overlays) {
  describe(`overlay ${overlay}: Orleans silos`, { skip: renderSkip }, () => {
    const objects = render(overlay);
    const silo = named(objects, "Deployment", "silo");
    const c = container(silo, "silo");
    const env = environment(objects, c);

    it("get POD_NAME, POD_NAMESPACE and POD_IP from the downward API and advertise the pod IP", () => {
      assert.equal(envValue(c, "POD_NAME")?.valueFrom?.fieldRef?.fieldPath, "metadata.name");
      assert.equal(envValue(c, "POD_NAMESPACE")?.valueFrom?.fieldRef?.fieldPath, "metadata.namespace");
      assert.equal(envValue(c, "POD_IP")?.valueFrom?.fieldRef?.fieldPath, "status.podIP");
      assert.equal(env.Orleans__AdvertisedIP, "$(POD_IP)");
      const names = c.env.map((e: Any) => e.name);
      assert.ok(names.indexOf("POD_IP") < names.indexOf("Orleans__AdvertisedIP"), "$(POD_IP) is only expanded when defined earlier");
    });

    it("carry orleans/serviceId and orleans/clusterId labels equal to the configured Orleans identity", () => {
      const labels = podTemplate(silo).metadata.labels;
      assert.equal(labels["orleans/serviceId"], env.Orleans__ServiceId);
      assert.equal(labels["orleans/clusterId"], env.Orleans__ClusterId);
      assert.equal(env.ORLEANS_SERVICE_ID, env.Orleans__ServiceId);
      assert.equal(env.ORLEANS_CLUSTER_ID, env.Orleans__ClusterId);
    });

    it("run the cluster profile on the silo and gateway ports, listening on all interfaces", () => {
      assert.equal(env.K8Shop__Profile, "cluster");
      assert.equal(env.Orleans__SiloPort, "11111");
      assert.equal(env.Orleans__GatewayPort, "30000");
      assert.equal(env.Kestrel__Endpoints__Http__Url, "http://0.0.0.0:8080");
      const ports = c.ports.map((p: Any) => p.containerPort);
      for (const p of [8080, 11111, 30000]) assert.ok(ports.includes(p), `silo does not expose ${p}`);
    });

    it("may get, list, watch and patch pods (Orleans' Kubernetes hosting) and nothing else", () => {
      const sa = podTemplate(silo).spec.serviceAccountName;
      const binding = ofKind(objects, "RoleBinding").find((b) => b.subjects.some((s: Any) => s.kind === "ServiceAccount" && s.name === sa));
      assert.ok(binding, "no RoleBinding for the silo ServiceAccount");
      const role = named(objects, "Role", binding.roleRef.name);
      assert.deepEqual(role.rules, [{ apiGroups: [""], resources: ["pods"], verbs: ["get", "list", "watch", "patch"] }]);
    });

    it("are reached only by gateways on 30000 and by silos on 11111", () => {
      const policy = named(objects, "NetworkPolicy", "silo");
      const rules = policy.spec.ingress.map((r: Any) => ({ from: r.from[0].podSelector.matchLabels, ports: r.ports.map((p: Any) => p.port) }));
      assert.deepEqual(rules, [
        { from: { "app.kubernetes.io/component": "gateway" }, ports: [30000] },
        { from: { "app.kubernetes.io/name": "silo" }, ports: [11111] },
      ]);
      for (const s of ofKind(objects, "Service").filter((s) => s.spec.selector?.["app.kubernetes.io/name"] === "silo"))
        assert.equal(s.spec.type ?? "ClusterIP", "ClusterIP", `${id(s)} exposes silos`);
    });

    it("hold their connection strings in a Secret, referenced and never written in", () => {
      assert.ok(c.envFrom.some((s: Any) => s.secretRef?.name === "silo-secrets"));
      for (const key of ["ConnectionStrings__Postgres", "ConnectionStrings__Redis", "ConnectionStrings__RabbitMQ", "Admin__ApiKey"])
        assert.equal(env[key], undefined, `${key} is written in a ConfigMap or env`);
    });
  });

  describe(`overlay ${overlay}: gateways`, { skip: renderSkip }, () => {
    const objects = render(overlay);

    it("run one Deployment per original service, with its module and the original ports", () => {
      for (const [name, g] of Object.entries(gateways)) {
        const d = named(objects, "Deployment", name);
        const c = container(d, "gateway");
        const env = environment(objects, c);
        assert.equal(env.Gateway__Modules, g.module, `${name}: Gateway__Modules`);
        assert.equal(env.Kestrel__Endpoints__Http__Url, `http://0.0.0.0:${g.port}`);
        if (g.grpc) assert.equal(env.Kestrel__Endpoints__Grpc__Url, `http://0.0.0.0:${g.grpc}`);
        assert.equal(env.Orleans__ServiceId, environment(objects, container(named(objects, "Deployment", "silo"), "silo")).Orleans__ServiceId);
        const service = named(objects, "Service", name);
        const servicePorts = service.spec.ports.map((p: Any) => p.port).sort();
        assert.deepEqual(servicePorts, [g.port, ...(g.grpc ? [g.grpc] : [])].sort(), `${name}: Service ports`);
        assert.equal(c.readinessProbe.httpGet.path, "/health/ready");
        assert.equal(c.livenessProbe.httpGet.path, "/health/live");
        assert.ok(c.envFrom.some((s: Any) => s.secretRef?.name === "gateway-secrets"));
      }
    });

    it("are the only upstreams of the storefront's /api routes, on their Service ports", () => {
      const nginx = fs.readFileSync(path.join(repoDir, "infra/docker/storefront/default.conf"), "utf8");
      const upstreams = [...nginx.matchAll(/proxy_pass http:\/\/([a-z-]+):(\d+);/g)].map((m) => [m[1], Number(m[2])] as const);
      assert.ok(upstreams.length >= 7);
      for (const [host, port] of upstreams) {
        const service = named(objects, "Service", host);
        assert.ok(service.spec.ports.some((p: Any) => p.port === port), `nginx sends to ${host}:${port}, the Service has no such port`);
        assert.equal(service.spec.selector["app.kubernetes.io/name"], host);
      }
      const storefront = container(named(objects, "Deployment", "storefront"), "nginx");
      assert.ok(nginx.includes(`location = ${storefront.readinessProbe.httpGet.path} {`), "the storefront's probe path is not nginx's own");
    });
  });

  describe(`overlay ${overlay}: RabbitMQ`, { skip: renderSkip }, () => {
    const objects = render(overlay);
    const sts = named(objects, "StatefulSet", "rabbitmq");
    const c = container(sts, "rabbitmq");
    const config = ofKind(objects, "ConfigMap").find((m) => m.metadata.name.startsWith("rabbitmq-config"))!;
    const conf: string = config.data["rabbitmq.conf"];

    it("is one cluster: classic peer discovery lists every replica by its name on the headless Service", () => {
      const headless = named(objects, "Service", sts.spec.serviceName);
      assert.equal(headless.spec.clusterIP, "None");
      assert.equal(headless.spec.publishNotReadyAddresses, true);
      assert.match(conf, /^cluster_formation\.peer_discovery_backend = classic_config$/m);
      const nodes = [...conf.matchAll(/^cluster_formation\.classic_config\.nodes\.\d+ = (\S+)$/gm)].map((m) => m[1]);
      const expected = Array.from({ length: sts.spec.replicas }, (_, i) =>
        `rabbit@${sts.metadata.name}-${i}.${headless.metadata.name}.${sts.metadata.namespace}.svc.cluster.local`);
      assert.deepEqual(nodes, expected);
      assert.equal(envValue(c, "RABBITMQ_NODENAME")?.value, "rabbit@$(POD_NAME).rabbitmq-headless.$(POD_NAMESPACE).svc.cluster.local");
      assert.equal(envValue(c, "RABBITMQ_USE_LONGNAME")?.value, "true");
      assert.ok(sts.spec.replicas >= 3, "fewer than three nodes cannot keep a quorum through one loss");
      // Queues and bindings from the definitions are imported once this many nodes are up.
      assert.match(conf, new RegExp(`^cluster_formation\\.target_cluster_size_hint = ${sts.spec.replicas}$`, "m"));
    });

    it("shares one Erlang cookie from a Secret, copied with mode 600 into the node's home", () => {
      const volume = podTemplate(sts).spec.volumes.find((v: Any) => v.name === "erlang-cookie");
      assert.equal(volume.secret.secretName, "rabbitmq-erlang-cookie");
      const init = podTemplate(sts).spec.initContainers.find((i: Any) => i.volumeMounts.some((m: Any) => m.name === "erlang-cookie"));
      assert.match(init.command.join(" "), /install -m 600 \/cookie\/cookie \/var\/lib\/rabbitmq\/\.erlang\.cookie/);
      assert.equal(envValue(c, "HOME")?.value, "/var/lib/rabbitmq");
    });

    it("loads its definitions at boot from the mounted folder: topology ConfigMap plus users Secret", () => {
      const folder = conf.match(/^load_definitions = (\S+)$/m)?.[1];
      assert.ok(folder, "no load_definitions");
      const mount = c.volumeMounts.find((m: Any) => m.mountPath === folder);
      assert.ok(mount, `nothing mounted at ${folder}`);
      const sources = podTemplate(sts).spec.volumes.find((v: Any) => v.name === mount.name).projected.sources;
      const topology = sources.find((s: Any) => s.configMap)?.configMap.name;
      assert.ok(named(objects, "ConfigMap", topology).data["10-topology.json"]);
      assert.equal(sources.find((s: Any) => s.secret)?.secret.name, "rabbitmq-users");
      const configFile = envValue(c, "RABBITMQ_CONFIG_FILE")?.value as string;
      assert.ok(c.volumeMounts.some((m: Any) => configFile.startsWith(m.mountPath + "/")), "config file not mounted");
    });

    it("declares the orders exchange and the notification-service quorum queue exactly as the silo does", () => {
      const topologyMap = ofKind(objects, "ConfigMap").find((m) => m.metadata.name.startsWith("rabbitmq-topology"))!;
      const defs = JSON.parse(topologyMap.data["10-topology.json"]);
      const orders = defs.exchanges.find((e: Any) => e.name === "orders");
      assert.deepEqual([orders.type, orders.durable], ["topic", true]);
      const queue = defs.queues.find((q: Any) => q.name === "notification-service");
      assert.equal(queue.durable, true);
      assert.deepEqual(queue.arguments, { "x-queue-type": "quorum", "x-delivery-limit": 5, "x-dead-letter-exchange": "orders.dlq", "x-dead-letter-routing-key": "notification-service" });
      assert.equal(defs.vhosts[0].default_queue_type, "quorum");
      // The silo's own routing keys (src/Grains/Notifications/NotificationRouting.cs) are the queue's bindings.
      const routing = fs.readFileSync(path.join(repoDir, "src/Grains/Notifications/NotificationRouting.cs"), "utf8");
      const block = routing.match(/RoutingKeys\s*=\s*\[([^\]]*)\]/)?.[1] ?? "";
      const keys = [...block.matchAll(/"([^"]+)"/g)].map((m) => m[1]).sort();
      assert.ok(keys.length > 0, "RoutingKeys not found in NotificationRouting.cs");
      const bound = defs.bindings.filter((b: Any) => b.destination === "notification-service").map((b: Any) => b.routing_key).sort();
      assert.deepEqual(bound, keys);
      assert.ok(!JSON.stringify(defs).includes("password"), "the committed topology holds a password");
    });

    it("is probed with rabbitmq-diagnostics and keeps a quorum through a voluntary disruption", () => {
      assert.deepEqual(c.readinessProbe.exec.command.slice(0, 2), ["rabbitmq-diagnostics", "-q"]);
      const pdb = named(objects, "PodDisruptionBudget", "rabbitmq");
      assert.equal(pdb.spec.maxUnavailable, 1);
      assert.equal(sts.spec.podManagementPolicy, "Parallel");
      assert.ok(sts.spec.volumeClaimTemplates.some((t: Any) => t.metadata.name === "data"), "no persistent data volume");
    });
  });

  describe(`overlay ${overlay}: secrets`, { skip: renderSkip }, () => {
    const objects = render(overlay);

    it("renders no Secret and no credential-looking value: Secrets are made by generate-secrets.sh", () => {
      assert.deepEqual(ofKind(objects, "Secret").map(id), []);
      const text = JSON.stringify(objects);
      assert.doesNotMatch(text, /Password=[^;"$]/i);
      assert.doesNotMatch(text, /amqps?:\/\/[^:"]+:[^@"]+@/);
      assert.doesNotMatch(text, /AKIA[0-9A-Z]{16}/);
      assert.doesNotMatch(text, /BEGIN [A-Z ]*PRIVATE KEY/);
    });

    it("references only Secrets that generate-secrets.sh creates for this overlay", () => {
      const script = fs.readFileSync(path.join(k8sDir, "generate-secrets.sh"), "utf8");
      const referenced = new Set<string>();
      for (const w of workloads(objects)) {
        const spec = podTemplate(w).spec;
        for (const c of [...(spec.initContainers ?? []), ...spec.containers]) {
          for (const s of c.envFrom ?? []) if (s.secretRef) referenced.add(s.secretRef.name);
          for (const e of c.env ?? []) if (e.valueFrom?.secretKeyRef) referenced.add(e.valueFrom.secretKeyRef.name);
        }
        for (const v of spec.volumes ?? []) {
          if (v.secret) referenced.add(v.secret.secretName);
          for (const s of v.projected?.sources ?? []) if (s.secret) referenced.add(s.secret.name);
        }
      }
      for (const name of referenced) assert.match(script, new RegExp(`create ${name} `), `${name} is not created by generate-secrets.sh`);
    });
  });
}

describe("overlay-specific settings", { skip: renderSkip }, () => {
  it("aws: DynamoDB through IRSA (role annotation, no ServiceUrl), strict zone spread, storefront on a load balancer", () => {
    const objects = render("aws");
    const sa = named(objects, "ServiceAccount", "silo");
    assert.match(sa.metadata.annotations?.["eks.amazonaws.com/role-arn"] ?? "", /^arn:aws:iam::[^:]+:role\/k8shop-silo$/);
    const config = named(objects, "ConfigMap", "silo-config").data;
    assert.equal(config.DynamoDB__ServiceUrl, undefined);
    assert.equal(config.DynamoDB__CreateTable, "false");
    assert.equal(podTemplate(named(objects, "Deployment", "silo")).spec.topologySpreadConstraints[0].whenUnsatisfiable, "DoNotSchedule");
    assert.equal(named(objects, "Service", "storefront").spec.type, "LoadBalancer");
    for (const name of ["silo", "order-service", "identity"])
      assert.ok(podTemplate(named(objects, "Deployment", name)).spec.volumes.some((v: Any) => v.configMap?.name === "rds-ca-bundle"), `${name}: no RDS CA`);
  });

  it("aws: the README's substitution of __ACCOUNT_ID__, __REGION__, __SHOP_ORIGIN__ and __AMP_WORKSPACE_ID__ leaves no placeholder and valid values", () => {
    const readme = fs.readFileSync(path.join(repoDir, "README.md"), "utf8");
    for (const p of ["__ACCOUNT_ID__", "__REGION__", "__SHOP_ORIGIN__", "__AMP_WORKSPACE_ID__"]) assert.ok(readme.includes(`s#${p}#`) || readme.includes(`s/${p}/`), `README does not substitute ${p}`);
    const text = renderYaml("aws").replaceAll("__ACCOUNT_ID__", "123456789012").replaceAll("__REGION__", "eu-west-1")
      .replaceAll("__SHOP_ORIGIN__", "https://shop.example.com").replaceAll("__AMP_WORKSPACE_ID__", "ws-0123abcd");
    assert.doesNotMatch(text, /__[A-Z_]+__/);
    assert.match(text, /eks\.amazonaws\.com\/role-arn: arn:aws:iam::123456789012:role\/k8shop-silo/);
    assert.match(text, /AWS_REGION: eu-west-1/);
    assert.match(text, /image: 123456789012\.dkr\.ecr\.eu-west-1\.amazonaws\.com\/k8shop\/silo:/);
    assert.match(text, /image: 123456789012\.dkr\.ecr\.eu-west-1\.amazonaws\.com\/k8shop\/identity:/);
    assert.match(text, /Identity__Issuer: https:\/\/shop\.example\.com\/\n/);
    assert.match(text, /endpoint: https:\/\/aps-workspaces\.eu-west-1\.amazonaws\.com\/workspaces\/ws-0123abcd\/api\/v1\/remote_write/);
  });

  it("local: PostgreSQL, Redis, dynalite and an SMTP sink in the namespace, used by the silos", () => {
    const objects = render("local");
    for (const name of ["postgres", "redis", "dynalite"]) named(objects, "StatefulSet", name);
    named(objects, "Deployment", "smtp-sink");
    const config = named(objects, "ConfigMap", "silo-config").data;
    assert.equal(config.DynamoDB__ServiceUrl, "http://dynalite:8000");
    assert.equal(config.Smtp__Host, "smtp-sink");
    assert.equal(ofKind(objects, "Service").some((s) => s.spec.type === "LoadBalancer"), false);
  });

  it("base: the namespace enforces the restricted Pod Security profile", () => {
    for (const overlay of overlays) {
      const ns = named(render(overlay), "Namespace", "bookstore");
      assert.equal(ns.metadata.labels?.["pod-security.kubernetes.io/enforce"], "restricted");
    }
  });
});
