#!/usr/bin/env bash
# Ticket creation throughput with the CPU each create costs (issue 3; docs/benchmarks.md):
#   bench/ticket-create-cpu.sh [rounds=6] [seconds=30] [concurrency=16]
# Runs TicketCreateBench `rounds` times against the running ticket-service (./relaydesk services up
# ticket-service) and prints, per round, the bench's figures and the CPU time ticket-service and its
# PostgreSQL backends spent per created ticket (from /proc, so other load on the machine does not
# count). The JIT needs several rounds to settle: compare builds on the same round.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
rounds=${1:-6} seconds=${2:-30} concurrency=${3:-16}
home="${RELAYDESK_HOME:-$HOME/.relaydesk}"
pid=$(cat "$home/run/ticket-service.pid")
tick=$(getconf CLK_TCK)
psql_q() { psql -qAt -h 127.0.0.1 -U postgres "$@"; }
jiffies() { awk '{print $14 + $15}' "/proc/$1/stat" 2>/dev/null || echo 0; }
pg_jiffies() {
  local sum=0 p
  for p in $(psql_q -c "select pid from pg_stat_activity where datname = 'relaydesk_ticket'"); do
    sum=$((sum + $(jiffies "$p")))
  done
  echo "$sum"
}
tickets() { psql_q -d relaydesk_ticket -c "select count(*) from ticket"; }
for round in $(seq 1 "$rounds"); do
  c0=$(tickets); t0=$(jiffies "$pid"); p0=$(pg_jiffies)
  line=$("$repo/bench/run.sh" TicketCreateBench "$concurrency" "$seconds" | tail -1)
  t1=$(jiffies "$pid"); p1=$(pg_jiffies); c1=$(tickets)
  if (( c1 == c0 )); then echo "round $round: $line (no ticket created: is ticket-service up?)"; continue; fi
  awk -v r="$round" -v l="$line" -v n=$((c1 - c0)) -v t=$((t1 - t0)) -v p=$((p1 - p0)) -v hz="$tick" 'BEGIN {
    printf "round %d: %s\n         created %d (incl. warm-up)  CPU per create: ticket-service %.2f ms, PostgreSQL %.2f ms\n",
      r, l, n, t * 1000 / hz / n, p * 1000 / hz / n }'
done
