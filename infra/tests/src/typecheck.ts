import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { testsDir } from "./paths.js";
import { id, type K8sObject } from "./render.js";

/** kubernetes-models lays its models out by apiVersion and kind: "apps/v1" + "Deployment" → apps/v1/Deployment. */
export const modelPath = (o: K8sObject) => `kubernetes-models/${o.apiVersion}/${o.kind}`;

/**
 * Writes each object as a constant typed with its kubernetes-models interface and runs tsc --strict over the file:
 * an object literal may only name known properties, so a misspelled field is an error. Returns tsc's complaints.
 */
export function typeCheck(objects: K8sObject[], name: string): string {
  const dir = path.join(testsDir, ".generated");
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}.ts`);
  const imports = new Map<string, string>();
  const consts = objects.map((o, i) => {
    const alias = `I${o.kind}_${o.apiVersion.replace(/[^A-Za-z0-9]/g, "_")}`;
    imports.set(alias, `import type { I${o.kind} as ${alias} } from "${modelPath(o)}";`);
    return `// ${id(o)}\nexport const o${i}: ${alias} = ${JSON.stringify(o, null, 2)};`;
  });
  fs.writeFileSync(file, [...imports.values(), ...consts].join("\n") + "\n");
  const tsc = path.join(testsDir, "node_modules", "typescript", "bin", "tsc");
  try {
    execFileSync(process.execPath, [tsc, "--noEmit", "--strict", "--target", "es2022", "--module", "nodenext",
      "--moduleResolution", "nodenext", "--skipLibCheck", "--types", "node", file], { encoding: "utf8", cwd: testsDir });
    return "";
  } catch (e) {
    return String((e as { stdout?: string }).stdout ?? e);
  }
}
