import path from "node:path";
import { fileURLToPath } from "node:url";

/** infra/tests, whether running from src/ (ts) or dist/ (compiled). */
export const testsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const infraDir = path.resolve(testsDir, "..");
export const repoDir = path.resolve(infraDir, "..");
export const k8sDir = path.join(infraDir, "k8s");
export const terraformDir = path.join(infraDir, "terraform");
export const dockerDir = path.join(infraDir, "docker");
export const overlays = ["local", "aws"] as const;
export type Overlay = (typeof overlays)[number];
