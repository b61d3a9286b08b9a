#!/usr/bin/env bash
# Escalation benchmark through the real service and PostgreSQL (issue 7; docs/benchmarks.md):
#   escalation-service/bench.sh [--tickets=1000000] [--timers=20000] [--window=10] [--db=relaydesk_escalation_bench]
# Needs the local stack (PostgreSQL, Kafka, Keycloak). Builds escalation-service and its test classes
# (no install), then runs EscalationDbBench, which drops and fills its own database and starts its own
# escalation-service process on a free port (the platform's services and databases are not touched).
# BENCH_SKIP_BUILD=1 reuses the last build.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
cd "$repo"
if [ "${BENCH_SKIP_BUILD:-0}" != 1 ]; then
  mvn -B -q -o -pl escalation-service -am package -DskipTests dependency:build-classpath \
      -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
fi
cp="escalation-service/target/classes:escalation-service/target/test-classes:$(cat escalation-service/target/bench-classpath.txt)"
exec java -Xmx1g -cp "$cp" -Djava.util.logging.manager=org.jboss.logmanager.LogManager -Drelaydesk.repo="$repo" org.relaydesk.escalation.bench.EscalationDbBench "$@"
