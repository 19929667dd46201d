import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { overlays } from "./paths.js";
import { id, render, renderSkip, renderYaml } from "./render.js";

// Counted as skipped in the totals when kubectl is missing (the suites below are then skipped as a whole).
it("kubectl is there to render the overlays", { skip: renderSkip }, () => {
  assert.ok(renderYaml("base").includes("kind: Namespace"));
});

for (const overlay of overlays) {
  describe(`overlay ${overlay} renders`, { skip: renderSkip }, () => {
    it("kubectl kustomize renders it into named objects with apiVersion and kind", () => {
      const objects = render(overlay);
      assert.ok(objects.length > 40, `only ${objects.length} objects`);
      for (const o of objects) {
        assert.ok(o.apiVersion && o.kind && o.metadata?.name, `incomplete object: ${JSON.stringify(o).slice(0, 200)}`);
      }
    });

    it("puts every namespaced object in namespace bookstore", () => {
      const clusterScoped = ["Namespace", "StorageClass", "ClusterRole", "ClusterRoleBinding"];
      for (const o of render(overlay).filter((o) => !clusterScoped.includes(o.kind))) {
        assert.equal(o.metadata.namespace, "bookstore", `${id(o)} is in ${o.metadata.namespace}`);
      }
    });

    it("has no two objects of the same kind and name", () => {
      const seen = new Set<string>();
      for (const o of render(overlay)) {
        assert.ok(!seen.has(id(o)), `${id(o)} twice`);
        seen.add(id(o));
      }
    });
  });
}
