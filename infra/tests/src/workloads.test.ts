import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { overlays } from "./paths.js";
import { renderSkip, hpaOf, id, named, podTemplate, render, workloads, type K8sObject } from "./render.js";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Container = Record<string, any>;
const containersOf = (w: K8sObject): Container[] => podTemplate(w).spec.containers;
const initContainersOf = (w: K8sObject): Container[] => podTemplate(w).spec.initContainers ?? [];
const allContainers = (w: K8sObject) => [...initContainersOf(w), ...containersOf(w)];

for (const overlay of overlays) {
  describe(`overlay ${overlay}: every workload`, { skip: renderSkip }, () => {
    const objects = render(overlay);

    it("has liveness and readiness probes on each container of a long-running workload", () => {
      for (const w of workloads(objects).filter((w) => w.kind !== "Job"))
        for (const c of containersOf(w)) {
          assert.ok(c.livenessProbe, `${id(w)} ${c.name}: no livenessProbe`);
          assert.ok(c.readinessProbe, `${id(w)} ${c.name}: no readinessProbe`);
        }
    });

    it("runs Jobs to an end: retries bounded, a deadline, restarted in place, cleaned up after", () => {
      for (const j of objects.filter((o) => o.kind === "Job")) {
        assert.ok(j.spec.backoffLimit >= 1 && j.spec.backoffLimit <= 20, `${id(j)}: backoffLimit`);
        assert.ok(j.spec.activeDeadlineSeconds > 0, `${id(j)}: no activeDeadlineSeconds`);
        assert.ok(j.spec.ttlSecondsAfterFinished > 0, `${id(j)}: never cleaned up, so a later apply cannot run it again`);
        assert.ok(["OnFailure", "Never"].includes(podTemplate(j).spec.restartPolicy), `${id(j)}: restartPolicy`);
      }
    });

    it("requests CPU and memory and limits memory on each container, init containers too", () => {
      for (const w of workloads(objects))
        for (const c of allContainers(w)) {
          assert.ok(c.resources?.requests?.cpu, `${id(w)} ${c.name}: no CPU request`);
          assert.ok(c.resources?.requests?.memory, `${id(w)} ${c.name}: no memory request`);
          assert.ok(c.resources?.limits?.memory, `${id(w)} ${c.name}: no memory limit`);
        }
    });

    it("meets the restricted Pod Security profile", () => {
      for (const w of workloads(objects)) {
        const pod = podTemplate(w).spec;
        assert.equal(pod.securityContext?.runAsNonRoot, true, `${id(w)}: runAsNonRoot`);
        assert.notEqual(pod.securityContext?.runAsUser, 0, `${id(w)}: runs as uid 0`);
        assert.equal(pod.securityContext?.seccompProfile?.type, "RuntimeDefault", `${id(w)}: seccomp`);
        for (const flag of ["hostNetwork", "hostPID", "hostIPC"]) assert.ok(!pod[flag], `${id(w)}: ${flag}`);
        for (const v of pod.volumes ?? []) assert.ok(!v.hostPath, `${id(w)}: hostPath volume ${v.name}`);
        for (const c of allContainers(w)) {
          const sc = c.securityContext ?? {};
          const where = `${id(w)} ${c.name}`;
          assert.equal(sc.allowPrivilegeEscalation, false, `${where}: allowPrivilegeEscalation`);
          assert.equal(sc.readOnlyRootFilesystem, true, `${where}: readOnlyRootFilesystem`);
          assert.ok(!sc.privileged, `${where}: privileged`);
          assert.deepEqual(sc.capabilities?.drop, ["ALL"], `${where}: capabilities.drop`);
          assert.ok(!sc.capabilities?.add?.length, `${where}: adds capabilities`);
          assert.notEqual(sc.runAsUser, 0, `${where}: runs as uid 0`);
          for (const p of c.ports ?? []) assert.ok(!p.hostPort, `${where}: hostPort`);
        }
      }
    });

    it("gives each container a writable /tmp on an emptyDir while the root filesystem is read-only", () => {
      for (const w of workloads(objects)) {
        const emptyDirs = new Set((podTemplate(w).spec.volumes ?? []).filter((v: Container) => v.emptyDir).map((v: Container) => v.name));
        for (const c of allContainers(w)) {
          const tmp = (c.volumeMounts ?? []).find((m: Container) => m.mountPath === "/tmp");
          assert.ok(tmp && emptyDirs.has(tmp.name), `${id(w)} ${c.name}: /tmp is not an emptyDir mount`);
        }
      }
    });

    it("uses an image with an explicit tag, never latest after the overlay's image settings", () => {
      for (const w of workloads(objects))
        for (const c of allContainers(w)) {
          const image: string = c.image;
          const tag = image.includes("@") ? "digest" : image.slice(image.lastIndexOf("/") + 1).split(":")[1];
          assert.ok(tag && tag !== "latest", `${id(w)} ${c.name}: image ${image}`);
        }
    });

    it("mounts no service account token unless it talks to the Kubernetes API (only silos do)", () => {
      for (const w of workloads(objects)) {
        const pod = podTemplate(w).spec;
        if (w.metadata.name === "silo") assert.equal(pod.automountServiceAccountToken, true);
        else assert.equal(pod.automountServiceAccountToken, false, `${id(w)} mounts a token`);
      }
    });

    it("rolls Deployments out without taking a replica away first", () => {
      const scaled = objects.filter((o) => o.kind === "Deployment" && hpaOf(objects, o));
      assert.ok(scaled.length >= 10, "silo, seven gateways, the identity provider and the storefront are autoscaled");
      for (const d of scaled)
        assert.equal(d.spec.strategy?.rollingUpdate?.maxUnavailable, 0, `${id(d)}: maxUnavailable`);
    });

    it("leaves replicas unset where an autoscaler owns the count, so kubectl apply cannot reset it", () => {
      for (const w of workloads(objects).filter((w) => hpaOf(objects, w)))
        assert.equal(w.spec.replicas, undefined, `${id(w)} sets replicas under an HPA`);
    });

    it("stops within the termination grace period: preStop pause plus the host's shutdown timeout fit in it", () => {
      for (const name of ["silo", "catalog-service", "order-service"]) {
        const d = named(objects, "Deployment", name);
        const pod = podTemplate(d).spec;
        const container = pod.containers[0];
        const pause = container.lifecycle?.preStop?.sleep?.seconds;
        assert.ok(pause > 0, `${name}: no preStop sleep`);
        const configName = name === "silo" ? "silo-config" : "gateway-config";
        const shutdown = Number(named(objects, "ConfigMap", configName).data.DOTNET_SHUTDOWNTIMEOUTSECONDS);
        assert.ok(shutdown > 0, `${configName}: DOTNET_SHUTDOWNTIMEOUTSECONDS`);
        assert.ok(pod.terminationGracePeriodSeconds > pause + shutdown,
          `${name}: grace ${pod.terminationGracePeriodSeconds}s <= preStop ${pause}s + shutdown ${shutdown}s`);
      }
    });
  });
}
