#!/usr/bin/env bash
# A local K8Shop cluster on 127.0.0.1: three silo processes and one standalone gateway (an Orleans client), cluster
# profile, over the services of scripts/dev-services.sh (started if they are not answering).
#
#   scripts/local-cluster.sh up | down | status
#   scripts/local-cluster.sh start | stop | kill NODE      NODE: silo1 silo2 silo3 gateway (kill = SIGKILL, a crash)
#
# Builds once (K8SHOP_CLUSTER_CONFIGURATION, default Release; K8SHOP_CLUSTER_NO_BUILD=1 skips it). Pids, logs and
# each node's settings live in ${K8SHOP_CLUSTER_DIR:-<repo>/.local-cluster}; 'down' stops each node by its own pid.
# Settings (environment): K8SHOP_CLUSTER_PORT_OFFSET (0: silos on 11121-11123 / 30021-30023 / http 8081-8083 /
# grpc 50061-50063 / management (GET /metrics) 9465-9467, the gateway on http 8090, grpc 50052 and management 9468), K8SHOP_CLUSTER_SERVICE_ID (k8shop-local),
# K8SHOP_CLUSTER_ID (local), K8SHOP_CLUSTER_TABLE (DynamoDB table, k8shop-local-inventory), K8SHOP_OPERATOR_SECRET
# (local-cluster-operator: the operator client's secret, admin tokens by client credentials) and K8SHOP_LOADGEN_SECRET
# (local-cluster-loadgen: the loadgen client's), K8SHOP_CLUSTER_GATEWAY_MODULES (Gateway__Modules of the gateway; empty: all),
# K8SHOP_CLUSTER_DASHBOARD (true), K8SHOP_CLUSTER_POSTGRES and K8SHOP_CLUSTER_RABBITMQ (a connection string and an
# AMQP URI in place of dev-services' ones: another database, a vhost). Orleans__Membership__*, Orleans__Messaging__*,
# Orleans__Client__*, Orders__*, Inventory__*, Payments__*, Events__*, Notifications__* and Logging__* set when
# calling 'up' reach every node.
# Identity: every silo co-hosts the identity provider with the same issuer (silo1's address), the same PEM keys
# (generated once per cluster dir with openssl, kept in it) and one account store (schema identity in the cluster's
# PostgreSQL database); the gateway validates tokens through silo1's discovery document. Tokens: silo1's /connect/token.
# Telemetry: every node exports to dev-services' viewer (OTEL_EXPORTER_OTLP_ENDPOINT, when it runs) and serves /metrics on
# its own management port; 'up' writes the nodes into a Prometheus file_sd file in dev-services' targets folder
# (K8SHOP_PROMETHEUS_TARGETS_DIR), so dev-services' Prometheus scrapes them within seconds; 'down' removes it.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
STATE="$(realpath -m "${K8SHOP_CLUSTER_DIR:-$REPO/.local-cluster}")"
CONFIGURATION="${K8SHOP_CLUSTER_CONFIGURATION:-Release}"
OFFSET="${K8SHOP_CLUSTER_PORT_OFFSET:-0}"
SERVICE_ID="${K8SHOP_CLUSTER_SERVICE_ID:-k8shop-local}"
CLUSTER_ID="${K8SHOP_CLUSTER_ID:-local}"
TABLE="${K8SHOP_CLUSTER_TABLE:-k8shop-local-inventory}"
OPERATOR_SECRET="${K8SHOP_OPERATOR_SECRET:-local-cluster-operator}"
LOADGEN_SECRET="${K8SHOP_LOADGEN_SECRET:-local-cluster-loadgen}"
GATEWAY_MODULES="${K8SHOP_CLUSTER_GATEWAY_MODULES:-}"
DASHBOARD="${K8SHOP_CLUSTER_DASHBOARD:-true}"
READY_TIMEOUT="${K8SHOP_CLUSTER_READY_TIMEOUT:-120}"
SILO_DLL="$REPO/src/Silo/bin/$CONFIGURATION/net10.0/K8Shop.Silo.dll"
GATEWAY_DLL="$REPO/src/Gateways/K8Shop.Gateway/bin/$CONFIGURATION/net10.0/K8Shop.Gateway.dll"
NODES=(silo1 silo2 silo3 gateway)
PASSED_THROUGH='^(Orleans__(Membership|Messaging|Client)__|Orders__|Inventory__|Payments__|Events__|Notifications__|Logging__)'

usage() {
  printf 'usage: %s up|down|status\n       %s start|stop|kill silo1|silo2|silo3|gateway\n' "$0" "$0" >&2
  exit 2
}
say() { printf '%s: %s\n' "$1" "$2"; }
die() { printf '%s: ERROR: %s\n' "$1" "$2" >&2; exit 1; }
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
http_code() { curl -s -o /dev/null -m 5 -w '%{http_code}' "$1" 2>/dev/null || true; }

http_port() { case $1 in silo*) echo $((8080 + ${1#silo} + OFFSET)) ;; gateway) echo $((8090 + OFFSET)) ;; esac; }
grpc_port() { case $1 in silo*) echo $((50060 + ${1#silo} + OFFSET)) ;; gateway) echo $((50052 + OFFSET)) ;; esac; }
silo_port() { echo $((11120 + ${1#silo} + OFFSET)); }
gateway_port() { echo $((30020 + ${1#silo} + OFFSET)); }
management_port() { case $1 in silo*) echo $((9464 + ${1#silo} + OFFSET)) ;; gateway) echo $((9468 + OFFSET)) ;; esac; }
dll_of() { [[ $1 == gateway ]] && echo "$GATEWAY_DLL" || echo "$SILO_DLL"; }
valid_node() { [[ " ${NODES[*]} " == *" $1 "* ]] || die "$0" "unknown node '$1'; use one of: ${NODES[*]}"; }

# The node's pid, only if that process is still this node's program (pid files outlive crashes).
pid_of() {
  local pid
  pid="$(head -n1 "$STATE/$1.pid" 2>/dev/null | tr -dc 0-9)" && [[ -n $pid ]] || return 1
  grep -qa -- "$(basename "$(dll_of "$1")")" "/proc/$pid/cmdline" 2>/dev/null && echo "$pid"
}
pid_gone() { ! kill -0 "$1" 2>/dev/null; }
wait_until() {  # seconds command...
  local deadline=$((SECONDS + $1)); shift
  until "$@"; do ((SECONDS < deadline)) || return 1; sleep 0.2; done
}

services_up() {
  local missing=() svc port
  for svc in postgres:5432 redis:6379 rabbitmq:5672 dynalite:8000 smtp:1025; do
    port_open "${svc#*:}" || missing+=("${svc%%:*}")
  done
  if ((${#missing[@]})); then
    say services "not answering: ${missing[*]}; starting them with scripts/dev-services.sh up ${missing[*]}"
    "$REPO/scripts/dev-services.sh" up "${missing[@]}"
  else
    say services "PostgreSQL, Redis, RabbitMQ, dynalite and SMTP answer on 127.0.0.1"
  fi
  # The viewer and Prometheus help but are not needed: a cluster starts without them.
  missing=()
  port_open "${K8SHOP_VIEWER_PORT:-18888}" || missing+=(viewer)
  port_open "${K8SHOP_PROMETHEUS_PORT:-9090}" || missing+=(prometheus)
  if ((${#missing[@]})); then
    say services "starting ${missing[*]} with scripts/dev-services.sh up ${missing[*]}"
    "$REPO/scripts/dev-services.sh" up "${missing[@]}" ||
      say services "WARNING: could not start ${missing[*]} (above); the cluster runs without them"
  fi
}

# dev-services' Prometheus reads every *.json there (file_sd); one file per cluster, named by service id and offset.
targets_file() {
  local dir
  dir="$(eval "$("$REPO/scripts/dev-services.sh" env)"; echo "${K8SHOP_PROMETHEUS_TARGETS_DIR:-}")"
  [[ -n $dir ]] && echo "$dir/local-cluster-$SERVICE_ID-$OFFSET.json"
}

write_prometheus_targets() {
  local file node service sep=""
  file="$(targets_file)" || return 0
  mkdir -p "$(dirname "$file")"
  {
    echo "["
    for node in "${NODES[@]}"; do
      [[ $node == gateway ]] && service=k8shop-gateway || service=k8shop-silo
      printf '%s  {"targets": ["127.0.0.1:%s"], "labels": {"service": "%s", "pod": "%s", "cluster": "%s"}}' \
        "$sep" "$(management_port "$node")" "$service" "$node" "$SERVICE_ID"
      sep=$',\n'
    done
    printf '\n]\n'
  } >"$file.tmp"
  mv "$file.tmp" "$file"
  say prometheus "scrape targets in $file"
}

build() {
  if [[ "${K8SHOP_CLUSTER_NO_BUILD:-}" == 1 ]]; then
    [[ -f $SILO_DLL && -f $GATEWAY_DLL ]] || die build "K8SHOP_CLUSTER_NO_BUILD=1 but $SILO_DLL or $GATEWAY_DLL is missing; build first or unset it"
    return
  fi
  say build "dotnet build -c $CONFIGURATION src/Silo and src/Gateways/K8Shop.Gateway (log in $STATE/build.log)..."
  if ! { dotnet build "$REPO/src/Silo/K8Shop.Silo.csproj" -c "$CONFIGURATION" --nologo -clp:ErrorsOnly &&
         dotnet build "$REPO/src/Gateways/K8Shop.Gateway/K8Shop.Gateway.csproj" -c "$CONFIGURATION" --nologo -clp:ErrorsOnly; } >"$STATE/build.log" 2>&1; then
    tail -n 20 "$STATE/build.log" >&2
    die build "the build failed (above, full log $STATE/build.log); fix it and run '$0 up' again"
  fi
}

# Settings every node shares: the services' addresses, the cluster's identity, and what the caller passed through.
write_cluster_env() {
  {
    "$REPO/scripts/dev-services.sh" env
    [[ -z "${K8SHOP_CLUSTER_POSTGRES:-}" ]] || printf "export ConnectionStrings__Postgres='%s'\n" "$K8SHOP_CLUSTER_POSTGRES"
    [[ -z "${K8SHOP_CLUSTER_RABBITMQ:-}" ]] || printf "export ConnectionStrings__RabbitMQ='%s'\n" "$K8SHOP_CLUSTER_RABBITMQ"
    printf "export %s='%s'\n" Orleans__ServiceId "$SERVICE_ID" Orleans__ClusterId "$CLUSTER_ID" \
      DynamoDB__TableName "$TABLE" K8Shop__Dashboard "$DASHBOARD"
    env | grep -E "$PASSED_THROUGH" | sed -E "s/^([^=]+)=(.*)$/export \1='\2'/" || true
  } >"$STATE/cluster.env"
  chmod 600 "$STATE/cluster.env"
}

issuer() { echo "http://127.0.0.1:$(http_port silo1)"; }

# PEM RSA keys for signing and encryption, made once per cluster dir: a restarted silo keeps validating old tokens.
identity_keys() {
  local name
  for name in signing encryption; do
    [[ -s "$STATE/identity-$name.pem" ]] && continue
    (umask 077 && openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$STATE/identity-$name.pem" 2>/dev/null) ||
      die identity "openssl could not generate $STATE/identity-$name.pem"
  done
}

write_identity_env() {  # the silo's co-hosted provider: shared issuer, keys and store, and the machine clients' secrets
  local postgres="${K8SHOP_CLUSTER_POSTGRES:-$(eval "$("$REPO/scripts/dev-services.sh" env)"; echo "$ConnectionStrings__Postgres")}"
  printf "export %s='%s'\n" Identity__Issuer "$(issuer)" Identity__Store postgres ConnectionStrings__Identity "$postgres" \
    Identity__SigningKey "$(cat "$STATE/identity-signing.pem")" Identity__EncryptionKey "$(cat "$STATE/identity-encryption.pem")" \
    Identity__OperatorClient__Secret "$OPERATOR_SECRET" Identity__LoadGenClient__Secret "$LOADGEN_SECRET" \
    Identity__RequireHttps false
}

write_node_env() {  # node
  local node=$1
  {
    printf "export %s='%s'\n" Kestrel__Endpoints__Http__Url "http://127.0.0.1:$(http_port "$node")" \
      Kestrel__Endpoints__Grpc__Url "http://127.0.0.1:$(grpc_port "$node")" \
      Management__Urls "http://127.0.0.1:$(management_port "$node")" \
      OTEL_RESOURCE_ATTRIBUTES "k8shop.node=$node,k8shop.cluster=$SERVICE_ID"
    if [[ $node == gateway ]]; then
      printf "export %s='%s'\n" Gateway__Modules "$GATEWAY_MODULES" Auth__Authority "$(issuer)" Auth__RequireHttpsMetadata false
    else
      printf "export %s='%s'\n" Orleans__SiloPort "$(silo_port "$node")" Orleans__GatewayPort "$(gateway_port "$node")"
      write_identity_env
    fi
  } >"$STATE/$node.env"
}

launch() {  # node: starts it in the background with its saved settings
  local node=$1 dll pid port
  dll="$(dll_of "$node")"
  [[ -f $STATE/cluster.env && -f $STATE/$node.env ]] || die "$node" "no saved settings in $STATE; run '$0 up' first"
  for port in $(http_port "$node") $(grpc_port "$node") $(management_port "$node") $([[ $node == gateway ]] || echo "$(silo_port "$node") $(gateway_port "$node")"); do
    port_open "$port" && die "$node" "127.0.0.1:$port is already in use; stop what holds it or set K8SHOP_CLUSTER_PORT_OFFSET"
  done
  echo "--- $(date -u +%FT%TZ) start" >>"$STATE/$node.log"
  (
    set -a
    # shellcheck disable=SC1091
    source "$STATE/cluster.env"
    # shellcheck disable=SC1090
    source "$STATE/$node.env"
    set +a
    cd "$(dirname "$dll")"
    exec setsid dotnet "$dll" </dev/null
  ) >>"$STATE/$node.log" 2>&1 &
  pid=$!
  echo "$pid" >"$STATE/$node.pid"
  say "$node" "started (pid $pid, http $(http_port "$node"), log $STATE/$node.log)"
}

wait_ready() {  # node
  local node=$1 url start=$SECONDS
  url="http://127.0.0.1:$(http_port "$node")/health/ready"
  until [[ "$(http_code "$url")" == 200 ]]; do
    if ! pid_of "$node" >/dev/null; then
      tail -n 25 "$STATE/$node.log" >&2
      die "$node" "exited before it was ready (log above, full log $STATE/$node.log); fix the cause, then '$0 down' and '$0 up'"
    fi
    ((SECONDS - start < READY_TIMEOUT)) || die "$node" "not ready within ${READY_TIMEOUT} s ($url); see $STATE/$node.log, then '$0 down'"
    sleep 0.5
  done
  say "$node" "ready after $((SECONDS - start)) s ($url)"
}

stop_node() {  # node signal
  local node=$1 signal=$2 pid
  pid="$(pid_of "$node")" || { say "$node" "not running"; rm -f "$STATE/$node.pid"; return 0; }
  if [[ $signal == KILL ]]; then
    kill -KILL "$pid" 2>/dev/null || true
    wait_until 10 pid_gone "$pid" || die "$node" "pid $pid survived SIGKILL"
    say "$node" "killed (SIGKILL, pid $pid)"
  else
    say "$node" "stopping pid $pid..."
    kill -TERM "$pid" 2>/dev/null || true
    if ! wait_until 30 pid_gone "$pid"; then
      say "$node" "did not stop within 30 s after SIGTERM; sending SIGKILL to pid $pid"
      kill -KILL "$pid" 2>/dev/null || true
      wait_until 10 pid_gone "$pid" || true
    fi
  fi
  rm -f "$STATE/$node.pid"
}

up() {
  mkdir -p "$STATE"
  local node running=()
  for node in "${NODES[@]}"; do pid_of "$node" >/dev/null && running+=("$node"); done
  ((${#running[@]} == 0)) || die cluster "already running: ${running[*]}; '$0 status' shows them, '$0 down' stops them"
  services_up
  build
  write_cluster_env
  identity_keys
  for node in "${NODES[@]}"; do write_node_env "$node"; chmod 600 "$STATE/$node.env"; done
  write_prometheus_targets
  say cluster "service id $SERVICE_ID, cluster id $CLUSTER_ID, inventory table $TABLE; starting three silos..."
  # silo1 first: it creates the identity schema and registers the clients, which the others then find in place.
  launch silo1
  wait_ready silo1
  for node in silo2 silo3; do launch "$node"; done
  for node in silo2 silo3; do wait_ready "$node"; done
  launch gateway
  wait_ready gateway
  say cluster "up: the shop at http://127.0.0.1:$(http_port gateway)/ (gRPC 127.0.0.1:$(grpc_port gateway)); tokens at $(issuer)/connect/token (operator / loadgen client credentials, secrets in K8SHOP_OPERATOR_SECRET / K8SHOP_LOADGEN_SECRET or their defaults); '$0 down' stops it"
}

down() {
  local node
  for node in gateway silo3 silo2 silo1; do stop_node "$node" TERM; done
  local file
  if file="$(targets_file)" && [[ -f $file ]]; then rm -f "$file"; say prometheus "removed $file"; fi
}

status() {
  local node pid all=0
  for node in "${NODES[@]}"; do
    if pid="$(pid_of "$node")"; then
      printf '%-8s running  pid %-7s http %-5s ready %s\n' "$node" "$pid" "$(http_port "$node")" "$(http_code "http://127.0.0.1:$(http_port "$node")/health/ready")"
    else
      printf '%-8s stopped\n' "$node"; all=1
    fi
  done
  return $all
}

case "${1:-}" in
  up) up ;;
  down) down ;;
  status) status ;;
  start) [[ $# -eq 2 ]] || usage; valid_node "$2"
         if pid_of "$2" >/dev/null; then say "$2" "already running"; else launch "$2"; wait_ready "$2"; fi ;;
  stop) [[ $# -eq 2 ]] || usage; valid_node "$2"; stop_node "$2" TERM ;;
  kill) [[ $# -eq 2 ]] || usage; valid_node "$2"; stop_node "$2" KILL ;;
  *) usage ;;
esac
