import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { describe, it } from "node:test";
import { parse } from "yaml";
import { overlays } from "./paths.js";
import { observabilityDir } from "./promql.js";
import { renderSkip, id, named, ofKind, podTemplate, render, selects, workloads, type K8sObject } from "./render.js";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = Record<string, any>;

/** The environment a container gets from its ConfigMaps (envFrom) and its own env list, names to values. */
function environment(objects: K8sObject[], c: Any): Record<string, string> {
  const env: Record<string, string> = {};
  for (const source of c.envFrom ?? [])
    if (source.configMapRef) Object.assign(env, named(objects, "ConfigMap", source.configMapRef.name).data);
  for (const e of c.env ?? []) if (e.value !== undefined) env[e.name] = e.value;
  return env;
}

/** Silo, the seven gateways and the identity provider: the .NET hosts with the service defaults. */
const shopHosts = (objects: K8sObject[]) => workloads(objects).filter((w) =>
  ["silo", "gateway", "identity"].includes(podTemplate(w).metadata.labels?.["app.kubernetes.io/component"]));

const collectorConfig = (objects: K8sObject[]) => {
  const deployment = named(objects, "Deployment", "otel-collector");
  const volume = podTemplate(deployment).spec.volumes.find((v: Any) => v.name === "config");
  return parse(named(objects, "ConfigMap", volume.configMap.name).data["config.yaml"]) as Any;
};

for (const overlay of overlays) {
  describe(`overlay ${overlay}: telemetry`, { skip: renderSkip }, () => {
    const objects = render(overlay);

    it("silos, gateways and the identity provider export OTLP to the collector, serve /metrics on 9464 and log JSON", () => {
      const hosts = shopHosts(objects);
      assert.equal(hosts.length, 9, hosts.map(id).join(", "));
      for (const w of hosts) {
        const c = podTemplate(w).spec.containers[0];
        const env = environment(objects, c);
        assert.equal(env.OTEL_EXPORTER_OTLP_ENDPOINT, "http://otel-collector:4317", `${id(w)}: OTEL_EXPORTER_OTLP_ENDPOINT`);
        assert.equal(env.Management__Urls, "http://0.0.0.0:9464", `${id(w)}: Management__Urls`);
        assert.equal(env.Logging__Console__FormatterName, "json", `${id(w)}: Logging__Console__FormatterName`);
        assert.match(env.OTEL_RESOURCE_ATTRIBUTES ?? "", /^k8s\.pod\.name=\$\(POD_NAME\)/, `${id(w)}: OTEL_RESOURCE_ATTRIBUTES`);
        // $(POD_NAME) expands only when POD_NAME comes earlier in the list.
        const names = c.env.map((e: Any) => e.name);
        assert.ok(names.indexOf("POD_NAME") >= 0 && names.indexOf("POD_NAME") < names.indexOf("OTEL_RESOURCE_ATTRIBUTES"), `${id(w)}: POD_NAME after its use`);
        assert.ok(c.ports.some((p: Any) => p.name === "metrics" && p.containerPort === 9464), `${id(w)}: no port named metrics on 9464`);
        const annotations = podTemplate(w).metadata.annotations ?? {};
        assert.deepEqual([annotations["prometheus.io/scrape"], annotations["prometheus.io/port"], annotations["prometheus.io/path"]],
          ["true", "9464", "/metrics"], `${id(w)}: prometheus.io annotations`);
      }
    });

    it("samples traces at the head on AWS (a valid parent-based ratio on every host) and keeps every trace locally", () => {
      for (const w of shopHosts(objects)) {
        const env = environment(objects, podTemplate(w).spec.containers[0]);
        if (overlay === "aws") {
          assert.equal(env.OTEL_TRACES_SAMPLER, "parentbased_traceidratio", `${id(w)}: OTEL_TRACES_SAMPLER`);
          const ratio = Number(env.OTEL_TRACES_SAMPLER_ARG);
          assert.ok(ratio > 0 && ratio <= 1, `${id(w)}: OTEL_TRACES_SAMPLER_ARG ${env.OTEL_TRACES_SAMPLER_ARG} is not a ratio in (0, 1]`);
        } else {
          assert.equal(env.OTEL_TRACES_SAMPLER, undefined, `${id(w)}: the local cluster traces every request`);
        }
      }
    });

    it("runs the collector behind Service otel-collector on 4317 and 4318, receiving OTLP on both", () => {
      const service = named(objects, "Service", "otel-collector");
      assert.deepEqual(service.spec.ports.map((p: Any) => p.port).sort(), [4317, 4318]);
      const config = collectorConfig(objects);
      assert.equal(config.receivers.otlp.protocols.grpc.endpoint, "0.0.0.0:4317");
      assert.equal(config.receivers.otlp.protocols.http.endpoint, "0.0.0.0:4318");
      for (const pipeline of ["traces", "metrics", "logs"]) {
        const p = config.service.pipelines[pipeline];
        assert.ok(p.receivers.includes("otlp"), `${pipeline}: no otlp receiver`);
        for (const e of p.exporters) assert.ok(config.exporters[e] !== undefined, `${pipeline}: exporter ${e} is not configured`);
        for (const x of p.processors ?? []) assert.ok(config.processors[x] !== undefined, `${pipeline}: processor ${x} is not configured`);
      }
      for (const x of config.service.extensions) assert.ok(config.extensions[x] !== undefined, `extension ${x} is not configured`);
    });

    it(overlay === "aws"
      ? "aws: the ADOT collector sends traces to X-Ray, logs to CloudWatch and metrics to Amazon Managed Prometheus, with IRSA"
      : "local: the upstream contrib collector", () => {
      const image: string = podTemplate(named(objects, "Deployment", "otel-collector")).spec.containers[0].image;
      const config = collectorConfig(objects);
      if (overlay === "aws") {
        assert.match(image, /^public\.ecr\.aws\/aws-observability\/aws-otel-collector:v\d+\.\d+\.\d+$/);
        assert.deepEqual(config.service.pipelines.traces.exporters, ["awsxray"]);
        assert.deepEqual(config.service.pipelines.logs.exporters, ["awscloudwatchlogs"]);
        assert.deepEqual(config.service.pipelines.metrics.exporters, ["prometheusremotewrite"]);
        assert.equal(config.exporters.prometheusremotewrite.auth.authenticator, "sigv4auth");
        // Remote-written series carry the labels the dashboards and alerts group by, as scraped series do.
        const processors: string[] = config.service.pipelines.metrics.processors;
        const labels = processors.flatMap((p) => config.processors[p]?.attributes ?? []).map((a: Any) => [a.key, a.from_attribute]);
        assert.deepEqual(labels, [["pod", "k8s.pod.name"], ["service", "service.name"]]);
        assert.equal(config.exporters.prometheusremotewrite.resource_to_telemetry_conversion.enabled, true);
        const sa = named(objects, "ServiceAccount", "otel-collector");
        assert.match(sa.metadata.annotations?.["eks.amazonaws.com/role-arn"] ?? "", /^arn:aws:iam::[^:]+:role\/k8shop-otel-collector$/);
      } else {
        assert.match(image, /^otel\/opentelemetry-collector-contrib:\d+\.\d+\.\d+$/);
      }
    });

    it("lets only the collector and Prometheus (namespace monitoring) reach the management port", () => {
      const policies = ofKind(objects, "NetworkPolicy").filter((p) => (p.spec.ingress ?? []).some((r: Any) =>
        (r.ports ?? []).some((x: Any) => x.port === 9464)));
      assert.deepEqual(policies.map((p) => p.metadata.name), ["metrics-scrape"]);
      const peers = policies[0].spec.ingress.flatMap((r: Any) => r.from);
      assert.deepEqual(peers, [
        { podSelector: { matchLabels: { "app.kubernetes.io/name": "otel-collector" } } },
        { namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "monitoring" } },
          podSelector: { matchLabels: { "app.kubernetes.io/name": "prometheus" } } },
      ]);
      for (const w of shopHosts(objects))
        assert.ok(selects(policies[0].spec.podSelector, podTemplate(w).metadata.labels), `${id(w)} is not covered by metrics-scrape`);
    });
  });
}

describe("infra/observability PodMonitor", { skip: renderSkip }, () => {
  it("selects every silo, gateway and identity pod of both overlays and scrapes their port named metrics", () => {
    const monitor = parse(execFileSync("kubectl", ["kustomize", observabilityDir], { encoding: "utf8" }).split(/^---$/m)
      .find((d) => /^kind: PodMonitor$/m.test(d)) ?? "") as Any;
    assert.deepEqual(monitor.spec.podMetricsEndpoints.map((e: Any) => [e.port, e.path]), [["metrics", "/metrics"]]);
    for (const overlay of overlays) {
      const objects = render(overlay);
      const hosts = shopHosts(objects);
      for (const w of hosts) assert.ok(selects(monitor.spec.selector, podTemplate(w).metadata.labels), `${overlay} ${id(w)}`);
      const others = workloads(objects).filter((w) => !hosts.includes(w) && selects(monitor.spec.selector, podTemplate(w).metadata.labels));
      assert.deepEqual(others.map(id), [], "the PodMonitor selects pods without a management port");
    }
  });
});
