#!/usr/bin/env bash
# Benchmarks through the load generator against a Release silo in the cluster profile (PostgreSQL, Redis,
# dynalite), each on a fresh DynamoDB table and its own Orleans cluster id, and every run on a PostgreSQL database and
# a RabbitMQ virtual host of its own. Reports go to artifacts/bench/.
#
# hot-sku: durable reservations/s on one SKU with group commit, the same with one write per change, storage
#   writes/s on the hot item (from the item's version attribute), and the ratios.
# checkout: this build against a baseline (a git worktree of [baseline ref], default 19676a8, the commit issue 18 started
#   from; built under artifacts/bench/baseline), run alternately A B A B, each on a fresh silo with Auth__Mode=open and
#   each build on a PostgreSQL database and RabbitMQ vhost of its own: (a) checkouts/s, silo CPU and PostgreSQL
#   transactions per checkout at saturation (closed loop), (b) checkout p99 in an open loop at half the baseline's first
#   saturation rate; reports both builds' means, the ratios and the goals; (c) pgbench tps for the same work as plain
#   SQL rows on the same PostgreSQL, as context.
# events: the checkout scenario at saturation with the load generator's event watcher on RabbitMQ: checkouts/s, events
#   produced/s vs received/s, the delay from state change (occurred_at) to an independent consumer's receipt, events
#   per confirmed checkout, duplicates, and the depths of notification-service and the stream provider's partition queues.
# auth: what token validation costs: hot-SKU reservations/s and checkouts/s with Auth__Mode=required (the load generator
#   sends the loadgen client's machine token on stock moves and each shopper account's own token on checkouts) against
#   Auth__Mode=open (no tokens), each on a fresh silo, one after the other in the same run; reports the ratios (goal: at
#   most 10% less throughput with tokens). Shorter phases than the other scenarios (BENCH_AUTH_WARMUP, default 30 s,
#   and 20 s measured): both modes get the same, so the JIT's leftover work cancels out of the ratio.
# telemetry: what OpenTelemetry costs one checkout, measured inside the silo's process by tools/K8Shop.TelemetryCost,
#   which hosts the real silo application once per variant and reads the process's CPU time and bytes allocated exactly
#   around a fixed number of checkouts: off (OTEL_SDK_DISABLED=true), defaults (nothing configured), prometheus (/metrics
#   on a management port that Debian's /usr/bin/prometheus scrapes every 5 s), otlp (traces, metrics and logs exported
#   to the Aspire dashboard at 127.0.0.1:4317 when it answers, else to scripts/bench/otlp_sink.py), otlp-sampled (the
#   same at the AWS overlay's head sampling, parentbased_traceidratio 0.1); BENCH_TELEMETRY_VARIANTS (comma-separated)
#   runs only some of them against off. A warm-up round,
#   then BENCH_TELEMETRY_ROUNDS (default 6) rounds in a rotating order of BENCH_TELEMETRY_CHECKOUTS (default 600)
#   checkouts per variant, started at BENCH_TELEMETRY_RATE per second (default 30, half of saturation here; 0: closed
#   loop) by at most [clients] shoppers (default 32). Reports each variant's median CPU per checkout as a ratio
#   to off, paired by round (goals: defaults and prometheus at most 3% more, otlp and otlp-sampled at most 10%), with
#   bytes allocated per checkout (exact where CPU time is not) and off's own spread. BENCH_TELEMETRY_ALLOCATIONS=N logs,
#   after each measured phase, the N types that took the most bytes per checkout (where a difference comes from).
# xacts: PostgreSQL transactions per checkout (pg_stat_database of the run's own database): the silo idle for 15 s (membership,
#   reminder and outbox polls), then the checkout scenario in a closed loop with Auth__Mode=open (no identity traffic);
#   reports (transactions/s under load - idle transactions/s) / checkouts/s over the measured window. Every other
#   scenario's load generator run samples the same figure (REPORT-pg.json), and checkout prints it too.
# chaos: the checkout scenario for 5 minutes (the first argument overrides) on one silo with the load generator's --chaos
#   schedule turning each fault switch of the gateway on in turn (BENCH_CHAOS_ON, default 12 s, so all 17 get a turn in
#   5 minutes), then every fault off (BENCH_CHAOS_OFF, default 5 s); BENCH_CHAOS_FAULTS=a,b,c picks the faults. Reports each
#   window's checkouts/s, p99 and errors, and that every invariant held once the faults were off again.
# search: the shopper's search at 100,000 generated books (tools/K8Shop.SearchBench, deterministic seed 42; BENCH_SEARCH_BOOKS
#   changes the count): the PostgreSQL store (a Release silo in the cluster profile on the run's own database, the books
#   COPY-ed in) and then the in-memory one (an embedded silo given the same books by Catalog__ExtraBooksFile), each with
#   suggestions and then searches (single word, author, typo, quoted phrase, word with tag and in-stock filters, in turn),
#   each at BENCH_SEARCH_RATE requests/s (default 100) in an open loop, latencies counted from when each request was due,
#   for [seconds] (default 60) after its warm-up; reports p50/p99/max per kind against the goals (search p99 < 20 ms,
#   suggest p99 < 5 ms). Before the PostgreSQL load, its floor (BENCH_SEARCH_FLOOR searches, default 500, one at a time):
#   the silo's PostgreSQL search run in process against a bare count of the same matches, which any search on
#   PostgreSQL's full-text search pays; their ratio is what the design adds, the floor what this box's PostgreSQL costs.
# Every load generator run also writes an HTML report with charts next to its JSON; each scenario prints its path
#   ("report: artifacts/bench/...html") and writes it into its summary.
# Every silo co-hosts the identity provider with operator and loadgen client secrets of the run; the load generator
# gets its client credentials by environment (the operator sets stock; loadgen moves stock and signs shoppers in).
# The load generator's invariant checks must pass in every run, else the script exits non-zero.
# Usage: scripts/bench.sh hot-sku|checkout|events|auth|telemetry|chaos|xacts|search [seconds, default 20 (events: 60, chaos: 300)] [clients, default 1024 (hot-sku) or 64]
#   (checkout: [seconds] [clients] [baseline ref, default $BENCH_BASELINE or 19676a8])
#   (auth: [seconds] [hot-sku clients, default 1024] [checkout clients, default 64])
# BENCH_WARMUP: unmeasured seconds before each phase (default 60).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

scenario=${1:-hot-sku}
duration=${2:-20}
case $scenario in
  hot-sku) clients=${3:-1024} ;;
  checkout) clients=${3:-64} baseline_ref=${4:-${BENCH_BASELINE:-19676a8}} ;;
  events) duration=${2:-60} clients=${3:-64} ;;
  auth) clients=${3:-1024} checkout_clients=${4:-64} ;;
  telemetry) clients=${3:-32} ;;
  chaos) duration=${2:-300} clients=${3:-64} ;;
  xacts) clients=${3:-16} ;;
  search) duration=${2:-60} clients=0 ;;
  *) echo "usage: $0 hot-sku|checkout|events|auth|telemetry|chaos|xacts|search [seconds] [clients]" >&2; exit 2 ;;
esac
http_port=18081
# Every phase first runs unmeasured for this long: on 2 cores the silo's tiered JIT keeps compiling for about a minute
# after load starts (with DOTNET_JitStdOutFile, some 50,000 methods: 2,700 in the 10 s before the 60th, 163 in the 10 s
# after), and a shorter warm-up measures the JIT, not the system.
warmup=${BENCH_WARMUP:-60}
[[ $scenario != auth ]] || warmup=${BENCH_AUTH_WARMUP:-30}
out="artifacts/bench"
stamp=$(date -u +%Y%m%dT%H%M%SZ)
report="$out/$scenario-$stamp.txt"
mkdir -p "$out"
step() { printf '==> %s\n' "$*"; }
# The co-hosted provider's machine clients, with secrets of this run only; they reach the load generator by environment.
operator_secret=$(openssl rand -hex 16)
loadgen_secret=$(openssl rand -hex 16)

# The cluster profile needs RabbitMQ (events) in every scenario; e-mail goes to the test SMTP server.
step "services (PostgreSQL, Redis, RabbitMQ, dynalite, SMTP)"
scripts/dev-services.sh up postgres redis rabbitmq dynalite smtp
eval "$(scripts/dev-services.sh env)"
# Silos under measurement export nothing unless a scenario says so (the viewer, when up, would put OTLP export in every run).
unset OTEL_EXPORTER_OTLP_ENDPOINT
step "building the silo and the load generator (Release)"
dotnet build src/Silo -c Release --nologo -clp:ErrorsOnly -v q
# The HTML report's chart library (pinned in its package-lock.json) is embedded into the load generator at build time.
npm ci --prefix tools/K8Shop.LoadGen/ReportAssets --no-audit --no-fund --loglevel=error
dotnet build tools/K8Shop.LoadGen -c Release --nologo -clp:ErrorsOnly -v q

silo=""
# The build start_silo runs: this checkout, or the checkout scenario's baseline worktree.
silo_root=.
stop_silo() { if [[ -n "$silo" ]]; then kill "$silo" 2>/dev/null || true; wait "$silo" 2>/dev/null || true; fi; silo=""; }
trap stop_silo EXIT

# start_silo NAME TABLE [VAR=VALUE...]: a Release silo in the cluster profile on its own ports, DynamoDB table
# and Orleans cluster id (membership lives in the run's PostgreSQL database), logging warnings only; waits until it serves.
# It runs in its own directory, as in the container image, local-cluster.sh and the tests: that is its content root,
# where its appsettings.json is, and the root the configuration watches for changes, recursively. From the repository
# root it would read no appsettings.json and get file events for every write of the dev services under .dev-services/.
start_silo() {
  local name=$1 table=$2 log
  shift 2
  log="$PWD/$out/silo-$name.log"
  cd "$silo_root/src/Silo/bin/Release/net10.0"
  env K8Shop__Profile=cluster ConnectionStrings__Postgres="$ConnectionStrings__Postgres" ConnectionStrings__Redis="$ConnectionStrings__Redis" \
    Kestrel__Endpoints__Http__Url="http://127.0.0.1:$http_port" Kestrel__Endpoints__Grpc__Url="http://127.0.0.1:15052" \
    Orleans__SiloPort=21112 Orleans__GatewayPort=31001 Orleans__ClusterId="bench-$stamp-$name" Logging__LogLevel__Default=Warning \
    Identity__OperatorClient__Secret="$operator_secret" Identity__LoadGenClient__Secret="$loadgen_secret" DynamoDB__TableName="$table" \
    Identity__DevelopmentKeys=true Identity__RequireHttps=false RateLimits__Auth__PermitLimit=0 "$@" \
    dotnet K8Shop.Silo.dll >"$log" 2>&1 &
  silo=$!
  cd - >/dev/null
  for _ in $(seq 1 120); do curl -fs "http://127.0.0.1:$http_port/api/inventory/healthz" >/dev/null && break; sleep 0.5; done
  curl -fs "http://127.0.0.1:$http_port/inventory/BOOK-001" >/dev/null || { echo "the silo did not start; see $out/silo-$name.log" >&2; exit 1; }
}

# loadgen REPORT ARGS...: the Release load generator against the silo, its text report to REPORT.txt, JSON to
# REPORT.json and HTML to REPORT.html (the live progress line and the HTML path go to stderr); prints its exit status
# instead of failing. Meanwhile
# REPORT-cpu.json gets the cores the silo, each service and the generator used, from 5 s into the measured phase to
# 5 s before its end (scripts/bench/cpu_share.py measure).
loadgen() {
  local report=$1 status=0 generator sampler xacts
  shift
  # A report left by an earlier run must not pass for this one's (a setup failure writes none).
  rm -f "$report.json" "$report.html"
  K8SHOP_CLIENT_ID=loadgen K8SHOP_CLIENT_SECRET="$loadgen_secret" K8SHOP_ADMIN_CLIENT_ID=operator K8SHOP_ADMIN_CLIENT_SECRET="$operator_secret" \
    dotnet tools/K8Shop.LoadGen/bin/Release/net10.0/k8shop-loadgen.dll --url "http://127.0.0.1:$http_port" \
    --json "$report.json" "$@" >"$report.txt" &
  generator=$!
  # shellcheck disable=SC2046 # "service pid" pairs, one word each once joined by '='
  python3 scripts/bench/cpu_share.py measure --after "$((warmup + 5))" --window "$((duration > 15 ? duration - 10 : duration / 2))" \
    --out "$report-cpu.json" silo="$silo" generator="$generator" $(scripts/dev-services.sh pids | tr ' ' '=') &
  sampler=$!
  pg_xacts measure --after "$((warmup + 5))" --window "$((duration > 15 ? duration - 10 : duration / 2))" --out "$report-pg.json" &
  xacts=$!
  wait "$generator" || status=$?
  wait "$sampler" || true
  wait "$xacts" || true
  [[ -s "$report.html" ]] && echo "report: $report.html" >&2
  echo "$status"
}

# pg_xacts ARGS...: scripts/bench/pg_xacts.sh on the run's own PostgreSQL database (or the one xacts_database names).
pg_xacts() {
  PGHOST=127.0.0.1 PGPORT="${K8SHOP_PG_PORT:-5432}" PGUSER=k8shop PGDATABASE="${xacts_database:-$pg_database}" scripts/bench/pg_xacts.sh "$@"
}

# json_field FILE EXPRESSION: a value from a load generator JSON report (EXPRESSION in Python over `r`).
json_field() { python3 -c 'import json, sys; r = json.load(open(sys.argv[1])); print(eval(sys.argv[2]))' "$1" "$2"; }

hot_sku() {
  local sku=BOOK-001
  # run NAME GROUP_COMMIT MAX_WRITES_PER_SECOND: one silo on a fresh table, driven; prints "granted/s writes elapsed passed".
  run() {
    local name=$1 table="k8shop-bench-$stamp-$1" before after started finished status
    start_silo "$name" "$table" Inventory__GroupCommit="$2" Inventory__MaxWritesPerSecond="$3"
    before=$(python3 scripts/bench/dynamo_version.py "$DynamoDB__ServiceUrl" "$table" "/$sku")
    started=$(date +%s.%N)
    status=$(loadgen "$out/hot-sku-$name" --scenario hot-sku --sku "$sku" --clients "$clients" --duration "${duration}s" --warmup "${warmup}s" \
      --setup-stock 5000000 --release-ratio 0.3 --commit-ratio 1)
    finished=$(date +%s.%N)
    after=$(python3 scripts/bench/dynamo_version.py "$DynamoDB__ServiceUrl" "$table" "/$sku")
    stop_silo
    python3 - "$out/hot-sku-$name.json" "$before" "$after" "$started" "$finished" "$status" <<'PY'
import json, sys
report = json.load(open(sys.argv[1]))
writes = int(sys.argv[3]) - int(sys.argv[2])
elapsed = float(sys.argv[5]) - float(sys.argv[4])
print(report["throughput"]["granted_per_second"], writes, elapsed, "PASS" if report["passed"] and sys.argv[6] == "0" else "FAIL")
PY
  }

  step "group commit: $clients clients on $sku for ${duration}s (+${warmup}s warm-up)"
  read -r grouped_rate grouped_writes grouped_elapsed grouped_check < <(run grouped true 50)
  # The baseline is the plain approach: every change waits for its own write, with no pacing.
  step "one write per change, unpaced: same load"
  read -r single_rate single_writes single_elapsed single_check < <(run single false 0)

  {
    echo "K8Shop hot-SKU benchmark, $(date -u +%FT%TZ), $(nproc) cores, inventory on dynalite, $clients clients, ${duration}s measured"
    echo "(an order is a reserve, then a release (30%) or a commit (70%); reservations/s counts granted, durable reserves)"
    awk -v r="$grouped_rate" -v w="$grouped_writes" -v e="$grouped_elapsed" -v c="$grouped_check" 'BEGIN {
      printf "group commit:          %8.0f reservations/s, %6.0f storage writes/s on the hot item (%d writes in %.0f s), invariants %s\n", r, w / e, w, e, c }'
    awk -v r="$single_rate" -v w="$single_writes" -v e="$single_elapsed" -v c="$single_check" 'BEGIN {
      printf "one write per change:  %8.0f reservations/s, %6.0f storage writes/s on the hot item (%d writes in %.0f s), invariants %s\n", r, w / e, w, e, c }'
    awk -v g="$grouped_rate" -v s="$single_rate" 'BEGIN { printf "ratio group/single:    %.1f x (goal >= 10)\n", g / s }'
    awk -v g="$grouped_rate" 'BEGIN { printf "goal >= 5000 reservations/s on one SKU: %s\n", (g >= 5000 ? "met" : "not met") }'
    awk -v w="$grouped_writes" -v e="$grouped_elapsed" 'BEGIN { printf "goal <= 500 writes/s on the hot item: %s\n", (w / e <= 500 ? "met" : "not met") }'
    echo "report: $out/hot-sku-grouped.html"
    echo "report: $out/hot-sku-single.html"
    echo "details: $out/hot-sku-grouped.{txt,json}, $out/hot-sku-single.{txt,json}"
  } | tee "$report"
  [[ "$grouped_check" == PASS && "$single_check" == PASS ]]
}

checkout() {
  local sku=BOOK-001 skus=150 pace=${BENCH_INVENTORY_WRITES_PER_SECOND:-50} base_dir="$out/baseline" base_sha this_sha
  local shop=(--auth open --scenario checkout --sku "$sku" --skus "$skus" --setup-stock 1000000 --warmup "${warmup}s" --duration "${duration}s")
  base_sha=$(git rev-parse --verify --quiet "$baseline_ref^{commit}") || { echo "the baseline '$baseline_ref' is not a commit of this repository" >&2; exit 2; }
  this_sha=$(git rev-parse HEAD)
  # The baseline builds in a worktree of its own under artifacts/ (kept between runs while it stays the same commit).
  if [[ -d $base_dir && $(git -C "$base_dir" rev-parse HEAD 2>/dev/null) != "$base_sha" ]]; then git worktree remove --force "$base_dir"; fi
  [[ -d $base_dir ]] || git worktree add --detach "$base_dir" "$base_sha" >/dev/null
  step "building the baseline ${base_sha:0:7} (Release, in $base_dir)"
  dotnet build "$base_dir/src/Silo" -c Release --nologo -clp:ErrorsOnly -v q -p:K8ShopSkipStorefront=true
  # Each build has a PostgreSQL database and a RabbitMQ vhost of its own, so neither reads the other's state or events.
  # Global, not local: the EXIT trap that drops them runs after this function returned.
  base_db="${pg_database}_base" base_vhost="$rabbit_vhost-base"
  psql "${pg[@]}" -d k8shop -qc "CREATE DATABASE \"$base_db\"" || { echo "could not create PostgreSQL database $base_db" >&2; exit 1; }
  curl -fs -u "$rabbit_credentials" -X PUT "$rabbit_management/api/vhosts/$base_vhost" >/dev/null &&
    curl -fs -u "$rabbit_credentials" -X PUT -H 'Content-Type: application/json' -d '{"configure":".*","write":".*","read":".*"}' \
      "$rabbit_management/api/permissions/$base_vhost/${rabbit_credentials%%:*}" >/dev/null ||
    { echo "could not create RabbitMQ virtual host $base_vhost" >&2; exit 1; }
  drop_baseline() {
    curl -fs -u "$rabbit_credentials" -X DELETE "$rabbit_management/api/vhosts/$base_vhost" >/dev/null || true
    psql "${pg[@]}" -d k8shop -qc "DROP DATABASE IF EXISTS \"$base_db\" WITH (FORCE)" >/dev/null 2>&1 || true
  }
  trap 'stop_silo; drop_baseline; drop_vhost; drop_database' EXIT
  local base_settings=(ConnectionStrings__Postgres="${ConnectionStrings__Postgres/Database=$pg_database;/Database=$base_db;}"
    ConnectionStrings__RabbitMQ="${ConnectionStrings__RabbitMQ%/*}/$base_vhost")

  declare -A rate cpu xacts p99 runs check
  local half="" round build
  # run BUILD ROUND: a fresh silo of that build; (a) saturation, (b) the open loop at half the baseline's first rate.
  run() {
    local build=$1 name="checkout-$1-$2" root=. settings=() sat_status open_status saturated
    if [[ $build == baseline ]]; then root=$base_dir settings=("${base_settings[@]}") xacts_database=$base_db; else xacts_database=$pg_database; fi
    silo_root=$root
    start_silo "$name" "k8shop-bench-$stamp-$name" Auth__Mode=open Inventory__MaxWritesPerSecond="$pace" Cart__IdleExpiry=01:00:00 "${settings[@]}"
    step "$build (round $2): (a) saturation, $clients clients in a closed loop for ${duration}s (+${warmup}s warm-up)"
    sat_status=$(loadgen "$out/$name-saturation" "${shop[@]}" --clients "$clients")
    saturated=$(json_field "$out/$name-saturation.json" 'r["checkout"]["figures"]["checkouts_per_second"]')
    [[ -n $half ]] || half=$(awk -v s="$saturated" 'BEGIN { printf "%.1f", (s / 2 > 1 ? s / 2 : 1) }')
    step "$build (round $2): (b) open loop at $half checkouts/s (half the baseline's first saturation) for ${duration}s (+${warmup}s warm-up)"
    open_status=$(loadgen "$out/$name-open" "${shop[@]}" --rate "$half")
    stop_silo
    silo_root=.
    rate[$build]=$(awk -v a="${rate[$build]:-0}" -v b="$saturated" 'BEGIN { print a + b }')
    cpu[$build]=$(awk -v a="${cpu[$build]:-0}" -v b="$(python3 scripts/bench/cpu_share.py per-op "$out/$name-saturation-cpu.json" "$saturated" |
      grep -oE 'silo [0-9.]+ ms' | grep -oE '[0-9.]+' || echo 0)" 'BEGIN { print a + b }')
    xacts[$build]=$(awk -v a="${xacts[$build]:-0}" -v b="$(pg_xacts per-op "$out/$name-saturation-pg.json" "$saturated" | grep -oE '^[0-9.]+' || echo 0)" 'BEGIN { print a + b }')
    p99[$build]=$(awk -v a="${p99[$build]:-0}" -v b="$(json_field "$out/$name-open.json" '[l["p99_ms"] for l in r["latency"] if l["kind"] == "checkout"][0]')" 'BEGIN { print a + b }')
    runs[$build]=$(( ${runs[$build]:-0} + 1 ))
    for status_report in "$sat_status:$out/$name-saturation.json" "$open_status:$out/$name-open.json"; do
      [[ ${status_report%%:*} == 0 && $(json_field "${status_report#*:}" 'r["passed"]') == True ]] || check[$build]=FAIL
    done
    echo "    $build round $2: $saturated checkouts/s at saturation; details $out/$name-{saturation,open}{.txt,.json,-cpu.json,-pg.json}"
  }
  for round in 1 2; do for build in baseline this; do run "$build" "$round"; done; done
  xacts_database=$pg_database

  step "(c) pgbench, for context: an order, two items and a payment per transaction, $clients clients for ${duration}s"
  psql "${pg[@]}" -d k8shop -Atqc "SELECT 1 FROM pg_database WHERE datname = 'k8shop_bench'" | grep -q 1 ||
    psql "${pg[@]}" -d k8shop -qc "CREATE DATABASE k8shop_bench"
  psql "${pg[@]}" -d k8shop_bench -q -v ON_ERROR_STOP=1 -f scripts/bench/checkout-pg-schema.sql 2>&1 | grep -v NOTICE || true
  pgbench "${pg[@]}" -n -M prepared -c "$clients" -j "$(nproc)" -T "$duration" -f scripts/bench/checkout-pg.sql k8shop_bench >"$out/checkout-pgbench.txt" 2>&1 ||
    { cat "$out/checkout-pgbench.txt" >&2; exit 1; }
  local tps
  tps=$(awk '/^tps = / { print $3 }' "$out/checkout-pgbench.txt")

  {
    echo "K8Shop checkout benchmark, $(date -u +%FT%TZ), $(nproc) cores, ${duration}s measured per phase (+${warmup}s warm-up), $clients clients"
    echo "baseline ${base_sha:0:7} ($baseline_ref) against this build ${this_sha:0:7}, run alternately A B A B, each on a fresh silo with Auth__Mode=open"
    echo "(cluster profile: orders, payments and membership on PostgreSQL, carts on Redis, inventory on dynalite with"
    echo " Inventory__MaxWritesPerSecond=$pace; a checkout is 1-3 cart adds over $skus SKUs, $sku hottest, then POST /orders for the cart)"
    echo "means of each build's ${runs[this]} runs:                         baseline     this build   ratio"
    awk -v a="${rate[baseline]}" -v b="${rate[this]}" -v n="${runs[this]}" 'BEGIN { printf "(a) checkouts/s at saturation                        %8.1f     %8.1f     %.2f  (goal >= 1.5)\n", a / n, b / n, b / a }'
    awk -v a="${cpu[baseline]}" -v b="${cpu[this]}" -v n="${runs[this]}" 'BEGIN { printf "(a) silo CPU per checkout at saturation, ms         %8.2f     %8.2f     %.2f  (goal <= 0.60)\n", a / n, b / n, b / a }'
    awk -v a="${xacts[baseline]}" -v b="${xacts[this]}" -v n="${runs[this]}" 'BEGIN { printf "(a) PostgreSQL transactions per checkout            %8.1f     %8.1f     %.2f  (goal <= 8 per checkout)\n", a / n, b / n, b / a }'
    awk -v a="${p99[baseline]}" -v b="${p99[this]}" -v n="${runs[this]}" -v h="$half" 'BEGIN { printf "(b) checkout p99 at %5.1f checkouts/s, ms           %8.1f     %8.1f     %.2f  (goal <= 0.60)\n", h, a / n, b / n, b / a }'
    echo "invariants: baseline ${check[baseline]:-PASS}, this build ${check[this]:-PASS} (every run: no oversell, one charge per order, every order final)"
    awk -v t="$tps" -v c="$clients" 'BEGIN { printf "(c) pgbench, %d clients: %.1f tps (order + 2 items + payment in one transaction, prepared statements), for context\n", c, t }'
    awk -v n="${runs[this]}" -v a="${rate[this]}" -v b="${cpu[this]}" -v c="${xacts[this]}" -v d="${p99[this]}" -v ra="${rate[baseline]}" -v rb="${cpu[baseline]}" -v rd="${p99[baseline]}" 'BEGIN {
      printf "goals: throughput %s, silo CPU %s, transactions %s, p99 %s\n", (a / ra >= 1.5 ? "met" : "not met"), (b / rb <= 0.6 ? "met" : "not met"),
        (c / n <= 8 ? "met" : "not met"), (d / rd <= 0.6 ? "met" : "not met") }'
    echo "reports: $out/checkout-{baseline,this}-{1,2}-{saturation,open}.html"
    echo "details: $out/checkout-{baseline,this}-{1,2}-*{.txt,.json,-cpu.json,-pg.json}, $out/checkout-pgbench.txt, $out/silo-checkout-*.log"
  } | tee "$report"
  [[ ${check[baseline]:-PASS} == PASS && ${check[this]:-PASS} == PASS ]]
}

events() {
  local sku=BOOK-001 skus=150 run="$out/events" status rabbit=$ConnectionStrings__RabbitMQ
  start_silo events "k8shop-bench-$stamp-events" Cart__IdleExpiry=01:00:00

  step "checkout at saturation: $clients clients in a closed loop for ${duration}s (+${warmup}s warm-up), watching exchange orders"
  status=$(loadgen "$run" --scenario checkout --sku "$sku" --skus "$skus" --setup-stock 1000000 --warmup "${warmup}s" --duration "${duration}s" \
    --clients "$clients" --events-amqp "$rabbit" --events-management "$rabbit_management")
  stop_silo
  [[ -s "$run.json" ]] || { cat "$run.txt" >&2; echo "the load generator wrote no report (exit $status)" >&2; exit 1; }

  {
    echo "K8Shop events benchmark, $(date -u +%FT%TZ), $(nproc) cores, ${duration}s measured (+${warmup}s warm-up), $clients clients, checkout closed loop"
    echo "(cluster profile, events on RabbitMQ vhost $rabbit_vhost: exchange orders -> notification-service and orders.k8shop.events.0..7; an independent"
    echo " consumer bound with # receives every event; delay = receipt - occurred_at; queue depths every 5 s from the management API)"
    python3 - "$run.json" "$status" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
c, e = r["checkout"]["figures"], r["events"]
print(f"checkouts:            {c['checkouts_per_second']:8.1f}/s ({c['confirmed_per_second']:.1f} confirmed/s)")
print(f"events expected:      {e['expected_per_second']:8.1f}/s (3 per confirmed checkout)")
print(f"events produced:      {e['produced_per_second']:8.1f}/s (occurred_at in the window)")
print(f"events received:      {e['received_per_second']:8.1f}/s (arrived in the window; ratio {e['received_per_second'] / max(e['produced_per_second'], 1e-9):.3f})")
for k in e["routing_keys"]:
    print(f"  {k['routing_key']:<26} {k['received']:7d} events, produced {k['produced_per_second']:7.1f}/s, received {k['received_per_second']:7.1f}/s")
d = e["delay"]
if d:
    print(f"delay occurred_at -> receipt: p50 {d['p50_ms']:.1f} ms, p90 {d['p90_ms']:.1f} ms, p99 {d['p99_ms']:.1f} ms, max {d['max_ms']:.1f} ms over {d['count']} events (goal p99 < 1000 ms)")
p = e["per_checkout"]
print(f"per confirmed checkout: {p['events_per_confirmed_order']:.2f} events ({p['received_events']} for {p['orders_with_confirmed_event']} orders; {p['confirmed_answers']} answered confirmed, expected {p['expected_events']})")
print(f"duplicates:           {e['duplicates']} (by message_id; {e['distinct']} distinct of {e['received']} received)")
q = e.get("queues")
if q:
    print(f"queue depths ({q['samples']} samples every {q['sample_seconds']:.0f} s, {q['failed_samples']} failed; ready = waiting for a consumer):")
    for t in q["queues"]:
        ref = "-" if t["ready_at_reference"] is None else t["ready_at_reference"]
        print(f"  {t['name']:<40} max ready {t['max_ready']:6d} (all {t['max_messages']:6d}), last ready {t['last_ready']:6d} (all {t['last_messages']:6d}), at {q['reference_seconds']:.0f} s {ref}: {'GROWING' if t['growing'] else 'not growing'}")
for check in e["checks"]:
    print(f"{'PASS' if check['passed'] else 'FAIL'} {check['name']}: {check['detail']}")
print(f"load generator: exit {sys.argv[2]}, every check {'passed' if r['passed'] else 'did NOT pass'}")
PY
    echo "publish rate, pipelined confirms vs one at a time (the provider's README, src/Orleans.Streaming.RabbitMQ):"
    python3 -c 'import re, sys; m = re.search(r"\((on the dev box, [^)]*)\)", " ".join(open(sys.argv[1]).read().split())); print("  " + (m.group(1) if m else "(no figures in the provider README)"))' \
      src/Orleans.Streaming.RabbitMQ/README.md
    echo "report: $run.html"
    echo "details: $run.{txt,json}, $out/silo-events.log"
  } | tee "$report"
  [[ $status == 0 && $(json_field "$run.json" 'r["passed"]') == True ]]
}

auth() {
  local sku=BOOK-001 skus=150 pace=${BENCH_INVENTORY_WRITES_PER_SECOND:-50} mode
  declare -A rate check
  # run NAME AUTH_MODE SILO_SETTINGS... -- LOADGEN_ARGS...: one silo in that mode on a fresh table, driven once.
  run() {
    local name=$1 mode=$2 status settings=()
    shift 2
    while [[ $1 != -- ]]; do settings+=("$1"); shift; done
    shift
    start_silo "auth-$name" "k8shop-bench-$stamp-auth-$name" Auth__Mode="$mode" "${settings[@]}"
    status=$(loadgen "$out/auth-$name" --auth "$mode" "$@")
    stop_silo
    [[ -s "$out/auth-$name.json" ]] || { cat "$out/auth-$name.txt" >&2; echo "the load generator wrote no report for $name (exit $status)" >&2; exit 1; }
    check[$name]=FAIL
    [[ $status == 0 && $(json_field "$out/auth-$name.json" 'r["passed"]') == True ]] && check[$name]=PASS
  }
  # Required first, then open, per scenario: drift on the box over the run touches both modes alike.
  for mode in required open; do
    step "hot-sku, Auth__Mode=$mode: $clients clients on $sku for ${duration}s (+${warmup}s warm-up)"
    run "hot-sku-$mode" "$mode" Inventory__GroupCommit=true Inventory__MaxWritesPerSecond=50 -- \
      --scenario hot-sku --sku "$sku" --clients "$clients" --duration "${duration}s" --warmup "${warmup}s" \
      --setup-stock 5000000 --release-ratio 0.3 --commit-ratio 1
    rate[hot-sku-$mode]=$(json_field "$out/auth-hot-sku-$mode.json" 'r["throughput"]["granted_per_second"]')
  done
  for mode in required open; do
    step "checkout, Auth__Mode=$mode: $checkout_clients clients in a closed loop for ${duration}s (+${warmup}s warm-up)"
    run "checkout-$mode" "$mode" Inventory__MaxWritesPerSecond="$pace" Cart__IdleExpiry=01:00:00 -- \
      --scenario checkout --sku "$sku" --skus "$skus" --setup-stock 1000000 --warmup "${warmup}s" --duration "${duration}s" \
      --clients "$checkout_clients"
    rate[checkout-$mode]=$(json_field "$out/auth-checkout-$mode.json" 'r["checkout"]["figures"]["checkouts_per_second"]')
  done

  {
    echo "K8Shop auth benchmark, $(date -u +%FT%TZ), $(nproc) cores, ${duration}s measured per phase (+${warmup}s warm-up), a fresh silo per phase"
    echo "(cluster profile; required: JWT access tokens from the co-hosted provider on every load request, validated by the gateway;"
    echo " open: Auth__Mode=open, no tokens. hot-sku: $clients clients, loadgen's machine token; checkout: $checkout_clients clients,"
    echo " each checkout lent one of the shopper accounts created before the load (clients + a quarter), with its password-grant token)"
    local kind unit
    for kind in hot-sku checkout; do
      [[ $kind == hot-sku ]] && unit="reservations/s" || unit="checkouts/s"
      awk -v k="$kind" -v u="$unit" -v r="${rate[$kind-required]}" -v o="${rate[$kind-open]}" -v cr="${check[$kind-required]}" -v co="${check[$kind-open]}" 'BEGIN {
        printf "%-9s required %8.1f %s, open %8.1f %s: ratio required/open %.3f (%+.1f%%); invariants %s / %s\n", k, r, u, o, u, r / o, (r / o - 1) * 100, cr, co }'
      echo "          CPU per op, required: $(python3 scripts/bench/cpu_share.py per-op "$out/auth-$kind-required-cpu.json" "${rate[$kind-required]}")"
      echo "          CPU per op, open:     $(python3 scripts/bench/cpu_share.py per-op "$out/auth-$kind-open-cpu.json" "${rate[$kind-open]}")"
    done
    for kind in hot-sku checkout; do
      awk -v k="$kind" -v r="${rate[$kind-required]}" -v o="${rate[$kind-open]}" 'BEGIN {
        printf "goal: token validation costs at most 10%% of %s throughput (ratio >= 0.90): %s\n", k, (r / o >= 0.9 ? "met" : "not met") }'
    done
    for kind in hot-sku checkout; do echo "report: $out/auth-$kind-required.html"; echo "report: $out/auth-$kind-open.html"; done
    echo "details: $out/auth-{hot-sku,checkout}-{required,open}{.txt,.json,-cpu.json}, $out/silo-auth-*.log"
  } | tee "$report"
  [[ ${check[hot-sku-required]} == PASS && ${check[hot-sku-open]} == PASS && ${check[checkout-required]} == PASS && ${check[checkout-open]} == PASS ]]
}

telemetry() {
  local management_port=19464 prometheus_port=19090 sink_port=14318 receiver python status=0 scraped=none scraping=true exported=""
  local rounds=${BENCH_TELEMETRY_ROUNDS:-6} checkouts=${BENCH_TELEMETRY_CHECKOUTS:-600} otlp=()
  # The helpers' pids are global: the EXIT trap runs after this function returned. The interpreter's own path, not
  # pyenv's shim, so that the pid is the receiver's (a shim's child would outlive a kill of the shim).
  prometheus_pid="" sink_pid=""
  python=$(python3 -c 'import sys; print(sys.executable)')
  [[ -z ${BENCH_TELEMETRY_VARIANTS:-} || ,$BENCH_TELEMETRY_VARIANTS, == *,prometheus,* ]] || scraping=false
  [[ $scraping == false || -x /usr/bin/prometheus ]] ||
    { echo "the prometheus variant needs Debian's prometheus (apt-get install prometheus; or leave it out with BENCH_TELEMETRY_VARIANTS)" >&2; exit 1; }
  stop_helpers() {
    if [[ -n $prometheus_pid ]]; then kill "$prometheus_pid" 2>/dev/null || true; wait "$prometheus_pid" 2>/dev/null || true; prometheus_pid=""; fi
    if [[ -n $sink_pid ]]; then kill "$sink_pid" 2>/dev/null || true; wait "$sink_pid" 2>/dev/null || true; sink_pid=""; fi
  }
  trap 'stop_helpers; drop_vhost; drop_database' EXIT
  if (exec 3<>/dev/tcp/127.0.0.1/4317) 2>/dev/null; then
    receiver="the Aspire dashboard's OTLP/gRPC endpoint at 127.0.0.1:4317"
    otlp=(--otlp-endpoint http://127.0.0.1:4317 --otlp-protocol grpc)
  else
    receiver="scripts/bench/otlp_sink.py on 127.0.0.1:$sink_port"
    "$python" scripts/bench/otlp_sink.py "$sink_port" "$out/telemetry-otlp.json" &
    sink_pid=$!
    for _ in $(seq 1 50); do (exec 3<>"/dev/tcp/127.0.0.1/$sink_port") 2>/dev/null && break; sleep 0.1; done
    otlp=(--otlp-endpoint "http://127.0.0.1:$sink_port" --otlp-protocol http/protobuf)
  fi
  # A real Prometheus scrapes the prometheus variant's management port every 5 s (nothing answers there in the others).
  if [[ $scraping == true ]]; then
    mkdir -p "$out/telemetry-prometheus"
    printf 'global:\n  scrape_interval: 5s\nscrape_configs:\n  - job_name: k8shop-silo\n    static_configs:\n      - targets: ["127.0.0.1:%s"]\n' \
      "$management_port" >"$out/telemetry-prometheus/prometheus.yml"
    /usr/bin/prometheus --config.file="$out/telemetry-prometheus/prometheus.yml" --storage.tsdb.path="$out/telemetry-prometheus/data-$stamp" \
      --web.listen-address="127.0.0.1:$prometheus_port" >"$out/telemetry-prometheus/prometheus.log" 2>&1 &
    prometheus_pid=$!
  fi

  step "building the telemetry cost tool (Release)"
  dotnet build tools/K8Shop.TelemetryCost -c Release --nologo -clp:ErrorsOnly -v q
  step "telemetry cost: off and ${BENCH_TELEMETRY_VARIANTS:-defaults, prometheus, otlp, otlp-sampled} in one process, $rounds round(s) of $checkouts checkouts each, $clients shoppers"
  # The silo is hosted inside the tool (its CPU time and allocations are read exactly around the measured checkouts);
  # the co-hosted identity provider gets the same settings as start_silo gives a silo.
  (
    cd tools/K8Shop.TelemetryCost/bin/Release/net10.0
    env Inventory__MaxWritesPerSecond="${BENCH_INVENTORY_WRITES_PER_SECOND:-50}" DynamoDB__TableName="k8shop-bench-$stamp-telemetry" \
      Identity__OperatorClient__Secret="$operator_secret" Identity__LoadGenClient__Secret="$loadgen_secret" \
      Identity__DevelopmentKeys=true Identity__RequireHttps=false RateLimits__Auth__PermitLimit=0 \
      dotnet k8shop-telemetry-cost.dll --rounds "$rounds" --checkouts "$checkouts" --clients "$clients" --rate "${BENCH_TELEMETRY_RATE:-30}" \
      --management-port "$management_port" "${otlp[@]}" ${BENCH_TELEMETRY_VARIANTS:+--variants "$BENCH_TELEMETRY_VARIANTS"} \
      ${BENCH_TELEMETRY_ALLOCATIONS:+--allocations "$BENCH_TELEMETRY_ALLOCATIONS"} --json "$OLDPWD/$out/telemetry-cost.json" --run-id "$stamp"
  ) >"$out/telemetry-cost.txt" 2>"$out/telemetry-cost.log" || status=$?
  [[ $scraping == false ]] ||
    scraped=$(curl -fs "http://127.0.0.1:$prometheus_port/api/v1/query" --data-urlencode 'query=sum(max_over_time(k8shop_checkouts_total[1h]))' |
      python3 -c 'import json, sys; r = json.load(sys.stdin)["data"]["result"]; print(r[0]["value"][1] if r else "none")' || echo none)
  stop_helpers
  if [[ -s "$out/telemetry-otlp.json" ]]; then
    exported=$(python3 -c 'import json, sys; c = json.load(open(sys.argv[1])); print(", ".join("%s %d requests %d KiB" % (k, v["requests"], v["bytes"] // 1024) for k, v in sorted(c.items())))' "$out/telemetry-otlp.json")
  fi
  {
    cat "$out/telemetry-cost.txt"
    [[ $scraping == false ]] || echo "the prometheus variant's scrapes: Prometheus saw sum(max_over_time(k8shop_checkouts_total[1h])) = $scraped"
    echo "the otlp variant's export: to $receiver${exported:+; it received $exported}"
    echo "details: $out/telemetry-cost{.txt,.json,.log} (the .log has every phase's figures and outcomes)"
  } | tee "$report"
  [[ $status == 0 ]] || { echo "the telemetry cost tool failed (exit $status); see $out/telemetry-cost.log" >&2; return 1; }
}

chaos() {
  local sku=BOOK-001 skus=150 run="$out/chaos" status on=${BENCH_CHAOS_ON:-12} off=${BENCH_CHAOS_OFF:-5} pick=()
  [[ -z ${BENCH_CHAOS_FAULTS:-} ]] || pick=(--chaos-faults "$BENCH_CHAOS_FAULTS")
  start_silo chaos "k8shop-bench-$stamp-chaos" Cart__IdleExpiry=01:00:00

  step "checkout, $clients clients in a closed loop for ${duration}s (+${warmup}s warm-up), each fault ${on}s on then ${off}s off, in turn"
  status=$(loadgen "$run" --scenario checkout --sku "$sku" --skus "$skus" --setup-stock 1000000 --warmup "${warmup}s" --duration "${duration}s" \
    --clients "$clients" --chaos --chaos-on "${on}s" --chaos-off "${off}s" "${pick[@]}")
  stop_silo
  [[ -s "$run.json" ]] || { cat "$run.txt" >&2; echo "the load generator wrote no report (exit $status)" >&2; exit 1; }

  {
    echo "K8Shop chaos benchmark, $(date -u +%FT%TZ), $(nproc) cores, ${duration}s measured (+${warmup}s warm-up), $clients clients, checkout closed loop, one silo"
    echo "(cluster profile; the load generator turns each fault switch on through PUT /admin/faults/{name} (errors and outcomes at"
    echo " probability 0.5, latencies 300 ms), waits ${on}s, turns it off, waits ${off}s, next; every fault is off again before the checks)"
    python3 - "$run.json" "$status" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
c, f = r["checkout"]["figures"], r["faults"]
chaos = f.get("chaos") or {}
print(f"checkouts:      {c['checkouts_per_second']:8.1f}/s over the whole window ({c['confirmed_per_second']:.1f} confirmed/s); {c['unanswered']} unanswered, {c['order_retries']} order retries")
def ms(v):
    return "-" if v is None else f"{v:.1f}"
print(f"  {'window':<26} {'seconds':>9} {'checkouts/s':>11} {'confirmed/s':>11} {'declined':>8} {'requests':>9} {'errors':>7} {'p50 ms':>8} {'p99 ms':>8}  problem")
for w in chaos.get("windows", []):
    span = f"{w['from_second']}-{w['to_second']}"
    seconds = max(w["to_second"] - w["from_second"], 1)
    confirmed = w["outcomes"].get("order_confirmed", 0) / seconds
    declined = w["outcomes"].get("order_payment_failed", 0)
    print(f"  {w['fault'] or '(all off)':<26} {span:>9} {w['operations_per_second']:11.1f} {confirmed:11.1f} {declined:8d} {w['requests']:9d} {w['errors']:7d} {ms(w['p50_ms']):>8} {ms(w['p99_ms']):>8}  {w['problem'] or ''}")
played = {w["fault"] for w in chaos.get("windows", []) if w["fault"] and w["on_at_seconds"] is not None}
print(f"faults played: {len(played)} of {len(chaos.get('faults', []))}; left on after the run: {', '.join(chaos.get('left_on', [])) or 'none'}")
checks = [(ch["name"], ch["passed"]) for sku in r["invariants"] for ch in sku["checks"]] + [(ch["name"], ch["passed"]) for ch in r["checkout"]["checks"]]
for name in dict.fromkeys(n for n, _ in checks):
    print(f"{'PASS' if all(ok for n, ok in checks if n == name) else 'FAIL'} {name}")
print(f"load generator: exit {sys.argv[2]}, every invariant {'held' if r['passed'] else 'did NOT hold'}")
PY
    echo "report: $run.html"
    echo "details: $run.{txt,json}, $out/silo-chaos.log"
  } | tee "$report"
  [[ $status == 0 && $(json_field "$run.json" 'r["passed"]') == True ]]
}

xacts() {
  local run="$out/xacts" status rate
  start_silo xacts "k8shop-bench-$stamp-xacts" Auth__Mode=open Cart__IdleExpiry=01:00:00
  step "idle: PostgreSQL transactions of the silo alone for 15 s"
  sleep 5
  pg_xacts measure --window 15 --out "$run-idle.json"
  step "checkout: $clients clients in a closed loop for ${duration}s (+${warmup}s warm-up), Auth__Mode=open"
  status=$(loadgen "$run" --auth open --scenario checkout --sku BOOK-001 --skus 150 --setup-stock 1000000 \
    --warmup "${warmup}s" --duration "${duration}s" --clients "$clients")
  stop_silo
  rate=$(json_field "$run.json" 'r["checkout"]["figures"]["checkouts_per_second"]')
  {
    echo "K8Shop PostgreSQL transactions per checkout, $(date -u +%FT%TZ), $(git rev-parse --short HEAD), $clients clients, ${duration}s measured (+${warmup}s warm-up)"
    echo "idle: $(python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["per_second"])' "$run-idle.json") transactions/s"
    pg_xacts per-op "$run-pg.json" "$rate" "$run-idle.json"
    echo "load generator: exit $status, invariants $(json_field "$run.json" '"held" if r["passed"] else "did NOT hold"')"
    echo "details: $run.{txt,json}, $run-pg.json, $run-idle.json"
  } | tee "$report"
  [[ $status == 0 ]]
}

search() {
  local run="$out/search" books=${BENCH_SEARCH_BOOKS:-100000} rate=${BENCH_SEARCH_RATE:-100} status=0 bench log books_file
  bench=(dotnet tools/K8Shop.SearchBench/bin/Release/net10.0/k8shop-searchbench.dll)
  dotnet build tools/K8Shop.SearchBench -c Release --nologo -clp:ErrorsOnly -v q
  start_silo search-pg "k8shop-bench-$stamp-search"
  step "PostgreSQL: $books generated books into $pg_database"
  "${bench[@]}" load-postgres "$ConnectionStrings__Postgres" "$books" 42
  step "PostgreSQL: the search against its floor, ${BENCH_SEARCH_FLOOR:-500} searches one at a time"
  "${bench[@]}" floor "$ConnectionStrings__Postgres" "$run-floor.json" "${BENCH_SEARCH_FLOOR:-500}" "$books" 42 >"$run-floor.txt" || status=$?
  step "PostgreSQL: suggestions, then searches, each at $rate/s for ${duration}s (+${warmup}s warm-up)"
  "${bench[@]}" run "http://127.0.0.1:$http_port" "$duration" "$rate" "$run-postgres.json" "$warmup" "$books" 42 >"$run-postgres.txt" || status=$?
  stop_silo
  step "memory: an embedded silo with the same $books books"
  books_file="$PWD/$out/search-books.json"
  "${bench[@]}" generate-json "$books_file" "$books" 42 >/dev/null
  log="$PWD/$out/silo-search-memory.log"
  cd src/Silo/bin/Release/net10.0
  env -u K8Shop__Profile Kestrel__Endpoints__Http__Url="http://127.0.0.1:$http_port" Kestrel__Endpoints__Grpc__Url="http://127.0.0.1:15052" \
    Orleans__SiloPort=21112 Orleans__GatewayPort=31001 Logging__LogLevel__Default=Warning Identity__DevelopmentKeys=true \
    Identity__RequireHttps=false Telemetry__LocalDashboard=false Catalog__ExtraBooksFile="$books_file" dotnet K8Shop.Silo.dll >"$log" 2>&1 &
  silo=$!
  cd - >/dev/null
  for _ in $(seq 1 240); do curl -fs "http://127.0.0.1:$http_port/catalog/GEN-000001" >/dev/null && break; sleep 0.5; done
  curl -fs "http://127.0.0.1:$http_port/catalog/GEN-000001" >/dev/null || { echo "the embedded silo did not start; see $log" >&2; exit 1; }
  step "memory: suggestions, then searches, each at $rate/s for ${duration}s (+${warmup}s warm-up)"
  "${bench[@]}" run "http://127.0.0.1:$http_port" "$duration" "$rate" "$run-memory.json" "$warmup" "$books" 42 >"$run-memory.txt" || status=$?
  stop_silo
  rm -f "$books_file"
  {
    echo "K8Shop search at $books books, $(date -u +%FT%TZ), $(git rev-parse --short HEAD), suggestions then searches at $rate/s each, ${duration}s measured each (+${warmup}s warm-up each)"
    echo "goals: search p99 < 20 ms, suggest p99 < 5 ms"
    echo "-- postgres: the search against its floor (one at a time, in process; ms)"
    cat "$run-floor.txt"
    for store in postgres memory; do
      echo "-- $store"
      cat "$run-$store.txt"
      python3 -c 'import json, sys
r = {k["kind"]: k for k in json.load(open(sys.argv[1]))["kinds"]}
for kind, goal in (("search", 20), ("suggest", 5)):
    p99 = r[kind]["p99Ms"]
    print(f"{kind} p99 {p99:.2f} ms: goal {goal} ms", "met" if p99 < goal else "MISSED")' "$run-$store.json"
    done
    echo "details: $run-{postgres,memory}.{txt,json}, $run-floor.{txt,json}"
  } | tee "$report"
  [[ $status == 0 ]]
}

# Every run gets a RabbitMQ virtual host of its own, deleted afterwards: every queue bound to exchange orders gets
# a copy of every event, so on the shared vhost the run would fill other silos' partition and notification queues,
# and whatever earlier test runs left bound there (a test silo's partition exchange, a forgotten queue) would add
# its copies to the broker's work in the measured figures.
rabbit_management=${BENCH_RABBITMQ_MANAGEMENT:-http://127.0.0.1:15672}
rabbit_credentials=$(python3 -c 'import sys, urllib.parse as u; p = u.urlparse(sys.argv[1]); print(u.unquote(p.username or "guest") + ":" + u.unquote(p.password or "guest"))' "$ConnectionStrings__RabbitMQ")
rabbit_vhost="k8shop-bench-$stamp"
drop_vhost() { curl -fs -u "$rabbit_credentials" -X DELETE "$rabbit_management/api/vhosts/$rabbit_vhost" >/dev/null || true; }

# Likewise a PostgreSQL database of its own for the silo (the silo's migrations set it up), dropped afterwards: the dev
# database keeps every grain state that tests and earlier runs wrote (2 million rows, 1.5 GB after a day of benchmarks
# on this box), and once its indexes outgrow the buffer cache every write pays for it, so figures would drift from run
# to run while pgbench starts on empty tables.
export PGPASSWORD=k8shop
pg=(-h 127.0.0.1 -p "${K8SHOP_PG_PORT:-5432}" -U k8shop)
pg_database="k8shop_bench_${stamp,,}"
# FORCE cannot end an autovacuum worker (it belongs to no role this user may signal); a plain DROP stops it itself.
drop_database() {
  local sql="DROP DATABASE IF EXISTS \"$pg_database\""
  psql "${pg[@]}" -d k8shop -qc "$sql WITH (FORCE)" >/dev/null 2>&1 || psql "${pg[@]}" -d k8shop -qc "$sql" >/dev/null ||
    echo "could not drop PostgreSQL database $pg_database; drop it by hand" >&2
}
trap 'stop_silo; drop_vhost; drop_database' EXIT
psql "${pg[@]}" -d k8shop -qc "CREATE DATABASE \"$pg_database\"" ||
  { echo "could not create PostgreSQL database $pg_database (user k8shop needs CREATEDB)" >&2; exit 1; }
export ConnectionStrings__Postgres="${ConnectionStrings__Postgres/Database=k8shop;/Database=$pg_database;}"
[[ $ConnectionStrings__Postgres == *"Database=$pg_database;"* ]] ||
  { echo "expected Database=k8shop; in the dev services' PostgreSQL connection string" >&2; exit 1; }

curl -fs -u "$rabbit_credentials" -X PUT "$rabbit_management/api/vhosts/$rabbit_vhost" >/dev/null ||
  { echo "could not create RabbitMQ virtual host $rabbit_vhost through $rabbit_management" >&2; exit 1; }
curl -fs -u "$rabbit_credentials" -X PUT -H 'Content-Type: application/json' -d '{"configure":".*","write":".*","read":".*"}' \
  "$rabbit_management/api/permissions/$rabbit_vhost/${rabbit_credentials%%:*}" >/dev/null
export ConnectionStrings__RabbitMQ="${ConnectionStrings__RabbitMQ%/}/$rabbit_vhost"

case $scenario in
  xacts) xacts ;;
  hot-sku) hot_sku ;;
  checkout) checkout ;;
  events) events ;;
  auth) auth ;;
  telemetry) telemetry ;;
  chaos) chaos ;;
  search) search ;;
esac
