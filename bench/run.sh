#!/usr/bin/env bash
# Runs one benchmark against the running platform (start it with ./relaydesk up):
#   bench/run.sh GatewayOverheadBench [rate=1000] [seconds=20] [path=/api/tickets/<new ticket>]
#   bench/run.sh TicketCreateBench [concurrency=16] [seconds=30]
#   bench/run.sh MailIntakeBench [mails=10000]
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
cd "$repo"
mvn -B -q -DskipTests install -pl bench -am >/dev/null
cp_file="$repo/bench/target/classpath.txt"
mvn -B -q -pl bench dependency:build-classpath -Dmdep.outputFile="$cp_file" >/dev/null
exec java -Xmx1g -cp "$repo/bench/target/classes:$(cat "$cp_file")" "org.relaydesk.bench.$1" "${@:2}"
