#!/usr/bin/env bash
# Runs every K8Shop test: starts PostgreSQL, Redis, RabbitMQ, dynalite and the test SMTP server (installing what is missing),
# builds the solution, runs each .NET test project, the storefront's tests and the infra checks (infra/tests), and prints one summary.
# Services this script had to start are stopped again at the end; ones already running are left alone.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

results="artifacts/test-results"
# The datastores the tests use; dev-services' viewer and Prometheus are for people (tests start what they need).
services=(postgres redis rabbitmq dynalite smtp)
started_services=false
step() { printf '\n==> %s\n' "$*"; }

cleanup() {
  if [[ "$started_services" == true && "${K8SHOP_KEEP_SERVICES:-}" != 1 ]]; then
    step "stopping the services this run started (K8SHOP_KEEP_SERVICES=1 keeps them)"
    scripts/dev-services.sh down "${services[@]}" || true
  fi
}
trap cleanup EXIT

step "services"
if ! scripts/dev-services.sh status "${services[@]}" >/dev/null 2>&1; then
  started_services=true
fi
scripts/dev-services.sh up "${services[@]}"
eval "$(scripts/dev-services.sh env)"
# Set when the viewer runs: tests choose their own exporters, and a viewer left running must not receive every test host.
unset OTEL_EXPORTER_OTLP_ENDPOINT

# Debian's Prometheus: the telemetry tests start it to scrape a silo (under CI=true they fail without it).
if [[ ! -x /usr/bin/prometheus ]]; then
  step "install prometheus (apt)"
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends -o DPkg::Lock::Timeout=300 prometheus >/dev/null \
    || { apt-get update >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends -o DPkg::Lock::Timeout=300 prometheus >/dev/null; } \
    || echo "could not install prometheus with apt; the Prometheus scrape tests fail under CI=true"
fi

step "build"
# The load generator embeds its HTML report's chart library from npm (version pinned in the lock file).
npm ci --prefix tools/K8Shop.LoadGen/ReportAssets --no-audit --no-fund --loglevel=error
dotnet build K8Shop.sln --nologo -clp:ErrorsOnly -p:UseSharedCompilation=false

rm -rf "$results"
mkdir -p "$results"
passed=0 failed=0 skipped=0 broken=() failures=()
for project in tests/*/*.csproj; do
  name=$(basename "$project" .csproj)
  [[ "$name" == *TestSupport ]] && continue
  step "test $name"
  log="$results/$name.log"
  set +e
  dotnet test "$project" --no-build --nologo --logger "trx;LogFileName=$name.trx" --results-directory "$results" 2>&1 | tee "$log"
  status=${PIPESTATUS[0]}
  set -e
  # vstest ends each assembly with: "Passed!  - Failed: 0, Passed: 12, Skipped: 0, Total: 12, ..."
  line=$(grep -E '(Passed|Failed)! +- Failed: +[0-9]+, Passed: +[0-9]+, Skipped: +[0-9]+' "$log" | tail -n 1 || true)
  if [[ -z "$line" ]]; then
    broken+=("$name (exit $status, no result line)")
    continue
  fi
  f=$(sed -E 's/.*Failed: +([0-9]+).*/\1/' <<<"$line")
  p=$(sed -E 's/.*Passed: +([0-9]+).*/\1/' <<<"$line")
  s=$(sed -E 's/.*Skipped: +([0-9]+).*/\1/' <<<"$line")
  passed=$((passed + p)) failed=$((failed + f)) skipped=$((skipped + s))
  if [[ $status -ne 0 && $f -eq 0 ]]; then broken+=("$name (exit $status)"); fi
  # vstest prints "  Failed <test> [<time>]", then "  Error Message:" and its lines: keep the name and the message's
  # first lines, so the summary at the end of the run (all a CI page may show) says what failed and why.
  if ((f > 0)); then
    mapfile -t -O "${#failures[@]}" failures < <(awk '
      /^  Failed .+ \[[^]]+\]$/ { sub(/^  Failed /, ""); sub(/ \[[^]]+\]$/, ""); print "  " $0; shown = 0; next }
      /^  Error Message:/ { inmsg = 1; next }
      /^  Stack Trace:/ || /^  (Passed|Failed|Skipped) / { inmsg = 0 }
      inmsg && shown < 4 && NF { sub(/^ +/, ""); print "      " substr($0, 1, 200); shown++ }' "$log")
  fi
done

if [[ -f client-web/package.json ]]; then
  step "test client-web (vitest, then Playwright in Chromium)"
  if [[ ! -x /usr/bin/chromium ]]; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium >/dev/null \
      || { apt-get update >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium >/dev/null; }
  fi
  set +e
  (cd client-web && npm ci --no-audit --no-fund && npm test) 2>&1 | tee "$results/client-web.log"
  status=${PIPESTATUS[0]}
  set -e
  # vitest ends with "      Tests  3 failed | 33 passed (36)"; the e2e reporter with " E2E Tests  11 passed (11)".
  plain=$(sed -E 's/\x1b\[[0-9;]*m//g' "$results/client-web.log")
  web_lines=$(grep -E '^ +(E2E )?Tests +[0-9]+ ' <<<"$plain" || true)
  if [[ -z "$web_lines" ]]; then broken+=("client-web (exit $status, no result line)"); fi
  wf=0
  while IFS= read -r line; do
    [[ -z "$line" ]] && continue
    wp=$(grep -oE '[0-9]+ passed' <<<"$line" | grep -oE '[0-9]+' || echo 0)
    f=$(grep -oE '[0-9]+ failed' <<<"$line" | grep -oE '[0-9]+' || echo 0)
    ws=$(grep -oE '[0-9]+ skipped' <<<"$line" | grep -oE '[0-9]+' || echo 0)
    passed=$((passed + wp)) failed=$((failed + f)) skipped=$((skipped + ws)) wf=$((wf + f))
  done <<<"$web_lines"
  if [[ $status -ne 0 && $wf -eq 0 && -n "$web_lines" ]]; then broken+=("client-web (exit $status)"); fi
  # vitest marks a failed test " FAIL  <file> > <test>", Playwright's list reporter "  ✘  <n> [chromium] › <test>".
  if ((wf > 0)); then
    mapfile -t -O "${#failures[@]}" failures < <(grep -E '^ +(FAIL|✘) ' <<<"$plain" | sed -E 's/^ +/  /' | sort -u || true)
  fi
fi

step "test infra (kustomize renders, Kubernetes schemas, policies, Dockerfiles, Terraform)"
# kubectl renders the overlays offline (kubectl kustomize) and yamllint checks the YAML; apt installs what is
# missing (kubectl only where a Kubernetes apt source is configured; without it the render checks are skipped with a
# message, and fail under CI=true).
infra_missing=()
command -v yamllint >/dev/null || infra_missing+=(yamllint)
command -v kubectl >/dev/null || infra_missing+=(kubectl)
if ((${#infra_missing[@]})); then
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends -o DPkg::Lock::Timeout=300 \
    "${infra_missing[@]}" >"$results/infra-apt.log" 2>&1 ||
    echo "could not install ${infra_missing[*]} with apt (see $results/infra-apt.log); the checks that need them fail"
fi
# nginx for the storefront's routing check: Debian's package unpacked into infra/tests/.tools, not installed (an
# installed nginx would start a server on port 80).
if ! command -v nginx >/dev/null && [[ ! -x infra/tests/.tools/nginx/usr/sbin/nginx ]]; then
  (mkdir -p infra/tests/.tools && cd infra/tests/.tools && apt-get download nginx && dpkg-deb -x nginx_*.deb nginx &&
    rm -f nginx_*.deb) >>"$results/infra-apt.log" 2>&1 ||
    echo "could not unpack nginx (see $results/infra-apt.log); the running-nginx check is skipped"
fi
set +e
(cd infra/tests && npm ci --no-audit --no-fund && npm test) 2>&1 | tee "$results/infra.log"
status=${PIPESTATUS[0]}
set -e
# node --test ends with TAP totals: "# pass 109", "# fail 0", "# skipped 0"
ip=$(grep -E '^# pass [0-9]+$' "$results/infra.log" | tail -n 1 | grep -oE '[0-9]+' || echo 0)
if_=$(grep -E '^# fail [0-9]+$' "$results/infra.log" | tail -n 1 | grep -oE '[0-9]+' || echo 0)
is=$(grep -E '^# skipped [0-9]+$' "$results/infra.log" | tail -n 1 | grep -oE '[0-9]+' || echo 0)
passed=$((passed + ip)) failed=$((failed + if_)) skipped=$((skipped + is))
if [[ $status -ne 0 && $if_ -eq 0 ]]; then broken+=("infra (exit $status)"); fi
if [[ $ip -eq 0 && $if_ -eq 0 ]]; then broken+=("infra (no result line)"); fi
if ((if_ > 0)); then
  mapfile -t -O "${#failures[@]}" failures < <(grep -E '^ *not ok [0-9]+ - ' "$results/infra.log" | sed -E 's/^ *not ok [0-9]+ - /  infra: /' || true)
fi

step "summary (details in $results)"
for b in "${broken[@]}"; do echo "broken: $b"; done
if ((${#failures[@]})); then
  echo "failed tests:"
  printf '%s\n' "${failures[@]}"
fi
echo "$passed passed, $failed failed, $skipped skipped"
[[ $failed -eq 0 && ${#broken[@]} -eq 0 ]]
