#!/usr/bin/env bash
# Search benchmark (issue 6; docs/benchmarks.md): bulk-loads tickets and articles into indices of its own,
# then measures full-text queries through a gateway of its own and the index lag under a steady event stream:
#   search-service/bench.sh [--tickets=20000] [--articles=5] [--queries=300] [--rate=50] [--stream=60]
#                           [--segments=1] [--agent=agent3] [--db=relaydesk_search_bench] [--seed=...] [--keep]
# Needs the local stack (PostgreSQL, Kafka, Elasticsearch, Keycloak); not ticket-service (queue permissions
# come from configuration in the bench service). Builds search-service and api-gateway (no install), then
# runs SearchBench (search-service test sources), which starts its own search-service (index prefix
# search-bench-, database relaydesk_search_bench, topics search-bench.*) and its own api-gateway on free
# ports; the platform's indices, topics, databases and services are not touched. Everything the benchmark
# created is deleted at the end unless --keep. BENCH_SKIP_BUILD=1 reuses the last build.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
cd "$repo"
if [ "${BENCH_SKIP_BUILD:-0}" != 1 ]; then
  mvn -B -q -o -pl search-service,api-gateway -am package -DskipTests dependency:build-classpath \
      -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
fi
cp="search-service/target/classes:search-service/target/test-classes:$(cat search-service/target/bench-classpath.txt)"
exec java -Xmx1g -cp "$cp" -Djava.util.logging.manager=org.jboss.logmanager.LogManager -Drelaydesk.repo="$repo" org.relaydesk.search.bench.SearchBench "$@"
