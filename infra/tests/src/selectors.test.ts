import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { overlays } from "./paths.js";
import { renderSkip, id, minPods, named, ofKind, podsSelectedBy, podTemplate, render, selects, workloads, type K8sObject } from "./render.js";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = Record<string, any>;

for (const overlay of overlays) {
  describe(`overlay ${overlay}: selectors match real pods`, { skip: renderSkip }, () => {
    const objects = render(overlay);

    it("denies all ingress and egress by default", () => {
      const deny = ofKind(objects, "NetworkPolicy").find((p) =>
        Object.keys(p.spec.podSelector ?? {}).length === 0 && !p.spec.ingress && !p.spec.egress
        && p.spec.policyTypes?.includes("Ingress") && p.spec.policyTypes?.includes("Egress"));
      assert.ok(deny, "no default-deny NetworkPolicy");
    });

    it("has NetworkPolicies whose podSelector and every in-namespace peer selector match some pod", () => {
      const problems: string[] = [];
      for (const p of ofKind(objects, "NetworkPolicy")) {
        const selector = p.spec.podSelector;
        if (Object.keys(selector ?? {}).length > 0 && podsSelectedBy(objects, selector).length === 0)
          problems.push(`${id(p)}: podSelector ${JSON.stringify(selector)} matches no pod`);
        const peers: Any[] = [...(p.spec.ingress ?? []).flatMap((r: Any) => r.from ?? []), ...(p.spec.egress ?? []).flatMap((r: Any) => r.to ?? [])];
        for (const peer of peers) {
          // Peers in other namespaces (kube-dns) and IP blocks cannot be checked against these manifests.
          if (peer.namespaceSelector || peer.ipBlock || !peer.podSelector) continue;
          if (podsSelectedBy(objects, peer.podSelector).length === 0)
            problems.push(`${id(p)}: peer ${JSON.stringify(peer.podSelector)} matches no pod`);
        }
      }
      assert.deepEqual(problems, []);
    });

    it("opens in each NetworkPolicy only ports that the selected pods listen on", () => {
      const problems: string[] = [];
      for (const p of ofKind(objects, "NetworkPolicy")) {
        const pods = Object.keys(p.spec.podSelector ?? {}).length ? podsSelectedBy(objects, p.spec.podSelector) : [];
        for (const rule of p.spec.ingress ?? []) {
          for (const port of rule.ports ?? []) {
            const listening = pods.some((w) => podTemplate(w).spec.containers.some((c: Any) =>
              (c.ports ?? []).some((cp: Any) => cp.containerPort === port.port || cp.name === port.port)));
            if (!listening) problems.push(`${id(p)}: ingress port ${port.port} is not a container port of the selected pods`);
          }
        }
      }
      assert.deepEqual(problems, []);
    });

    it("has Services that each select a workload exposing every targetPort", () => {
      const problems: string[] = [];
      for (const s of ofKind(objects, "Service")) {
        const pods = podsSelectedBy(objects, { matchLabels: s.spec.selector });
        if (pods.length === 0) { problems.push(`${id(s)} selects no workload`); continue; }
        for (const port of s.spec.ports) {
          const target = port.targetPort ?? port.port;
          const ok = pods.every((w) => podTemplate(w).spec.containers.some((c: Any) =>
            (c.ports ?? []).some((cp: Any) => cp.name === target || cp.containerPort === target)));
          if (!ok) problems.push(`${id(s)}: targetPort ${target} is not a container port of every selected workload`);
        }
      }
      assert.deepEqual(problems, []);
    });

    it("has HorizontalPodAutoscalers on Deployments whose containers request CPU", () => {
      for (const h of ofKind(objects, "HorizontalPodAutoscaler")) {
        const target = named(objects, h.spec.scaleTargetRef.kind, h.spec.scaleTargetRef.name);
        for (const c of podTemplate(target).spec.containers)
          assert.ok(c.resources?.requests?.cpu, `${id(h)}: ${id(target)} ${c.name} requests no CPU`);
        assert.ok(h.spec.metrics.some((m: Any) => m.resource?.name === "cpu"), `${id(h)}: no CPU metric`);
        assert.ok(h.spec.minReplicas <= h.spec.maxReplicas, `${id(h)}: min > max`);
      }
    });

    it("has a PodDisruptionBudget for every replicated workload, one that still allows an eviction", () => {
      const pdbs = ofKind(objects, "PodDisruptionBudget");
      for (const w of workloads(objects).filter((w) => minPods(objects, w) > 1)) {
        const pdb = pdbs.find((p) => selects(p.spec.selector, podTemplate(w).metadata.labels));
        assert.ok(pdb, `${id(w)} has no PodDisruptionBudget`);
        if (pdb.spec.minAvailable !== undefined)
          assert.ok(pdb.spec.minAvailable < minPods(objects, w), `${id(pdb)}: minAvailable blocks every eviction`);
        else assert.ok(pdb.spec.maxUnavailable >= 1, `${id(pdb)}: maxUnavailable`);
      }
      for (const p of pdbs) assert.ok(podsSelectedBy(objects, p.spec.selector).length > 0, `${id(p)} selects nothing`);
    });

    it("spreads silos, gateways, the storefront and RabbitMQ over zones and hosts", () => {
      for (const w of workloads(objects).filter((w) => ["silo", "gateway", "storefront", "broker"].includes(podTemplate(w).metadata.labels["app.kubernetes.io/component"]))) {
        const spec = podTemplate(w).spec;
        assert.ok(spec.topologySpreadConstraints?.some((t: Any) => t.topologyKey === "topology.kubernetes.io/zone"), `${id(w)}: no zone spread`);
        assert.ok(spec.affinity?.podAntiAffinity, `${id(w)}: no pod anti-affinity`);
        for (const t of spec.topologySpreadConstraints)
          assert.ok(selects(t.labelSelector, podTemplate(w).metadata.labels), `${id(w)}: spread selector misses its own pods`);
      }
    });

    it("binds every RoleBinding subject to a ServiceAccount that exists and a Role that exists", () => {
      for (const b of ofKind(objects, "RoleBinding")) {
        named(objects, b.roleRef.kind, b.roleRef.name);
        for (const s of b.subjects) named(objects, s.kind, s.name);
      }
      for (const w of workloads(objects)) {
        const sa = podTemplate(w).spec.serviceAccountName;
        assert.ok(sa, `${id(w)} uses the default ServiceAccount`);
        named(objects, "ServiceAccount", sa);
      }
    });
  });
}

export type { K8sObject };
