import fs from "node:fs";
import { referencedMetricsFile, referencedMetricsText } from "./promql.js";

// npm run referenced-metrics: rewrites infra/observability/referenced-metrics.txt from the dashboards and rules.
fs.writeFileSync(referencedMetricsFile, referencedMetricsText());
console.log(`wrote ${referencedMetricsFile}`);
