import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import { overlays, testsDir } from "./paths.js";
import { renderSkip, id, render, type K8sObject } from "./render.js";

/** kubernetes-models lays its models out by apiVersion and kind: "apps/v1" + "Deployment" → apps/v1/Deployment. */
const modelPath = (o: K8sObject) => `kubernetes-models/${o.apiVersion}/${o.kind}`;

for (const overlay of overlays) {
  describe(`overlay ${overlay} against the Kubernetes schemas`, { skip: renderSkip }, () => {
    it("validates every object (types, required fields, enums)", async () => {
      const problems: string[] = [];
      for (const o of render(overlay)) {
        const module = (await import(modelPath(o))) as Record<string, new (data: unknown) => { validate(): void }>;
        const Model = module[o.kind];
        assert.ok(Model, `no model for ${o.apiVersion} ${o.kind}`);
        try {
          new Model(o).validate();
        } catch (e) {
          problems.push(`${id(o)}: ${(e as Error).message}`);
        }
      }
      assert.deepEqual(problems, []);
    });

    it("types every object with its TypeScript interface, so tsc --strict rejects misspelled fields", () => {
      const dir = path.join(testsDir, ".generated");
      fs.mkdirSync(dir, { recursive: true });
      const file = path.join(dir, `${overlay}.ts`);
      const imports = new Map<string, string>();
      const consts = render(overlay).map((o, i) => {
        const alias = `I${o.kind}_${o.apiVersion.replace(/[^A-Za-z0-9]/g, "_")}`;
        imports.set(alias, `import type { I${o.kind} as ${alias} } from "${modelPath(o)}";`);
        return `// ${id(o)}\nexport const o${i}: ${alias} = ${JSON.stringify(o, null, 2)};`;
      });
      fs.writeFileSync(file, [...imports.values(), ...consts].join("\n") + "\n");
      const tsc = path.join(testsDir, "node_modules", "typescript", "bin", "tsc");
      let output = "";
      try {
        execFileSync(process.execPath, [tsc, "--noEmit", "--strict", "--target", "es2022", "--module", "nodenext",
          "--moduleResolution", "nodenext", "--skipLibCheck", "--types", "node", file], { encoding: "utf8", cwd: testsDir });
      } catch (e) {
        output = String((e as { stdout?: string }).stdout ?? e);
      }
      assert.equal(output, "", `tsc found fields that are not in the Kubernetes API:\n${output.slice(0, 4000)}`);
    });
  });
}
