import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import path from "node:path";
import { describe, it } from "node:test";
import { k8sDir } from "./paths.js";

describe("YAML hygiene", () => {
  it("yamllint finds nothing in infra/k8s (scripts/test.sh installs yamllint with apt)", () => {
    let output = "";
    try {
      execFileSync("yamllint", ["--strict", "-f", "parsable", "-c", path.join(k8sDir, ".yamllint.yaml"), k8sDir], { encoding: "utf8" });
    } catch (e) {
      const err = e as { code?: string; stdout?: string };
      output = err.code === "ENOENT" ? "yamllint is not installed (apt-get install yamllint)" : String(err.stdout);
    }
    assert.equal(output, "");
  });
});
