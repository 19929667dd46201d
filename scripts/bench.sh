#!/usr/bin/env bash
# Hot-SKU benchmark: inventory on DynamoDB (dynalite), the load generator over REST, in one run:
# durable reservations/s on one SKU with group commit, the same with one write per change, storage writes/s on
# the hot item (from the item's version attribute), and the ratios. The invariant checks must pass in both.
# Usage: scripts/bench.sh hot-sku [seconds, default 20] [clients, default 256]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

scenario=${1:-hot-sku}
duration=${2:-20}
clients=${3:-256}
[[ "$scenario" == hot-sku ]] || { echo "usage: $0 hot-sku [seconds] [clients]" >&2; exit 2; }
sku=BOOK-001
http_port=18081
out="artifacts/bench"
stamp=$(date -u +%Y%m%dT%H%M%SZ)
report="$out/hot-sku-$stamp.txt"
mkdir -p "$out"
step() { printf '==> %s\n' "$*"; }

step "services (PostgreSQL, Redis, dynalite)"
scripts/dev-services.sh up postgres redis dynalite
eval "$(scripts/dev-services.sh env)"
step "building the silo and the load generator (Release)"
dotnet build src/Silo -c Release --nologo -clp:ErrorsOnly -v q
dotnet build tools/K8Shop.LoadGen -c Release --nologo -clp:ErrorsOnly -v q

silo=""
stop_silo() { [[ -n "$silo" ]] && kill "$silo" 2>/dev/null && wait "$silo" 2>/dev/null; silo=""; }
trap stop_silo EXIT

# run NAME GROUP_COMMIT MAX_WRITES_PER_SECOND: starts a silo on a fresh table, drives it, prints
# "granted/s writes elapsed passed".
run() {
  local name=$1 group=$2 pace=$3 table="k8shop-bench-$stamp-$1"
  Kestrel__Endpoints__Http__Url="http://127.0.0.1:$http_port" Kestrel__Endpoints__Grpc__Url="http://127.0.0.1:15052" \
    Orleans__SiloPort=21112 Orleans__GatewayPort=31001 Logging__LogLevel__Default=Warning \
    Admin__ApiKey=bench Inventory__GroupCommit="$group" Inventory__MaxWritesPerSecond="$pace" DynamoDB__TableName="$table" \
    dotnet src/Silo/bin/Release/net10.0/K8Shop.Silo.dll >"$out/silo-$name.log" 2>&1 &
  silo=$!
  for _ in $(seq 1 120); do curl -fs "http://127.0.0.1:$http_port/api/inventory/healthz" >/dev/null && break; sleep 0.5; done
  curl -fs "http://127.0.0.1:$http_port/inventory/$sku" >/dev/null || { echo "the silo did not start; see $out/silo-$name.log" >&2; exit 1; }

  local before after started finished status=0
  before=$(python3 scripts/bench/dynamo_version.py "$DynamoDB__ServiceUrl" "$table" "/$sku")
  started=$(date +%s.%N)
  dotnet tools/K8Shop.LoadGen/bin/Release/net10.0/k8shop-loadgen.dll --url "http://127.0.0.1:$http_port" --admin-key bench \
    --scenario hot-sku --sku "$sku" --clients "$clients" --duration "${duration}s" --warmup 5s --setup-stock 5000000 \
    --release-ratio 0.3 --commit-ratio 1 --json "$out/hot-sku-$name.json" >"$out/hot-sku-$name.txt" || status=$?
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

step "group commit: $clients clients on $sku for ${duration}s (+5s warm-up)"
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
  echo "details: $out/hot-sku-grouped.{txt,json}, $out/hot-sku-single.{txt,json}"
} | tee "$report"
[[ "$grouped_check" == PASS && "$single_check" == PASS ]]
