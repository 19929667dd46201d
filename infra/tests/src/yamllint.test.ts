import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import path from "node:path";
import { describe, it } from "node:test";
import { infraDir, k8sDir } from "./paths.js";

const yamllint = (dir: string) => () => {
  let output = "";
  try {
    execFileSync("yamllint", ["--strict", "-f", "parsable", "-c", path.join(dir, ".yamllint.yaml"), dir], { encoding: "utf8" });
  } catch (e) {
    const err = e as { code?: string; stdout?: string };
    output = err.code === "ENOENT" ? "yamllint is not installed (apt-get install yamllint)" : String(err.stdout);
  }
  assert.equal(output, "");
};

describe("YAML hygiene", () => {
  it("yamllint finds nothing in infra/k8s (scripts/test.sh installs yamllint with apt)", yamllint(k8sDir));
  it("yamllint finds nothing in infra/observability", yamllint(path.join(infraDir, "observability")));
});
