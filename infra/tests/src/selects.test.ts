import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { selects } from "./render.js";

describe("label selector matching used by the policy checks", () => {
  const labels = { "app.kubernetes.io/name": "silo", tier: "backend" };

  it("needs every matchLabels pair", () => {
    assert.equal(selects({ matchLabels: { "app.kubernetes.io/name": "silo" } }, labels), true);
    assert.equal(selects({ matchLabels: { "app.kubernetes.io/name": "silo", tier: "front" } }, labels), false);
    assert.equal(selects({ matchLabels: { app: "silo" } }, labels), false);
  });

  it("applies matchExpressions In, NotIn, Exists and DoesNotExist", () => {
    assert.equal(selects({ matchExpressions: [{ key: "tier", operator: "In", values: ["backend", "x"] }] }, labels), true);
    assert.equal(selects({ matchExpressions: [{ key: "tier", operator: "NotIn", values: ["backend"] }] }, labels), false);
    assert.equal(selects({ matchExpressions: [{ key: "zone", operator: "Exists" }] }, labels), false);
    assert.equal(selects({ matchExpressions: [{ key: "zone", operator: "DoesNotExist" }] }, labels), true);
  });

  it("selects nothing without a selector", () => {
    assert.equal(selects(undefined, labels), false);
  });
});
