#!/usr/bin/env bash
# The fault drill (issue 8) on a local cluster of its own: scripts/local-cluster.sh starts three silos and a gateway
# with shortened membership probes, on its own ports, Orleans ids, PostgreSQL database, DynamoDB table and RabbitMQ
# virtual host; the
# drill (tools/K8Shop.FaultDrill) runs 200 checkouts from 32 clients, each under its own Idempotency-Key and retried,
# kills silo2 with SIGKILL at 40% and restarts it 10 s later, then checks that nothing acknowledged was lost, nothing
# was ordered or charged twice, nothing oversold, and every order is final within a minute of the restart.
#
#   scripts/fault-test.sh [drill options, e.g. --checkouts 400 --clients 64 --kill-at 0.5 --restart-after 5]
#
# Prints the report and keeps it with the nodes' logs under .fault-test/<run>/; exits non-zero when a check failed.
# The cluster, the database and the virtual host are removed at the end (K8SHOP_FAULT_KEEP=1 keeps them).
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO"

run="$(date -u +%Y%m%d-%H%M%S)-$$"
out="$REPO/.fault-test/$run"
mkdir -p "$out"
step() { printf '\n==> %s\n' "$*"; }

export K8SHOP_CLUSTER_DIR="$out/cluster"
export K8SHOP_CLUSTER_PORT_OFFSET="${K8SHOP_FAULT_PORT_OFFSET:-200}"
export K8SHOP_CLUSTER_SERVICE_ID="k8shop-fault-$run" K8SHOP_CLUSTER_ID="fault-$run" K8SHOP_CLUSTER_TABLE="k8shop-fault-$run"
export K8SHOP_CLUSTER_DASHBOARD=false
# The silos' operator and loadgen clients get secrets of this run; the drill reads them from its environment (not ps).
K8SHOP_OPERATOR_SECRET="$(openssl rand -hex 16)" K8SHOP_LOADGEN_SECRET="$(openssl rand -hex 16)"
export K8SHOP_OPERATOR_SECRET K8SHOP_LOADGEN_SECRET
export K8SHOP_CLUSTER_CONFIGURATION="${K8SHOP_CLUSTER_CONFIGURATION:-Release}"
# A dead silo is voted out in seconds, not the default minute; interrupted sagas resume after 3 s; no write pacing.
# Each is a default: a value already in the environment wins (e.g. Orleans__Messaging__ResponseTimeout=00:00:05).
export Orleans__Membership__ProbeTimeout="${Orleans__Membership__ProbeTimeout:-00:00:02}" \
  Orleans__Membership__NumMissedProbesLimit="${Orleans__Membership__NumMissedProbesLimit:-3}" \
  Orleans__Membership__IAmAliveTablePublishTimeout="${Orleans__Membership__IAmAliveTablePublishTimeout:-00:00:10}" \
  Orleans__Membership__TableRefreshTimeout="${Orleans__Membership__TableRefreshTimeout:-00:00:05}" \
  Orleans__Membership__DeathVoteExpirationTimeout="${Orleans__Membership__DeathVoteExpirationTimeout:-00:00:20}" \
  Orleans__Messaging__ResponseTimeout="${Orleans__Messaging__ResponseTimeout:-00:00:15}" \
  Orleans__Client__GatewayListRefreshPeriod="${Orleans__Client__GatewayListRefreshPeriod:-00:00:05}" \
  Orders__ResumeAfter="${Orders__ResumeAfter:-00:00:03}" Inventory__MaxWritesPerSecond="${Inventory__MaxWritesPerSecond:-0}"
gateway_url="http://127.0.0.1:$((8090 + K8SHOP_CLUSTER_PORT_OFFSET))"
# Tokens come from silo1's co-hosted provider (the drill kills silo2); every silo shares its keys and account store.
token_url="http://127.0.0.1:$((8081 + K8SHOP_CLUSTER_PORT_OFFSET))/connect/token"
cluster() { "$REPO/scripts/local-cluster.sh" "$@"; }

eval "$("$REPO/scripts/dev-services.sh" env)"
rabbit_management=${K8SHOP_RABBITMQ_MANAGEMENT:-http://127.0.0.1:15672}
rabbit_credentials=$(python3 -c 'import sys, urllib.parse as u; p = u.urlparse(sys.argv[1]); print(u.unquote(p.username or "guest") + ":" + u.unquote(p.password or "guest"))' "$ConnectionStrings__RabbitMQ")
rabbit_vhost="k8shop-fault-$run"
pg_field() { tr ';' '\n' <<<"$ConnectionStrings__Postgres" | sed -n "s/^$1=//Ip" | head -n 1; }
pg_database=$(pg_field Database)
fault_database="k8shop_fault_${run//-/_}"
psql_admin() { PGPASSWORD="$(pg_field Password)" psql -h "$(pg_field Host)" -p "$(pg_field Port)" -U "$(pg_field Username)" -d "$pg_database" -v ON_ERROR_STOP=1 -qc "$1"; }
cleanup() {
  if [[ "${K8SHOP_FAULT_KEEP:-}" != 1 ]]; then
    step "stopping the drill's cluster"
    cluster down || true
    curl -fs -u "$rabbit_credentials" -X DELETE "$rabbit_management/api/vhosts/$rabbit_vhost" >/dev/null || true
    # FORCE cannot end an autovacuum worker (it belongs to no role this user may signal); a plain DROP stops it itself.
    psql_admin "DROP DATABASE IF EXISTS \"$fault_database\" WITH (FORCE)" || psql_admin "DROP DATABASE IF EXISTS \"$fault_database\"" || true
  else
    echo "cluster kept (K8SHOP_FAULT_KEEP=1): K8SHOP_CLUSTER_DIR=$K8SHOP_CLUSTER_DIR K8SHOP_CLUSTER_PORT_OFFSET=$K8SHOP_CLUSTER_PORT_OFFSET scripts/local-cluster.sh down"
  fi
}
trap cleanup EXIT

step "a RabbitMQ virtual host of the run's own ($rabbit_vhost), so its events reach no other silo's queues"
curl -fs -u "$rabbit_credentials" -X PUT "$rabbit_management/api/vhosts/$rabbit_vhost" >/dev/null ||
  { echo "could not create the vhost at $rabbit_management; is RabbitMQ's management API up ('scripts/dev-services.sh status')?" >&2; exit 1; }
curl -fs -u "$rabbit_credentials" -X PUT -H 'Content-Type: application/json' -d '{"configure":".*","write":".*","read":".*"}' \
  "$rabbit_management/api/permissions/$rabbit_vhost/${rabbit_credentials%%:*}" >/dev/null
export K8SHOP_CLUSTER_RABBITMQ="${ConnectionStrings__RabbitMQ%/}/$rabbit_vhost"

step "a PostgreSQL database of the run's own ($fault_database): membership, reminders, orders and payments start empty"
psql_admin "CREATE DATABASE \"$fault_database\"" ||
  { echo "could not create the database; is PostgreSQL up ('scripts/dev-services.sh status') and may its user create databases?" >&2; exit 1; }
export K8SHOP_CLUSTER_POSTGRES="${ConnectionStrings__Postgres/Database=$pg_database/Database=$fault_database}"

step "local cluster (3 silos + gateway, $K8SHOP_CLUSTER_CONFIGURATION, ports +$K8SHOP_CLUSTER_PORT_OFFSET)"
cluster up

step "fault drill"
dotnet build tools/K8Shop.FaultDrill -c "$K8SHOP_CLUSTER_CONFIGURATION" --nologo -clp:ErrorsOnly >"$out/drill-build.log" 2>&1 ||
  { tail -n 20 "$out/drill-build.log" >&2; echo "the drill did not build (log $out/drill-build.log)" >&2; exit 1; }
set +e
K8SHOP_ADMIN_CLIENT_ID=operator K8SHOP_ADMIN_CLIENT_SECRET="$K8SHOP_OPERATOR_SECRET" \
  K8SHOP_CLIENT_ID=loadgen K8SHOP_CLIENT_SECRET="$K8SHOP_LOADGEN_SECRET" \
  dotnet "tools/K8Shop.FaultDrill/bin/$K8SHOP_CLUSTER_CONFIGURATION/net10.0/k8shop-faultdrill.dll" \
  --url "$gateway_url" --token-url "$token_url" --target silo2 \
  --kill-command "'$REPO/scripts/local-cluster.sh' kill silo2" --restart-command "'$REPO/scripts/local-cluster.sh' start silo2" \
  --orleans-postgres "$K8SHOP_CLUSTER_POSTGRES" --service-id "$K8SHOP_CLUSTER_SERVICE_ID" --cluster-id "$K8SHOP_CLUSTER_ID" \
  --target-silo-port $((11122 + K8SHOP_CLUSTER_PORT_OFFSET)) "$@" 2>&1 | tee "$out/report.txt"
status=${PIPESTATUS[0]}
set -e
echo "report and node logs: $out"
exit "$status"
