import fs from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { infraDir } from "./paths.js";

export const observabilityDir = path.join(infraDir, "observability");
export const rulesFile = path.join(observabilityDir, "prometheus", "k8shop-alerts.rules.yml");
export const rulesTestFile = path.join(observabilityDir, "prometheus", "k8shop-alerts.test.yml");
export const prometheusRuleFile = path.join(observabilityDir, "prometheus-rule.yaml");
export const dashboardsDir = path.join(observabilityDir, "grafana");
/** Written from the dashboards and rules (npm run referenced-metrics); tests/K8Shop.ContractTests checks each name on /metrics. */
export const referencedMetricsFile = path.join(observabilityDir, "referenced-metrics.txt");

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Any = Record<string, any>;
export type AlertRule = { alert: string; expr: string; for?: string; labels?: Record<string, string>; annotations?: Record<string, string> };

export const rules = (): { groups: { name: string; rules: AlertRule[] }[] } => parse(fs.readFileSync(rulesFile, "utf8"));
export const alertRules = () => rules().groups.flatMap((g) => g.rules);

export const dashboardFiles = () => fs.readdirSync(dashboardsDir).filter((f) => f.endsWith(".json") && !f.endsWith(".schema.json")).sort();
export const dashboard = (file: string): Any => JSON.parse(fs.readFileSync(path.join(dashboardsDir, file), "utf8"));

/** Every PromQL expression of a dashboard: its panels' queries and its annotation queries. */
export function dashboardExpressions(d: Any): { where: string; expr: string }[] {
  const out: { where: string; expr: string }[] = [];
  for (const p of d.panels ?? []) for (const t of p.targets ?? []) out.push({ where: `${d.uid} "${p.title}" ${t.refId}`, expr: t.expr });
  for (const a of d.annotations?.list ?? []) if (a.expr) out.push({ where: `${d.uid} annotation "${a.name}"`, expr: a.expr });
  return out;
}

/** Grafana's built-in interval variables, replaced by a plain range so promtool can parse the query. */
export const withoutGrafanaVariables = (expr: string) => expr.replace(/\$__(rate_interval|interval|range)/g, "5m");

const keywords = new Set(["by", "without", "on", "ignoring", "group_left", "group_right", "bool", "and", "or", "unless", "offset", "atan2", "inf", "nan"]);

/**
 * The metric names a PromQL expression selects. Strings, label matchers ({...}), ranges ([...]) and the label lists
 * of by/without/on/ignoring/group_* are removed first; what is left that looks like a name and is not followed by "("
 * (a function or aggregation) and is not a keyword is a metric name.
 */
export function metricNames(expr: string): string[] {
  let s = expr.replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`[^`]*`/g, '""');
  s = s.replace(/\{[^}]*\}/g, " ").replace(/\[[^\]]*\]/g, " ");
  s = s.replace(/\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g, " ");
  const names = new Set<string>();
  for (const m of s.matchAll(/(?<![\w.$])([a-zA-Z_:][a-zA-Z0-9_:]*)(?![\w(])(?!\s*\()/g)) {
    const name = m[1];
    if (!keywords.has(name.toLowerCase())) names.add(name);
  }
  return [...names];
}

/** Every metric name the dashboards and the alert rules use, sorted: the contents of referenced-metrics.txt. */
export function referencedMetrics(): string[] {
  const all = new Set<string>();
  for (const r of alertRules()) for (const n of metricNames(r.expr)) all.add(n);
  for (const f of dashboardFiles()) for (const { expr } of dashboardExpressions(dashboard(f))) for (const n of metricNames(expr)) all.add(n);
  return [...all].sort();
}

export function referencedMetricsText(): string {
  return [
    "# Metric names the Grafana dashboards (grafana/*.json) and alert rules (prometheus/k8shop-alerts.rules.yml) use, one a",
    "# line. Written by `npm run referenced-metrics` in infra/tests (infra/tests fails when it is out of date);",
    "# tests/K8Shop.ContractTests scrapes a running silo's /metrics and fails on any name here that the code does not emit.",
    ...referencedMetrics(),
    "",
  ].join("\n");
}
