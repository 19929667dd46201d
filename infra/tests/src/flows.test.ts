import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { overlays, type Overlay } from "./paths.js";
import { renderSkip, named, ofKind, podTemplate, render, selects, type K8sObject } from "./render.js";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = Record<string, any>;
type Direction = "Ingress" | "Egress";

/**
 * Whether NetworkPolicies let a pod with labels `from` open a TCP connection to a pod with labels `to` on `port`,
 * both in the namespace: the source must be allowed to send (egress) and the destination to receive (ingress).
 * A pod that no policy of a direction selects is open in that direction, as in Kubernetes.
 */
function allowed(objects: K8sObject[], from: Record<string, string>, to: Record<string, string>, port: number): boolean {
  const side = (direction: Direction, self: Record<string, string>, peer: Record<string, string>) => {
    const policies = ofKind(objects, "NetworkPolicy").filter((p) =>
      (p.spec.policyTypes ?? ["Ingress"]).includes(direction) && (Object.keys(p.spec.podSelector ?? {}).length === 0
        || selects(p.spec.podSelector, self)));
    if (policies.length === 0) return true;
    return policies.some((p) => ((direction === "Ingress" ? p.spec.ingress : p.spec.egress) ?? []).some((rule: Any) => {
      const peers: Any[] | undefined = direction === "Ingress" ? rule.from : rule.to;
      const peerOk = !peers || peers.some((x) => !x.namespaceSelector && !x.ipBlock && selects(x.podSelector, peer));
      const portOk = !rule.ports || rule.ports.some((p: Any) => p.port === port && (p.protocol ?? "TCP") === "TCP");
      return peerOk && portOk;
    }));
  };
  return side("Egress", from, to) && side("Ingress", to, from);
}

const podLabels = (objects: K8sObject[], kind: string, name: string) => podTemplate(named(objects, kind, name)).metadata.labels;
const gateways = ["catalog-service", "cart-service", "order-service", "inventory-service", "payment-service", "notification-service", "recommendation-service"];

function flows(overlay: Overlay) {
  const objects = render(overlay);
  const kind = (name: string) => name === "db-roles" ? "Job"
    : name === "rabbitmq" || ["postgres", "redis", "dynalite"].includes(name) ? "StatefulSet" : "Deployment";
  const pod = (name: string) => podLabels(objects, kind(name), name);
  const check = (from: string, to: string, port: number) => allowed(objects, pod(from), pod(to), port);
  return { objects, check };
}

for (const overlay of overlays) {
  describe(`overlay ${overlay}: traffic the NetworkPolicies allow and deny`, { skip: renderSkip }, () => {
    it("allows every connection the shop needs", () => {
      const { objects, check } = flows(overlay);
      const needed: [string, string, number][] = [
        ["silo", "silo", 11111],
        ["silo", "rabbitmq", 5672],
        ["rabbitmq", "rabbitmq", 4369],
        ["rabbitmq", "rabbitmq", 25672],
        ...gateways.map((g): [string, string, number] => ["storefront", g, g === "order-service" ? 8000 : 8080]),
        ...gateways.map((g): [string, string, number] => [g, "silo", 30000]),
        // Accounts: the storefront routes the provider's pages and endpoints; gateways and silos read its keys.
        ["storefront", "identity", 8080],
        ...gateways.map((g): [string, string, number] => [g, "identity", 8080]),
        ["silo", "identity", 8080],
        // Telemetry: OTLP to the collector; the collector (or Prometheus) scrapes the management port.
        ...["silo", "identity", ...gateways].map((p): [string, string, number] => [p, "otel-collector", 4317]),
        ...["silo", "identity", ...gateways].map((p): [string, string, number] => ["otel-collector", p, 9464]),
      ];
      if (overlay === "local")
        needed.push(["silo", "postgres", 5432], ["silo", "redis", 6379], ["silo", "dynalite", 8000], ["silo", "smtp-sink", 1025],
          ["catalog-service", "postgres", 5432], ["identity", "postgres", 5432], ["identity", "smtp-sink", 1025],
          ["db-roles", "postgres", 5432]);
      const blocked = needed.filter(([from, to, port]) => !check(from, to, port)).map((f) => f.join(" → "));
      assert.deepEqual(blocked, []);
      assert.ok(objects.length > 0);
    });

    it("denies what no one needs: the storefront to silos or RabbitMQ, gateways to RabbitMQ, the gRPC port from the storefront, the identity provider and the roles Job beyond their stores", () => {
      const { check } = flows(overlay);
      const forbidden: [string, string, number][] = [
        ["storefront", "silo", 30000],
        ["storefront", "silo", 8080],
        ["storefront", "rabbitmq", 5672],
        ["catalog-service", "rabbitmq", 5672],
        ["catalog-service", "silo", 11111],
        ["storefront", "catalog-service", 50051],
        ["rabbitmq", "silo", 30000],
        // The identity provider talks to its store and mail server only; the roles Job to the database only.
        ["identity", "silo", 30000],
        ["identity", "silo", 8080],
        ["identity", "catalog-service", 8080],
        ["identity", "rabbitmq", 5672],
        ["rabbitmq", "identity", 8080],
        ["db-roles", "silo", 30000],
        ["db-roles", "identity", 8080],
        ["db-roles", "rabbitmq", 5672],
        ["storefront", "db-roles", 5432],
        // The management port (/metrics) is for the collector and Prometheus, not for neighbours.
        ["storefront", "silo", 9464],
        ["catalog-service", "silo", 9464],
        ["silo", "order-service", 9464],
        ["silo", "identity", 9464],
        ["rabbitmq", "silo", 9464],
        ["storefront", "otel-collector", 4317],
        ["otel-collector", "silo", 30000],
        ["otel-collector", "rabbitmq", 5672],
      ];
      if (overlay === "local")
        forbidden.push(["storefront", "postgres", 5432], ["catalog-service", "redis", 6379], ["rabbitmq", "postgres", 5432],
          ["identity", "redis", 6379], ["identity", "dynalite", 8000], ["db-roles", "redis", 6379], ["db-roles", "smtp-sink", 1025],
          ["catalog-service", "smtp-sink", 1025], ["storefront", "smtp-sink", 1025]);
      const open = forbidden.filter(([from, to, port]) => check(from, to, port)).map((f) => f.join(" → "));
      assert.deepEqual(open, []);
    });
  });
}
