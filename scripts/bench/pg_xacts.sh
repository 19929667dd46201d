#!/usr/bin/env bash
# PostgreSQL transactions of one database over a window, and what they come to per operation, for the benchmarks.
#
# usage: pg_xacts.sh count                                   committed + rolled back transactions of $PGDATABASE so far
#        pg_xacts.sh measure --after SECONDS --window SECONDS --out FILE
#        pg_xacts.sh per-op FILE RATE [IDLE_FILE]             transactions per operation at RATE operations/s, less the
#                                                             idle rate of IDLE_FILE (membership, reminder and outbox polls)
#
# Connection from the usual libpq variables (PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE): the benchmark's own
# database, so no other client's transactions count. measure writes {"window_s", "commits", "rollbacks",
# "per_second"}. pg_stat_database is fed by each backend at most once a second, so a window under 10 s is noisy.
set -euo pipefail

count() {
  psql -X -Atqc "SELECT xact_commit, xact_rollback FROM pg_stat_database WHERE datname = current_database()" | tr '|' ' '
}

case ${1:-} in
  count)
    read -r commits rollbacks < <(count)
    echo $((commits + rollbacks))
    ;;
  measure)
    shift
    after=0 window=10 out=/dev/stdout
    while (($#)); do
      case $1 in
        --after) after=$2 ;;
        --window) window=$2 ;;
        --out) out=$2 ;;
        *) echo "unknown argument $1" >&2; exit 2 ;;
      esac
      shift 2
    done
    sleep "$after"
    read -r c0 r0 < <(count)
    t0=$(date +%s.%N)
    sleep "$window"
    read -r c1 r1 < <(count)
    t1=$(date +%s.%N)
    awk -v c=$((c1 - c0)) -v r=$((r1 - r0)) -v t0="$t0" -v t1="$t1" 'BEGIN {
      w = t1 - t0; printf "{\"window_s\": %.2f, \"commits\": %d, \"rollbacks\": %d, \"per_second\": %.2f}\n", w, c, r, (c + r) / w }' >"$out"
    ;;
  per-op)
    file=$2 rate=$3 idle=${4:-}
    busy=$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["per_second"])' "$file")
    quiet=0
    [[ -z $idle ]] || quiet=$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["per_second"])' "$idle")
    awk -v b="$busy" -v q="$quiet" -v r="$rate" 'BEGIN {
      if (r <= 0) { print "n/a (no operations)"; exit }
      printf "%.1f PostgreSQL transactions per checkout (%.0f/s at %.1f checkouts/s, less %.1f/s idle)\n", (b - q) / r, b, r, q }'
    ;;
  *)
    sed -n '2,12p' "$0" >&2
    exit 2
    ;;
esac
