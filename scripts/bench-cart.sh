#!/usr/bin/env bash
# Cart writes against catalog reads, in one run through one gateway (cluster profile: PostgreSQL + Redis).
# Reports the ratio of the two rates (goal: writes >= 0.5 x reads) and Redis commands per cart change from
# Redis' own command statistics. Usage: scripts/bench-cart.sh [seconds per phase, default 20]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

duration=${1:-20}
connections=${BENCH_CONNECTIONS:-64}
carts=${BENCH_CARTS:-20000}
http_port=18080
out="artifacts/bench"
mkdir -p "$out"
report="$out/cart-$(date -u +%Y%m%dT%H%M%SZ).txt"
step() { printf '==> %s\n' "$*"; }

command -v wrk >/dev/null || { step "installing wrk"; apt-get install -y -qq wrk >/dev/null; }
step "services"
scripts/dev-services.sh up postgres redis dynalite
eval "$(scripts/dev-services.sh env)"
# Silos under measurement export nothing unless a scenario says so (the viewer, when up, would put OTLP export in every run).
unset OTEL_EXPORTER_OTLP_ENDPOINT

step "building the silo (Release)"
dotnet build src/Silo -c Release --nologo -clp:ErrorsOnly -v q

step "starting the silo (cluster profile) on 127.0.0.1:$http_port"
redis-cli -p "${K8SHOP_REDIS_PORT:-6379}" --scan --pattern '*/state/cart/bench-*' | xargs -r -n 500 redis-cli -p "${K8SHOP_REDIS_PORT:-6379}" del >/dev/null
Kestrel__Endpoints__Http__Url="http://127.0.0.1:$http_port" Kestrel__Endpoints__Grpc__Url="http://127.0.0.1:15051" \
  Orleans__SiloPort=21111 Orleans__GatewayPort=31000 Logging__LogLevel__Default=Warning \
  dotnet src/Silo/bin/Release/net10.0/K8Shop.Silo.dll >"$out/silo.log" 2>&1 &
silo=$!
trap 'kill "$silo" 2>/dev/null; wait "$silo" 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do curl -fs "http://127.0.0.1:$http_port/healthz" >/dev/null && break; sleep 0.5; done
curl -fs "http://127.0.0.1:$http_port/api/cart/healthz" >/dev/null || { echo "the silo did not become healthy; see $out/silo.log" >&2; exit 1; }

run() { # name, script, seconds
  wrk -t2 -c"$connections" -d"$2" -s "scripts/bench/$1.lua" "http://127.0.0.1:$http_port" | tee "$out/$1.wrk"
}
rate() { awk '/Requests\/sec/ { print $2 }' "$out/$1.wrk"; }
requests() { awk '/requests in/ { print $1 }' "$out/$1.wrk"; }
failures() { awk '/Non-2xx/ { n = $NF } END { print n + 0 }' "$out/$1.wrk"; }

step "warm-up (5 s each)"
run catalog-reads 5 >/dev/null
CARTS=$carts run cart-writes 5 >/dev/null

step "catalog reads by id, ${duration}s, $connections connections"
run catalog-reads "$duration"
redis-cli -p "${K8SHOP_REDIS_PORT:-6379}" config resetstat >/dev/null
step "cart writes over $carts carts, ${duration}s, $connections connections"
CARTS=$carts run cart-writes "$duration"
stats=$(redis-cli -p "${K8SHOP_REDIS_PORT:-6379}" info commandstats)

calls() { grep -oE "^cmdstat_$1:calls=[0-9]+" <<<"$stats" | grep -oE '[0-9]+$' || echo 0; }
writes=$(( $(requests cart-writes) - $(failures cart-writes) ))
top=$(( $(calls evalsha) + $(calls eval) + $(calls hgetall) + $(calls del) ))
inner=$(( $(calls hget) + $(calls hmset) + $(calls expire) ))
keys=$(redis-cli -p "${K8SHOP_REDIS_PORT:-6379}" --scan --pattern '*/state/cart/bench-*' | wc -l)

{
  echo "K8Shop cart benchmark, $(date -u +%FT%TZ), $(nproc) cores, ${duration}s per phase, $connections connections"
  echo "catalog reads by id:   $(rate catalog-reads) req/s ($(failures catalog-reads) non-2xx)"
  echo "cart writes:           $(rate cart-writes) req/s ($(failures cart-writes) non-2xx), $keys carts in Redis"
  awk -v w="$(rate cart-writes)" -v r="$(rate catalog-reads)" 'BEGIN { printf "ratio writes/reads:    %.2f (goal >= 0.50)\n", w / r }'
  awk -v t="$top" -v i="$inner" -v n="$writes" 'BEGIN {
    printf "redis per cart change: %.2f commands sent (EVALSHA writes, HGETALL loads), %.2f more run inside the write script (HGET, HMSET, EXPIRE)\n", t / n, i / n }'
  echo "$stats" | grep -E '^cmdstat_(evalsha|eval|hgetall|hget|hmset|expire|del):' | sed 's/^/  /'
} | tee "$report"
step "report saved to $report"
