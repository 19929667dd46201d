#!/usr/bin/env bash
# Local backing services for K8Shop on 127.0.0.1, without systemd or containers:
# PostgreSQL 15, Redis 7, RabbitMQ 3.10, dynalite (DynamoDB emulator), a test SMTP server
# (scripts/smtp-server.cjs on npm smtp-server: mail on SMTP, listed over HTTP), a trace, metrics and log viewer
# (the standalone .NET Aspire dashboard from NuGet, tools/AspireDashboard: UI 18888, OTLP gRPC 4317, OTLP HTTP 4318)
# and Prometheus (Debian's package, 9090: the embedded silo's management port 9464 and the local cluster's nodes,
# found in the targets files scripts/local-cluster.sh writes; alert rules from infra/observability/prometheus).
#
#   scripts/dev-services.sh up|down|status|pids [postgres redis rabbitmq dynalite smtp viewer prometheus]
#   eval "$(scripts/dev-services.sh env)"
#
# pids prints "service pid" for each one running (the benchmarks measure their CPU).
#
# All state (data, logs, pid files, config) lives in ${K8SHOP_SERVICES_DIR:-<repo>/.dev-services}.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
STATE="$(realpath -m "${K8SHOP_SERVICES_DIR:-$REPO/.dev-services}")"
PG_PORT="${K8SHOP_PG_PORT:-5432}"
REDIS_PORT="${K8SHOP_REDIS_PORT:-6379}"
RABBIT_PORT="${K8SHOP_RABBITMQ_PORT:-5672}"
RABBIT_MGMT_PORT="${K8SHOP_RABBITMQ_MGMT_PORT:-15672}"
DYNAMO_PORT="${K8SHOP_DYNAMODB_PORT:-8000}"
SMTP_PORT="${K8SHOP_SMTP_PORT:-1025}"
SMTP_HTTP_PORT="${K8SHOP_SMTP_HTTP_PORT:-1080}"
VIEWER_PORT="${K8SHOP_VIEWER_PORT:-18888}"
OTLP_GRPC_PORT="${K8SHOP_OTLP_GRPC_PORT:-4317}"
OTLP_HTTP_PORT="${K8SHOP_OTLP_HTTP_PORT:-4318}"
PROMETHEUS_PORT="${K8SHOP_PROMETHEUS_PORT:-9090}"
# The embedded host's management port (Management:Urls), scraped whenever something listens there.
EMBEDDED_METRICS_PORT="${K8SHOP_EMBEDDED_METRICS_PORT:-9464}"

ALL_SERVICES=(postgres redis rabbitmq dynalite smtp viewer prometheus)
PG_BIN=/usr/lib/postgresql/15/bin
PG_DATA="$STATE/postgres"
PG_SOCK="$STATE/postgres-run"
RABBIT_BIN=/usr/lib/rabbitmq/bin
RABBIT_NODE=k8shop@localhost
RABBIT_DIR="$STATE/rabbitmq"
DYNALITE_VERSION=4.0.0
DYNALITE_BIN="$STATE/npm/node_modules/.bin/dynalite"
SMTP_SERVER_VERSION=3.21.6
# A prefix of its own: 'npm install --no-save' prunes whatever else a prefix holds (dynalite).
SMTP_MODULES="$STATE/npm-smtp/node_modules"
# Restore-only project pinning the dashboard's package; the executable runs from the NuGet cache.
VIEWER_PROJECT="$REPO/tools/AspireDashboard/AspireDashboard.csproj"
PROMETHEUS_DIR="$STATE/prometheus"
# scripts/local-cluster.sh writes one file_sd file per cluster here (dev-services.sh env: K8SHOP_PROMETHEUS_TARGETS_DIR).
PROMETHEUS_TARGETS="$PROMETHEUS_DIR/targets"
PROMETHEUS_RULES="$REPO/infra/observability/prometheus/k8shop-alerts.rules.yml"
declare -A PORT=([postgres]=$PG_PORT [redis]=$REDIS_PORT [rabbitmq]=$RABBIT_PORT [dynalite]=$DYNAMO_PORT [smtp]=$SMTP_PORT
                 [viewer]=$VIEWER_PORT [prometheus]=$PROMETHEUS_PORT)
declare -A PIDFILE=([postgres]="$PG_DATA/postmaster.pid" [redis]="$STATE/redis.pid"
                    [rabbitmq]="$STATE/rabbitmq.pid" [dynalite]="$STATE/dynalite.pid" [smtp]="$STATE/smtp.pid"
                    [viewer]="$STATE/viewer.pid" [prometheus]="$STATE/prometheus.pid")
declare -A PROCESS=([postgres]=postgres [redis]=redis-server [rabbitmq]=beam [dynalite]=dynalite [smtp]=smtp-server.cjs
                    [viewer]=Aspire.Dashboard [prometheus]=prometheus)

usage() {
  printf 'usage: %s up|down|status|pids [%s]   (default: all)\n       eval "$(%s env)"\n' \
    "$0" "${ALL_SERVICES[*]}" "$0" >&2
  exit 2
}

say() { printf '%s: %s\n' "$1" "$2"; }
die() { printf '%s: ERROR: %s\n' "$1" "$2" >&2; exit 1; }
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Prints the pid from a pid file only if that process exists and is the expected program:
# pid files outlive crashes and reboots, and the number may belong to someone else by now.
live_pid() {  # pidfile expected-command-substring
  local pid
  pid="$(head -n1 "$1" 2>/dev/null | tr -dc 0-9)" && [[ -n $pid ]] || return 1
  grep -qa -- "$2" "/proc/$pid/cmdline" 2>/dev/null && echo "$pid"
}
pid_of() { live_pid "${PIDFILE[$1]}" "${PROCESS[$1]}"; }
pid_gone() { ! kill -0 "$1" 2>/dev/null; }

wait_until() {  # seconds command...
  local deadline=$((SECONDS + $1)); shift
  until "$@"; do ((SECONDS < deadline)) || return 1; sleep 0.1; done
}

stop_pid() {  # service pid
  kill "$2" 2>/dev/null || return 0
  wait_until 30 pid_gone "$2" && return
  say "$1" "did not stop within 30 s after SIGTERM; sending SIGKILL to pid $2"
  kill -9 "$2" 2>/dev/null || true
}

signal_down() {  # service
  local pid
  pid="$(pid_of "$1")" || { say "$1" "not running"; return 0; }
  say "$1" "stopping pid $pid..."
  stop_pid "$1" "$pid"
  rm -f "${PIDFILE[$1]}"
}

# Says so and succeeds when the service already runs (waiting briefly for it to answer).
already_up() {  # service check-command...
  local svc=$1 pid
  shift
  pid="$(pid_of "$svc")" || return 1
  wait_until 10 "$@" ||
    die "$svc" "pid $pid runs but 127.0.0.1:${PORT[$svc]} does not answer; see its log under $STATE, or run '$0 down $svc' and '$0 up $svc'"
  say "$svc" "already up (pid $pid, 127.0.0.1:${PORT[$svc]})"
}

# Refuses to start a service when something else already holds its port.
check_port_free() {  # service port variable
  ! port_open "$2" || die "$1" "127.0.0.1:$2 is already in use by another process; stop it or set $3 to a free port"
}

# ---------------------------------------------------------------- install
install_missing() {
  local apt_pkgs=() svc pkg
  for svc in "$@"; do
    pkg=""
    case $svc in
      postgres) [[ -x $PG_BIN/initdb ]] || pkg=postgresql ;;
      redis) [[ -x /usr/bin/redis-server && -x /usr/bin/redis-cli ]] || pkg=redis-server ;;
      rabbitmq) [[ -x $RABBIT_BIN/rabbitmq-server ]] || pkg=rabbitmq-server ;;
      prometheus) [[ -x /usr/bin/prometheus && -x /usr/bin/promtool ]] || pkg=prometheus ;;
    esac
    [[ -z $pkg ]] || { apt_pkgs+=("$pkg"); say "$svc" "installing $pkg with apt-get (log in $STATE/apt.log)..."; }
  done
  # curl checks the RabbitMQ management API, dynalite, the SMTP server, the viewer and Prometheus.
  if [[ " $* " =~ \ (rabbitmq|dynalite|smtp|viewer|prometheus)\  ]] && ! command -v curl >/dev/null; then
    apt_pkgs+=(curl); say curl "installing with apt-get..."
  fi
  if ((${#apt_pkgs[@]})); then
    apt-get update >>"$STATE/apt.log" 2>&1 ||
      die apt "apt-get update failed; see $STATE/apt.log (network or apt sources?)"
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends -o DPkg::Lock::Timeout=300 \
      "${apt_pkgs[@]}" >>"$STATE/apt.log" 2>&1 ||
      die apt "apt-get install ${apt_pkgs[*]} failed; see $STATE/apt.log"
  fi
  if [[ " $* " == *" dynalite "* ]] &&
     ! grep -qs "\"version\": \"$DYNALITE_VERSION\"" "$STATE/npm/node_modules/dynalite/package.json"; then
    command -v npm >/dev/null && command -v node >/dev/null ||
      die dynalite "node and npm are required (node 20); install them, then run '$0 up' again"
    say dynalite "installing dynalite@$DYNALITE_VERSION with npm (log in $STATE/npm.log)..."
    npm install --prefix "$STATE/npm" --no-save "dynalite@$DYNALITE_VERSION" >>"$STATE/npm.log" 2>&1 ||
      die dynalite "npm install failed; see $STATE/npm.log"
  fi
  if [[ " $* " == *" smtp "* ]] &&
     ! grep -qs "\"version\": \"$SMTP_SERVER_VERSION\"" "$SMTP_MODULES/smtp-server/package.json"; then
    command -v npm >/dev/null && command -v node >/dev/null ||
      die smtp "node and npm are required (node 20); install them, then run '$0 up' again"
    say smtp "installing smtp-server@$SMTP_SERVER_VERSION with npm (log in $STATE/npm.log)..."
    npm install --prefix "$STATE/npm-smtp" --no-save "smtp-server@$SMTP_SERVER_VERSION" >>"$STATE/npm.log" 2>&1 ||
      die smtp "npm install failed; see $STATE/npm.log"
  fi
  if [[ " $* " == *" viewer "* ]] && ! viewer_executable >/dev/null; then
    [[ $(uname -m) == x86_64 ]] ||
      die viewer "the standalone Aspire dashboard package is linux-x64 only and this machine is $(uname -m); README, \"Telemetry and dashboards\""
    command -v dotnet >/dev/null || die viewer "the .NET SDK is required to restore $VIEWER_PROJECT"
    say viewer "restoring the Aspire dashboard (NuGet Aspire.Dashboard.Sdk.linux-x64, about 125 MB; log in $STATE/viewer-restore.log)..."
    dotnet restore "$VIEWER_PROJECT" --nologo >>"$STATE/viewer-restore.log" 2>&1 ||
      die viewer "dotnet restore failed; see $STATE/viewer-restore.log"
    viewer_executable >/dev/null || die viewer "restored, but the dashboard executable is not in the package; see $STATE/viewer-restore.log"
  fi
}

# ---------------------------------------------------------------- postgres
as_pg() { (cd / && runuser -u postgres -- "$@"); }

postgres_up() {
  already_up postgres port_open "$PG_PORT" && return
  check_port_free postgres "$PG_PORT" K8SHOP_PG_PORT
  # The server runs as user postgres, which must be able to walk into the state folder.
  chmod 755 "$STATE"
  as_pg test -x "$STATE" ||
    die postgres "user postgres cannot enter $STATE; run 'chmod o+x' on its parent folders or set K8SHOP_SERVICES_DIR (e.g. /var/tmp/k8shop-services)"
  if [[ ! -f $PG_DATA/PG_VERSION ]]; then
    say postgres "creating cluster in $PG_DATA..."
    rm -rf "$PG_DATA.tmp"
    install -d -o postgres -g postgres -m 700 "$PG_DATA.tmp"
    as_pg "$PG_BIN/initdb" -D "$PG_DATA.tmp" -U postgres -E UTF8 --locale=C.UTF-8 -A trust >"$STATE/initdb.log" 2>&1 ||
      die postgres "initdb failed; see $STATE/initdb.log"
    cat >"$PG_DATA.tmp/pg_hba.conf" <<'EOF'
local all postgres trust
local all all scram-sha-256
host  all all 127.0.0.1/32 scram-sha-256
EOF
    chown postgres:postgres "$PG_DATA.tmp/pg_hba.conf"
    mv "$PG_DATA.tmp" "$PG_DATA"
  fi
  install -d -o postgres -g postgres -m 755 "$PG_SOCK"
  touch "$STATE/postgres.log" && chown postgres:postgres "$STATE/postgres.log"
  say postgres "starting..."
  # A server's buffer pool rather than the package's 128 MB: the search benchmark's 100,000 books take 170 MB with their
  # indexes, and a search whose pages do not fit re-reads them through the kernel (three times slower here).
  as_pg "$PG_BIN/pg_ctl" -w -t 60 -D "$PG_DATA" -l "$STATE/postgres.log" \
    -o "-p $PG_PORT -k '$PG_SOCK' -c listen_addresses=127.0.0.1 -c shared_buffers=1GB" start >/dev/null ||
    die postgres "did not start; see $STATE/postgres.log"
  as_pg "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$PG_SOCK" -p "$PG_PORT" -d postgres >/dev/null <<'SQL' ||
DO $$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'k8shop') THEN CREATE ROLE k8shop; END IF;
END $$;
ALTER ROLE k8shop WITH LOGIN CREATEDB PASSWORD 'k8shop';
SELECT 'CREATE DATABASE k8shop OWNER k8shop'
 WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'k8shop')\gexec
SQL
    die postgres "could not create role/database k8shop; see $STATE/postgres.log"
  say postgres "started on 127.0.0.1:$PG_PORT (pid $(pid_of postgres))"
}

postgres_down() {
  local pid
  pid="$(pid_of postgres)" || { say postgres "not running"; return; }
  say postgres "stopping pid $pid..."
  as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -w -t 60 stop >/dev/null || stop_pid postgres "$pid"
}

# ---------------------------------------------------------------- redis
redis_answers() { [[ $(redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping 2>/dev/null) == PONG ]]; }

redis_up() {
  already_up redis port_open "$REDIS_PORT" && return
  check_port_free redis "$REDIS_PORT" K8SHOP_REDIS_PORT
  mkdir -p "$STATE/redis"
  say redis "starting..."
  redis-server --daemonize yes --bind 127.0.0.1 --port "$REDIS_PORT" --save '' --appendonly no \
    --pidfile "$STATE/redis.pid" --logfile "$STATE/redis.log" --dir "$STATE/redis" ||
    die redis "did not start; see $STATE/redis.log"
  wait_until 15 redis_answers ||
    die redis "did not answer PING; see $STATE/redis.log"
  say redis "started on 127.0.0.1:$REDIS_PORT (pid $(pid_of redis))"
}

redis_down() { signal_down redis; }

# ---------------------------------------------------------------- rabbitmq
rabbit_env() {
  # Server and CLI read the Erlang cookie from $HOME, so pin it: Debian's /usr/sbin/rabbitmqctl runs as
  # user rabbitmq with /var/lib/rabbitmq's cookie, and plain `rabbitmqctl -n k8shop@localhost` should work.
  HOME=/var/lib/rabbitmq
  [[ -r $HOME/.erlang.cookie ]] || HOME="$(getent passwd "$(id -u)" | cut -d: -f6)"
  export HOME RABBITMQ_NODENAME=$RABBIT_NODE RABBITMQ_NODE_IP_ADDRESS=127.0.0.1 RABBITMQ_NODE_PORT=$RABBIT_PORT
  export RABBITMQ_MNESIA_BASE="$RABBIT_DIR/mnesia" RABBITMQ_LOG_BASE="$RABBIT_DIR/log"
  export RABBITMQ_PID_FILE="$STATE/rabbitmq.pid" RABBITMQ_CONFIG_FILE="$RABBIT_DIR/rabbitmq.conf"
  export RABBITMQ_ENABLED_PLUGINS_FILE="$RABBIT_DIR/enabled_plugins"
  # Keep /etc/rabbitmq out of the picture entirely.
  export RABBITMQ_CONF_ENV_FILE="$RABBIT_DIR/rabbitmq-env.conf" RABBITMQ_ADVANCED_CONFIG_FILE="$RABBIT_DIR/advanced.config"
  # Erlang distribution (epmd, 25672) listens on all interfaces unless told otherwise.
  export ERL_EPMD_ADDRESS=127.0.0.1 RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}"
}
rmqctl() { "$RABBIT_BIN/rabbitmqctl" -n "$RABBIT_NODE" "$@"; }

rabbitmq_up() {
  already_up rabbitmq port_open "$RABBIT_PORT" && return
  check_port_free rabbitmq "$RABBIT_PORT" K8SHOP_RABBITMQ_PORT
  check_port_free rabbitmq "$RABBIT_MGMT_PORT" K8SHOP_RABBITMQ_MGMT_PORT
  rabbit_env
  mkdir -p "$RABBIT_DIR/mnesia" "$RABBIT_DIR/log"
  : >"$RABBITMQ_CONF_ENV_FILE"
  echo '[rabbitmq_management].' >"$RABBITMQ_ENABLED_PLUGINS_FILE"
  cat >"$RABBITMQ_CONFIG_FILE" <<EOF
listeners.tcp.default = 127.0.0.1:$RABBIT_PORT
management.tcp.ip = 127.0.0.1
management.tcp.port = $RABBIT_MGMT_PORT
EOF
  cat >"$RABBIT_DIR/definitions.json" <<'EOF'
{"vhosts": [{"name": "/"}],
 "users": [{"name": "k8shop", "password": "k8shop", "tags": "administrator"}],
 "permissions": [{"user": "k8shop", "vhost": "/", "configure": ".*", "write": ".*", "read": ".*"}]}
EOF
  rm -f "$RABBITMQ_PID_FILE"
  say rabbitmq "starting (takes about 5 s)..."
  "$RABBIT_BIN/rabbitmq-server" -detached >>"$RABBIT_DIR/log/detached.log" 2>&1 </dev/null ||
    die rabbitmq "did not start; see $RABBIT_DIR/log/"
  rmqctl wait --timeout 120 "$RABBITMQ_PID_FILE" >>"$RABBIT_DIR/log/detached.log" 2>&1 ||
    die rabbitmq "did not start within 120 s; see $RABBIT_DIR/log/ (and $RABBIT_DIR/log/detached.log)"
  # One CLI call instead of four (each boots an Erlang VM); the import merges, so repeating it is harmless.
  # It runs asynchronously, hence the wait for k8shop's permissions to show in the management API.
  rmqctl import_definitions "$RABBIT_DIR/definitions.json" >>"$RABBIT_DIR/log/detached.log" 2>&1 &&
    wait_until 30 curl -sf -o /dev/null -m 2 -u k8shop:k8shop "http://127.0.0.1:$RABBIT_MGMT_PORT/api/permissions/%2F/k8shop" ||
    die rabbitmq "user k8shop or the management API on 127.0.0.1:$RABBIT_MGMT_PORT is not ready; see $RABBIT_DIR/log/"
  say rabbitmq "started on 127.0.0.1:$RABBIT_PORT, management 127.0.0.1:$RABBIT_MGMT_PORT (pid $(pid_of rabbitmq))"
}

rabbitmq_down() {
  local pid
  pid="$(pid_of rabbitmq)" || { say rabbitmq "not running"; return; }
  say rabbitmq "stopping pid $pid (takes a few seconds)..."
  rabbit_env
  # `stop PIDFILE` waits forever for the pid if the CLI cannot reach the node (e.g. a cookie mismatch).
  timeout 60 "$RABBIT_BIN/rabbitmqctl" -n "$RABBIT_NODE" stop "$RABBITMQ_PID_FILE" >>"$RABBIT_DIR/log/detached.log" 2>&1 || true
  if pid="$(pid_of rabbitmq)"; then stop_pid rabbitmq "$pid"; fi
}

# ---------------------------------------------------------------- dynalite
dynalite_answers() { curl -s -o /dev/null -m 2 -X POST "http://127.0.0.1:$DYNAMO_PORT/"; }

dynalite_up() {
  already_up dynalite dynalite_answers && return
  check_port_free dynalite "$DYNAMO_PORT" K8SHOP_DYNAMODB_PORT
  say dynalite "starting..."
  # setsid + closed stdio: the server must not hold the caller's terminal or output pipe open.
  (cd "$STATE" && exec setsid nohup node -r "$REPO/scripts/dynalite-guard.cjs" "$DYNALITE_BIN" --host 127.0.0.1 --port "$DYNAMO_PORT" \
    --createTableMs 0 --deleteTableMs 0 --updateTableMs 0 >>"$STATE/dynalite.log" 2>&1 </dev/null) &
  echo $! >"$STATE/dynalite.pid"
  wait_until 20 dynalite_answers || die dynalite "did not start; see $STATE/dynalite.log"
  say dynalite "started on 127.0.0.1:$DYNAMO_PORT (pid $(pid_of dynalite))"
}

dynalite_down() { signal_down dynalite; }

# ---------------------------------------------------------------- smtp
smtp_answers() { curl -sf -o /dev/null -m 2 "http://127.0.0.1:$SMTP_HTTP_PORT/healthz" && port_open "$SMTP_PORT"; }

smtp_up() {
  already_up smtp smtp_answers && return
  check_port_free smtp "$SMTP_PORT" K8SHOP_SMTP_PORT
  check_port_free smtp "$SMTP_HTTP_PORT" K8SHOP_SMTP_HTTP_PORT
  say smtp "starting..."
  (cd "$STATE" && exec setsid nohup node "$REPO/scripts/smtp-server.cjs" --modules "$SMTP_MODULES" --dir "$STATE/smtp/mail" \
    --smtp-port "$SMTP_PORT" --http-port "$SMTP_HTTP_PORT" >>"$STATE/smtp.log" 2>&1 </dev/null) &
  echo $! >"$STATE/smtp.pid"
  wait_until 20 smtp_answers || die smtp "did not start; see $STATE/smtp.log"
  say smtp "started on 127.0.0.1:$SMTP_PORT, messages at http://127.0.0.1:$SMTP_HTTP_PORT/messages (pid $(pid_of smtp))"
}

smtp_down() { signal_down smtp; }

# ---------------------------------------------------------------- viewer
# The package's tools/ holds a self-contained single-file executable (it needs no dotnet host). Prints its path once
# the project is restored; the property comes from GeneratePathProperty in the project.
viewer_executable() {
  [[ -f ${VIEWER_PROJECT%/*}/obj/project.assets.json ]] || return 1
  local dir
  dir="$(dotnet msbuild "$VIEWER_PROJECT" -nologo -getProperty:PkgAspire_Dashboard_Sdk_linux-x64 2>/dev/null)" || return 1
  [[ -n $dir && -f $dir/tools/Aspire.Dashboard ]] && echo "$dir/tools/Aspire.Dashboard"
}

viewer_answers() {
  [[ $(curl -s -o /dev/null -m 2 -w '%{http_code}' "http://127.0.0.1:$VIEWER_PORT/") =~ ^(200|302)$ ]] &&
    port_open "$OTLP_GRPC_PORT" && port_open "$OTLP_HTTP_PORT"
}

viewer_up() {
  already_up viewer viewer_answers && return
  check_port_free viewer "$VIEWER_PORT" K8SHOP_VIEWER_PORT
  check_port_free viewer "$OTLP_GRPC_PORT" K8SHOP_OTLP_GRPC_PORT
  check_port_free viewer "$OTLP_HTTP_PORT" K8SHOP_OTLP_HTTP_PORT
  local exe
  exe="$(viewer_executable)" || die viewer "not restored; run '$0 up viewer' (it restores $VIEWER_PROJECT)"
  # NuGet keeps the package's Unix permissions only on recent clients.
  [[ -x $exe ]] || chmod +x "$exe"
  say viewer "starting the Aspire dashboard..."
  # Loopback only and unsecured (no browser token, no OTLP API key): a developer's own machine. Telemetry stays in
  # memory and is gone when it stops.
  (cd "$STATE" && exec env ASPNETCORE_URLS="http://127.0.0.1:$VIEWER_PORT" \
    ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL="http://127.0.0.1:$OTLP_GRPC_PORT" \
    ASPIRE_DASHBOARD_OTLP_HTTP_ENDPOINT_URL="http://127.0.0.1:$OTLP_HTTP_PORT" \
    Dashboard__Frontend__AuthMode=Unsecured Dashboard__Otlp__AuthMode=Unsecured Dashboard__Api__AuthMode=Unsecured \
    DOTNET_CLI_TELEMETRY_OPTOUT=1 ASPIRE_DASHBOARD_TELEMETRY_OPTOUT=true \
    setsid nohup "$exe" >>"$STATE/viewer.log" 2>&1 </dev/null) &
  echo $! >"$STATE/viewer.pid"
  wait_until 60 viewer_answers || die viewer "did not start; see $STATE/viewer.log"
  say viewer "started: UI http://127.0.0.1:$VIEWER_PORT, OTLP gRPC 127.0.0.1:$OTLP_GRPC_PORT, OTLP HTTP 127.0.0.1:$OTLP_HTTP_PORT (pid $(pid_of viewer))"
}

viewer_down() { signal_down viewer; }

# ---------------------------------------------------------------- prometheus
prometheus_answers() { curl -sf -o /dev/null -m 2 "http://127.0.0.1:$PROMETHEUS_PORT/-/ready"; }

# The project's own configuration (never /etc/prometheus nor Debian's service): the embedded host, every local
# cluster's nodes from the file_sd files in $PROMETHEUS_TARGETS (re-read when they change), and the same alert rules
# as Kubernetes.
write_prometheus_config() {
  mkdir -p "$PROMETHEUS_DIR/data" "$PROMETHEUS_TARGETS"
  cat >"$PROMETHEUS_DIR/prometheus.yml" <<EOF
# Written by scripts/dev-services.sh on each 'up prometheus'; edits are overwritten.
global:
  scrape_interval: 5s
  evaluation_interval: 5s
rule_files:
  - $PROMETHEUS_RULES
scrape_configs:
  - job_name: k8shop-embedded
    static_configs:
      - targets: ["127.0.0.1:$EMBEDDED_METRICS_PORT"]
        labels:
          service: k8shop-silo
          pod: embedded
  - job_name: k8shop-local-cluster
    file_sd_configs:
      - files: ["$PROMETHEUS_TARGETS/*.json"]
        refresh_interval: 5s
  - job_name: prometheus
    static_configs:
      - targets: ["127.0.0.1:$PROMETHEUS_PORT"]
EOF
}

prometheus_up() {
  already_up prometheus prometheus_answers && return
  check_port_free prometheus "$PROMETHEUS_PORT" K8SHOP_PROMETHEUS_PORT
  write_prometheus_config
  promtool check config "$PROMETHEUS_DIR/prometheus.yml" >"$STATE/prometheus-check.log" 2>&1 ||
    die prometheus "promtool rejects $PROMETHEUS_DIR/prometheus.yml or $PROMETHEUS_RULES; see $STATE/prometheus-check.log"
  say prometheus "starting..."
  (cd "$PROMETHEUS_DIR" && exec setsid nohup /usr/bin/prometheus --config.file="$PROMETHEUS_DIR/prometheus.yml" \
    --storage.tsdb.path="$PROMETHEUS_DIR/data" --storage.tsdb.retention.time=2d \
    --web.listen-address="127.0.0.1:$PROMETHEUS_PORT" --web.enable-lifecycle \
    >>"$STATE/prometheus.log" 2>&1 </dev/null) &
  echo $! >"$STATE/prometheus.pid"
  wait_until 60 prometheus_answers || die prometheus "did not start; see $STATE/prometheus.log"
  say prometheus "started on http://127.0.0.1:$PROMETHEUS_PORT, scraping 127.0.0.1:$EMBEDDED_METRICS_PORT and $PROMETHEUS_TARGETS/*.json (pid $(pid_of prometheus))"
}

prometheus_down() { signal_down prometheus; }

# ---------------------------------------------------------------- commands
status() {
  local svc pid rc=0
  for svc in "$@"; do
    if pid="$(pid_of "$svc")"; then
      printf '%-10s running  pid %-8s 127.0.0.1:%s\n' "$svc" "$pid" "${PORT[$svc]}"
    else
      printf '%-10s stopped  %-12s 127.0.0.1:%s\n' "$svc" "" "${PORT[$svc]}"; rc=3
    fi
  done
  return $rc
}

print_env() {  # single quotes: the Postgres string contains ';'
  printf "export %s='%s'\n" \
    K8Shop__Profile cluster \
    ConnectionStrings__Postgres "Host=127.0.0.1;Port=$PG_PORT;Database=k8shop;Username=k8shop;Password=k8shop" \
    ConnectionStrings__Redis "127.0.0.1:$REDIS_PORT" \
    ConnectionStrings__RabbitMQ "amqp://k8shop:k8shop@127.0.0.1:$RABBIT_PORT/" \
    DynamoDB__ServiceUrl "http://127.0.0.1:$DYNAMO_PORT" \
    Smtp__Host 127.0.0.1 Smtp__Port "$SMTP_PORT" Smtp__UseTls false \
    K8SHOP_SMTP_HTTP "http://127.0.0.1:$SMTP_HTTP_PORT" \
    AWS_ACCESS_KEY_ID local AWS_SECRET_ACCESS_KEY local AWS_REGION us-east-1 \
    Identity__DevelopmentKeys true Identity__RequireHttps false \
    K8SHOP_PROMETHEUS_TARGETS_DIR "$PROMETHEUS_TARGETS"
  # Only while the viewer runs: an endpoint that does not answer would only make every host retry its exports.
  if pid_of viewer >/dev/null && port_open "$OTLP_GRPC_PORT"; then
    printf "export %s='%s'\n" OTEL_EXPORTER_OTLP_ENDPOINT "http://127.0.0.1:$OTLP_GRPC_PORT"
  fi
}

need_root() { ((EUID == 0)) || die "$0" "must run as root (it installs packages and runs PostgreSQL as user postgres)"; }

main() {
  local cmd="${1:-}" svc services=()
  shift || true
  for svc in "$@"; do
    case $svc in
      postgres | redis | rabbitmq | dynalite | smtp | viewer | prometheus) services+=("$svc") ;;
      dynamodb) services+=(dynalite) ;;
      aspire | dashboard) services+=(viewer) ;;
      *) echo "unknown service: $svc" >&2; usage ;;
    esac
  done
  ((${#services[@]})) || services=("${ALL_SERVICES[@]}")
  case $cmd in
    up)
      need_root
      mkdir -p "$STATE"
      install_missing "${services[@]}"
      for svc in "${services[@]}"; do "${svc}_up"; done
      ;;
    down)
      need_root
      for svc in "${services[@]}"; do "${svc}_down"; done
      ;;
    status) status "${services[@]}" ;;
    pids) for svc in "${services[@]}"; do pid_of "$svc" | sed "s/^/$svc /" || true; done ;;
    env) print_env ;;
    *) usage ;;
  esac
}

main "$@"
