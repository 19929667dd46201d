import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, it } from "node:test";
import { Ajv } from "ajv";
import { parse, parseAllDocuments, stringify } from "yaml";
import {
  alertRules, dashboard, dashboardExpressions, dashboardFiles, dashboardsDir, metricNames, observabilityDir, prometheusRuleFile,
  referencedMetricsFile, referencedMetricsText, rules, rulesFile, rulesTestFile, withoutGrafanaVariables, type Any,
} from "./promql.js";

function promtoolWorks(): boolean {
  try {
    execFileSync("promtool", ["--version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

/** As with kubectl: without promtool the rule checks skip with a message outside CI and fail under CI=true. */
const promtoolSkip: string | false = promtoolWorks() || process.env.CI === "true"
  ? false
  : "promtool not found: install Debian's prometheus package (scripts/test.sh does) to check the alert rules";

function promtool(...args: string[]): { ok: boolean; output: string } {
  try {
    return { ok: true, output: execFileSync("promtool", args, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }) };
  } catch (e) {
    const err = e as { stdout?: string; stderr?: string; message: string };
    return { ok: false, output: `${err.stdout ?? ""}${err.stderr ?? ""}` || err.message };
  }
}

const tempDir = () => fs.mkdtempSync(path.join(os.tmpdir(), "k8shop-observability-"));

function writeTemp(name: string, text: string): string {
  const file = path.join(tempDir(), name);
  fs.writeFileSync(file, text);
  return file;
}

describe("alert rules (infra/observability/prometheus)", { skip: promtoolSkip }, () => {
  it("promtool check rules accepts the rules file", () => {
    const r = promtool("check", "rules", rulesFile);
    assert.ok(r.ok, r.output);
    assert.match(r.output, /SUCCESS: 7 rules found/);
  });

  it("promtool check rules accepts the PrometheusRule's spec.groups, and they equal the rules file", () => {
    const prometheusRule = parse(fs.readFileSync(prometheusRuleFile, "utf8")) as Any;
    assert.equal(prometheusRule.kind, "PrometheusRule");
    const file = writeTemp("spec-groups.yml", stringify({ groups: prometheusRule.spec.groups }));
    const r = promtool("check", "rules", file);
    assert.ok(r.ok, r.output);
    assert.deepEqual(prometheusRule.spec.groups, rules().groups);
  });

  it("the PrometheusRule is exactly what render-prometheus-rule.sh writes from the rules file", () => {
    const out = path.join(tempDir(), "prometheus-rule.yaml");
    execFileSync(path.join(observabilityDir, "render-prometheus-rule.sh"), [out]);
    assert.equal(fs.readFileSync(prometheusRuleFile, "utf8"), fs.readFileSync(out, "utf8"),
      "prometheus-rule.yaml is out of date: run infra/observability/render-prometheus-rule.sh");
  });

  it("promtool test rules: every alert fires on series that should fire it and stays quiet on others", () => {
    const r = promtool("test", "rules", rulesTestFile);
    assert.ok(r.ok, r.output);
    assert.match(r.output, /SUCCESS/);
  });

  it("has a unit test per alert that expects it to fire and one that expects silence", () => {
    const tests = (parse(fs.readFileSync(rulesTestFile, "utf8")) as Any).tests as Any[];
    const cases = tests.flatMap((t) => t.alert_rule_test as Any[]);
    for (const rule of alertRules()) {
      const mine = cases.filter((c) => c.alertname === rule.alert);
      assert.ok(mine.some((c) => c.exp_alerts?.length > 0), `${rule.alert}: no test expects it to fire`);
      assert.ok(mine.some((c) => Array.isArray(c.exp_alerts) && c.exp_alerts.length === 0), `${rule.alert}: no test expects silence`);
    }
  });

  it("promtool test rules fails when an alert's expectation is wrong (the check can fail)", () => {
    const tests = parse(fs.readFileSync(rulesTestFile, "utf8")) as Any;
    tests.rule_files = [rulesFile];
    // The outbox alert at 10 minutes fires for silo-a; expecting silence there must fail.
    const outbox = tests.tests.find((t: Any) => t.name === "outbox lag");
    outbox.alert_rule_test[1].exp_alerts = [];
    const r = promtool("test", "rules", writeTemp("broken.test.yml", stringify(tests)));
    assert.equal(r.ok, false, r.output);
    assert.match(r.output, /K8ShopOutboxLagging/);
  });

  it("covers the promises: checkout errors and p99, outbox lag, dead letters, a silo voted dead, a SKU shedding, a fault left on", () => {
    assert.deepEqual(alertRules().map((r) => r.alert).sort(), [
      "K8ShopCheckoutErrorRateHigh", "K8ShopCheckoutLatencyHigh", "K8ShopDeadLetters", "K8ShopFaultSwitchLeftOn",
      "K8ShopOutboxLagging", "K8ShopSiloDeclaredDead", "K8ShopSkuSheddingLoad",
    ]);
  });

  it("gives every alert a severity, a summary, a description and a runbook saying what to do next", () => {
    for (const r of alertRules()) {
      assert.ok(["critical", "warning"].includes(r.labels?.severity ?? ""), `${r.alert}: severity`);
      for (const a of ["summary", "description", "runbook"])
        assert.ok((r.annotations?.[a] ?? "").length >= (a === "runbook" ? 80 : 15), `${r.alert}: annotation ${a} missing or too short`);
    }
  });
});

describe("Grafana dashboards (infra/observability/grafana)", () => {
  const schema = JSON.parse(fs.readFileSync(path.join(dashboardsDir, "dashboard.schema.json"), "utf8"));
  const validate = new Ajv({ allErrors: true, strict: true }).compile(schema);
  const errors = () => (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`);

  it("validate against the JSON Schema of the part of Grafana's dashboard model they use", () => {
    assert.ok(dashboardFiles().length >= 3);
    for (const f of dashboardFiles()) assert.ok(validate(dashboard(f)), `${f}:\n${errors().join("\n")}`);
  });

  it("the schema rejects a misspelled panel field, a panel without queries and a query to another data source", () => {
    const d = dashboard("k8shop-checkout.json");
    const panel = d.panels.findIndex((p: Any) => p.type === "timeseries");
    const broken = (change: (copy: Any) => void) => { const copy = structuredClone(d); change(copy); return validate(copy); };
    assert.equal(broken((c) => { c.panels[panel].tittle = "x"; }), false);
    assert.equal(broken((c) => { c.panels[panel].targets = []; }), false);
    assert.equal(broken((c) => { c.panels[panel].targets[0].datasource.uid = "prometheus-prod"; }), false);
    assert.equal(broken((c) => { c.panels[panel].gridPos.w = 25; }), false);
  });

  it("lay panels inside the 24-column grid without overlapping, with unique panel ids and dashboard uids", () => {
    const uids = new Set<string>();
    for (const f of dashboardFiles()) {
      const d = dashboard(f);
      assert.ok(!uids.has(d.uid), `${f}: uid ${d.uid} used twice`);
      uids.add(d.uid);
      const ids = d.panels.map((p: Any) => p.id);
      assert.equal(new Set(ids).size, ids.length, `${f}: panel ids repeat`);
      const cells = new Map<string, string>();
      for (const p of d.panels) {
        const { x, y, w, h } = p.gridPos;
        assert.ok(x + w <= 24, `${f} "${p.title}": wider than the grid`);
        for (let i = x; i < x + w; i++)
          for (let j = y; j < y + h; j++) {
            const other = cells.get(`${i},${j}`);
            assert.ok(!other, `${f}: "${p.title}" overlaps "${other}"`);
            cells.set(`${i},${j}`, p.title);
          }
      }
    }
  });

  it("every panel and annotation query is PromQL that promtool parses", { skip: promtoolSkip }, () => {
    const exprs = dashboardFiles().flatMap((f) => dashboardExpressions(dashboard(f)));
    const groups = [{ name: "dashboards", rules: exprs.map((e, i) => ({ record: `k8shop:dashboard_query:${i}`, expr: withoutGrafanaVariables(e.expr) })) }];
    const r = promtool("check", "rules", writeTemp("dashboard-queries.yml", stringify({ groups })));
    assert.ok(r.ok, `${r.output}\n${exprs.map((e, i) => `${i}: ${e.where}`).join("\n")}`);
  });

  it("show what operators asked for: checkouts/s and p99 by outcome, errors, activations and calls per silo, hot SKUs, batches, outbox lag, queue depths, e-mail failures, GC pauses, active faults", () => {
    const all = dashboardFiles().flatMap((f) => dashboardExpressions(dashboard(f)).map((e) => e.expr)).join("\n");
    const needed: [string, RegExp][] = [
      ["checkouts/s by outcome", /sum by \(outcome\) \(rate\(k8shop_checkouts_total/],
      ["p99 by outcome", /histogram_quantile\(0\.99, sum by \(outcome, le\) \(rate\(k8shop_checkout_duration_seconds_bucket/],
      ["HTTP 5xx", /http_server_request_duration_seconds_count\{http_response_status_code=~"5\.\."\}/],
      ["activations per silo", /sum by \(pod\) \(orleans_catalog_activations\)/],
      ["grain calls per silo", /sum by \(pod\) \(rate\(orleans_app_requests_latency/],
      ["hot SKUs", /topk\(10, sum by \(sku\) \(rate\(k8shop_inventory_writes_total/],
      ["group-commit batches", /k8shop_inventory_group_commit_batch_size_bucket/],
      ["outbox lag", /k8shop_outbox_lag_seconds/],
      ["queue depths", /max by \(queue\) \(k8shop_events_queue_depth\)/],
      ["e-mail failures", /sum by \(reason\) \(rate\(k8shop_emails_failed_total/],
      ["GC pauses", /dotnet_gc_pause_time_seconds_total/],
      ["active faults", /max by \(fault\) \(k8shop_faults_active\)/],
    ];
    const missing = needed.filter(([, re]) => !re.test(all)).map(([what]) => what);
    assert.deepEqual(missing, []);
  });
});

describe("metric names in dashboards and rules", () => {
  it("are read from PromQL: names, not functions, labels, keywords or ranges", () => {
    assert.deepEqual(metricNames('histogram_quantile(0.99, sum by (outcome, le) (rate(k8shop_checkout_duration_seconds_bucket{outcome="x:y"}[5m])))'),
      ["k8shop_checkout_duration_seconds_bucket"]);
    assert.deepEqual(metricNames("(max(a_size) < max(max_over_time(a_size[15m]))) and on () (sum(increase(b_total[1m] offset 5m)) > 0)").sort(),
      ["a_size", "b_total"]);
    assert.deepEqual(metricNames("topk(10, sum without (pod) (rate(w_total[5m]))) / ignoring(sku) group_left c"), ["w_total", "c"]);
  });

  it("referenced-metrics.txt lists exactly the names they use (npm run referenced-metrics rewrites it)", () => {
    assert.equal(fs.readFileSync(referencedMetricsFile, "utf8"), referencedMetricsText(),
      "infra/observability/referenced-metrics.txt is out of date: run `npm run referenced-metrics` in infra/tests");
    const names = referencedMetricsText().split("\n").filter((l) => l && !l.startsWith("#"));
    for (const n of ["k8shop_checkouts_total", "k8shop_faults_active", "orleans_consistent_ring_size"]) assert.ok(names.includes(n), n);
  });

  it("use only our own, Orleans', ASP.NET Core's and the .NET runtime's metrics (the contract test proves each is emitted)", () => {
    const names = referencedMetricsText().split("\n").filter((l) => l && !l.startsWith("#"));
    const strangers = names.filter((n) => !/^(k8shop_|orleans_|http_server_|dotnet_)/.test(n));
    assert.deepEqual(strangers, []);
  });
});

describe("observability kustomization (infra/observability)", () => {
  const render = () => parseAllDocuments(execFileSync("kubectl", ["kustomize", observabilityDir], { encoding: "utf8" }))
    .map((d) => d.toJS() as Any).filter(Boolean);
  let kubectl = true;
  try { execFileSync("kubectl", ["version", "--client"], { stdio: "ignore" }); } catch { kubectl = false; }
  const skip = kubectl || process.env.CI === "true" ? false : "kubectl not found";

  it("ships each dashboard as a ConfigMap labelled grafana_dashboard=1 holding that file unchanged", { skip }, () => {
    const maps = render().filter((o) => o.kind === "ConfigMap");
    for (const f of dashboardFiles()) {
      const m = maps.find((c) => c.data?.[f] !== undefined);
      assert.ok(m, `${f} is in no ConfigMap`);
      assert.equal(m.metadata.labels?.grafana_dashboard, "1", `${m.metadata.name}: label grafana_dashboard`);
      assert.deepEqual(JSON.parse(m.data[f]), dashboard(f));
    }
  });

  it("renders a PrometheusRule and a PodMonitor valid against the Prometheus Operator's schemas", { skip }, async () => {
    const objects = render().filter((o) => o.apiVersion === "monitoring.coreos.com/v1");
    assert.deepEqual(objects.map((o) => o.kind).sort(), ["PodMonitor", "PrometheusRule"]);
    for (const o of objects) {
      const module = (await import(`@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/${o.kind}`)) as Record<string, new (data: unknown) => { validate(): void }>;
      new module[o.kind](o).validate();
    }
    const { PodMonitor } = await import("@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/PodMonitor");
    assert.throws(() => new PodMonitor({ metadata: { name: "x" }, spec: { podMetricsEndpoints: [{ port: 9464 }], selector: {} } } as never).validate());
  });
});
