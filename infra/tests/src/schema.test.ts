import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { overlays } from "./paths.js";
import { renderSkip, id, render, type K8sObject } from "./render.js";
import { modelPath, typeCheck } from "./typecheck.js";

async function validate(o: K8sObject): Promise<string | undefined> {
  const module = (await import(modelPath(o))) as Record<string, new (data: unknown) => { validate(): void }>;
  const Model = module[o.kind];
  assert.ok(Model, `no model for ${o.apiVersion} ${o.kind}`);
  try {
    new Model(o).validate();
    return undefined;
  } catch (e) {
    return `${id(o)}: ${(e as Error).message}`;
  }
}

for (const overlay of overlays) {
  describe(`overlay ${overlay} against the Kubernetes schemas`, { skip: renderSkip }, () => {
    it("validates every object (types, required fields, enums)", async () => {
      const problems = (await Promise.all(render(overlay).map(validate))).filter(Boolean);
      assert.deepEqual(problems, []);
    });

    it("types every object with its TypeScript interface, so tsc --strict rejects misspelled fields", () => {
      const output = typeCheck(render(overlay), overlay);
      assert.equal(output, "", `tsc found fields that are not in the Kubernetes API:\n${output.slice(0, 4000)}`);
    });
  });
}

describe("the schema checks themselves", () => {
  const broken = (spec: object): K8sObject => ({ apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "broken" },
    spec: { selector: { matchLabels: { a: "b" } }, template: { metadata: { labels: { a: "b" } }, spec: { containers: [{ name: "c", image: "i:1.0.0" }] } }, ...spec } });

  it("reject a wrong type", async () => {
    assert.match((await validate(broken({ replicas: "two" }))) ?? "", /replicas must be integer/);
  });

  it("reject a misspelled field", () => {
    assert.match(typeCheck([broken({ replicass: 2 })], "self-check"), /'"replicass"' does not exist/);
  });
});
