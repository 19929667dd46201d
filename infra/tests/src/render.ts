import { execFileSync } from "node:child_process";
import path from "node:path";
import { parseAllDocuments } from "yaml";
import { k8sDir, type Overlay } from "./paths.js";

/** A rendered Kubernetes object, read loosely: the checks look into it field by field. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type K8sObject = { apiVersion: string; kind: string; metadata: { name: string; namespace?: string; labels?: Record<string, string>; annotations?: Record<string, string> }; [key: string]: any };

const cache = new Map<string, K8sObject[]>();

function kubectlWorks(): boolean {
  try {
    execFileSync("kubectl", ["version", "--client"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

/**
 * Skip reason for the checks that render overlays: as with the services of the .NET tests, a missing kubectl skips
 * them with a clear message outside CI and fails them under CI=true.
 */
export const renderSkip: string | false = kubectlWorks() || process.env.CI === "true"
  ? false
  : "kubectl not found: install kubectl 1.27 or later (Kubernetes apt source pkgs.k8s.io) to render the overlays";

/** The YAML that "kubectl kustomize" makes of an overlay (kubectl renders offline; no cluster needed). */
export function renderYaml(overlay: Overlay | "base"): string {
  const dir = overlay === "base" ? path.join(k8sDir, "base") : path.join(k8sDir, "overlays", overlay);
  return execFileSync("kubectl", ["kustomize", dir], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
}

export function render(overlay: Overlay | "base"): K8sObject[] {
  let objects = cache.get(overlay);
  if (!objects) {
    objects = parseAllDocuments(renderYaml(overlay))
      .map((doc) => {
        if (doc.errors.length > 0) throw new Error(`${overlay}: ${doc.errors[0].message}`);
        return doc.toJS() as K8sObject | null;
      })
      .filter((o): o is K8sObject => o !== null);
    cache.set(overlay, objects);
  }
  return objects;
}

export const id = (o: K8sObject) => `${o.kind}/${o.metadata.name}`;
export const ofKind = (objects: K8sObject[], kind: string) => objects.filter((o) => o.kind === kind);
export const named = (objects: K8sObject[], kind: string, name: string) => {
  const found = objects.find((o) => o.kind === kind && o.metadata.name === name);
  if (!found) throw new Error(`${kind}/${name} is not rendered`);
  return found;
};

/** Workloads: what runs pods, with their pod template. */
export const workloadKinds = ["Deployment", "StatefulSet", "DaemonSet", "Job"];
export const workloads = (objects: K8sObject[]) => objects.filter((o) => workloadKinds.includes(o.kind));
export const podTemplate = (w: K8sObject) => w.spec.template;

export type LabelSelector = { matchLabels?: Record<string, string>; matchExpressions?: { key: string; operator: string; values?: string[] }[] };

/** Kubernetes label-selector semantics (matchLabels and matchExpressions, all AND-ed). */
export function selects(selector: LabelSelector | undefined, labels: Record<string, string> | undefined): boolean {
  if (!selector) return false;
  const l = labels ?? {};
  for (const [k, v] of Object.entries(selector.matchLabels ?? {})) if (l[k] !== v) return false;
  for (const e of selector.matchExpressions ?? []) {
    const has = Object.hasOwn(l, e.key);
    const inValues = has && (e.values ?? []).includes(l[e.key]);
    if (e.operator === "In" && !inValues) return false;
    if (e.operator === "NotIn" && inValues) return false;
    if (e.operator === "Exists" && !has) return false;
    if (e.operator === "DoesNotExist" && has) return false;
  }
  return true;
}

/** The pod templates (with the workload that owns them) a selector picks. */
export const podsSelectedBy = (objects: K8sObject[], selector: LabelSelector | undefined) =>
  workloads(objects).filter((w) => selects(selector, podTemplate(w).metadata?.labels));

/** The HorizontalPodAutoscaler scaling a workload, if any. */
export const hpaOf = (objects: K8sObject[], w: K8sObject) =>
  objects.find((o) => o.kind === "HorizontalPodAutoscaler" && o.spec.scaleTargetRef.kind === w.kind && o.spec.scaleTargetRef.name === w.metadata.name);

/** The fewest pods a workload runs: its autoscaler's floor, else its replicas. */
export const minPods = (objects: K8sObject[], w: K8sObject): number => hpaOf(objects, w)?.spec.minReplicas ?? w.spec.replicas ?? 1;
