#!/usr/bin/env bash
# RelayDesk local infrastructure without Docker: PostgreSQL, Kafka (KRaft), Elasticsearch,
# Keycloak and GreenMail, installed on first use from Maven artifacts into $RELAYDESK_HOME
# and run as plain local processes bound to 127.0.0.1.
#
#   stack.sh up [component...]       start (all when none given); idempotent
#   stack.sh down [component...]     stop in reverse order (never an external PostgreSQL)
#   stack.sh status                  table of state, pid, ports, RSS, log file
#   stack.sh logs [--no-follow] [component]
#   stack.sh reset [component...]    down + delete data and logs (downloads are kept)
#
# Components: postgres kafka elasticsearch keycloak greenmail mta (Postfix + Dovecot, deploy/local/mta.sh).
# See deploy/local/README.md.
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
readonly SCRIPT_DIR
readonly RELAYDESK_HOME="${RELAYDESK_HOME:-${HOME:?HOME is not set}/.relaydesk}"
readonly DIST="$RELAYDESK_HOME/dist"
readonly DATA="$RELAYDESK_HOME/data"
readonly LOGS="$RELAYDESK_HOME/logs"
readonly RUN="$RELAYDESK_HOME/run"

readonly COMPONENTS=(postgres kafka elasticsearch keycloak greenmail mta)

# Versions. Kafka's comes from kafka/pom.xml (kept equal to kafka-clients of the Quarkus BOM).
KAFKA_VERSION="$(sed -n 's:.*<kafka.version>\(.*\)</kafka.version>.*:\1:p' "$SCRIPT_DIR/kafka/pom.xml")"
readonly KAFKA_VERSION
readonly ES_VERSION=9.2.0
readonly KC_VERSION=26.4.7
readonly GREENMAIL_VERSION=2.1.13
readonly ES_ARTIFACT="org.elasticsearch.distribution.integ-test-zip:elasticsearch:$ES_VERSION:zip"
readonly KC_ARTIFACT="org.keycloak:keycloak-quarkus-dist:$KC_VERSION:tar.gz"
readonly GREENMAIL_ARTIFACT="com.icegreen:greenmail-standalone:$GREENMAIL_VERSION"

# Ports (all on 127.0.0.1). RELAYDESK_PG_PORT only matters for a private cluster.
readonly PG_PORT="${RELAYDESK_PG_PORT:-5432}"
readonly KAFKA_PORT=9092 KAFKA_CONTROLLER_PORT=9093
readonly ES_PORT=9200 ES_TRANSPORT_PORT=9300
readonly KC_PORT=8180 KC_MGMT_PORT=9000
readonly GM_SMTP_PORT=3025 GM_IMAP_PORT=3143 GM_POP3_PORT=3110 GM_API_PORT=8089

# Readiness limits in seconds.
readonly PG_LIMIT=30 KAFKA_LIMIT=60 ES_LIMIT=150 KC_LIMIT=240 GM_LIMIT=30
readonly STOP_WAIT=20

readonly PG_SERVICES=(ticket mailgw escalation search faq notification)
readonly SERVICE_USER=relaydesk   # Elasticsearch refuses to run as root
readonly GM_PASSWORD=secret
readonly GM_MAILBOXES=(support@relaydesk.local sales@relaydesk.local triage@relaydesk.local
  customer1@example.com customer2@example.com customer3@example.org
  agent1@relaydesk.local agent2@relaydesk.local admin@relaydesk.local)

# ------------------------------------------------------------------------------- helpers

say() { printf '[stack] %s\n' "$*"; }
die() { printf '[stack] ERROR: %s\n' "$*" >&2; exit 1; }
log_of() { printf '%s/%s.log' "$LOGS" "$1"; }
# fail <component> <message>: the one-line failure every error path ends with.
fail() { die "$1: $2 (log: $(log_of "$1"))"; }

is_root() { [[ $EUID -eq 0 ]]; }

ports_of() {
  case $1 in
    postgres) echo "$PG_PORT" ;;
    kafka) echo "$KAFKA_PORT $KAFKA_CONTROLLER_PORT" ;;
    elasticsearch) echo "$ES_PORT $ES_TRANSPORT_PORT" ;;
    keycloak) echo "$KC_PORT $KC_MGMT_PORT" ;;
    greenmail) echo "$GM_SMTP_PORT $GM_IMAP_PORT $GM_POP3_PORT $GM_API_PORT" ;;
    mta) echo "2525 10465 10143 10993 10110 10995" ;;
  esac
}

# Is something listening on the port (any local address, so 0.0.0.0/:: count too)? Uses ss so
# that checks never open connections (GreenMail logs a stack trace per dropped POP3 probe,
# PostgreSQL an "incomplete startup packet"); falls back to a connect probe without ss.
port_open() {
  if command -v ss >/dev/null; then
    [[ -n $(ss -Hltn "sport = :$1" 2>/dev/null) ]]
  else
    timeout 2 bash -c "exec 3<>/dev/tcp/127.0.0.1/$1" 2>/dev/null
  fi
}

all_ports_open() {
  local p
  for p in $(ports_of "$1"); do port_open "$p" || return 1; done
}

any_port_open() {
  local p
  for p in $(ports_of "$1"); do port_open "$p" && return 0; done
  return 1
}

# Who listens on a port, for error messages ("python3 pid 1234"), or "another process".
port_owner() {
  local line
  line="$(ss -Hltnp "sport = :$1" 2>/dev/null | head -n 1 || true)"
  if [[ $line =~ users:\(\(\"([^\"]+)\",pid=([0-9]+) ]]; then
    printf '%s (pid %s)' "${BASH_REMATCH[1]}" "${BASH_REMATCH[2]}"
  else
    printf 'another process'
  fi
}

# Fails with a clear message when one of the component's ports is held by something else.
check_ports_free() {
  local p
  for p in $(ports_of "$1"); do
    if port_open "$p"; then
      fail "$1" "port $p on 127.0.0.1 is already in use by $(port_owner "$p"), not by our $1"
    fi
  done
}

# Prints the pid recorded for a component when it is alive and really ours (its command line
# mentions $RELAYDESK_HOME, which guards against a recycled pid after a reboot).
our_pid() {
  local f="$RUN/$1.pid" pid cmd
  [[ -f $f ]] || return 1
  pid="$(<"$f")"
  [[ $pid =~ ^[0-9]+$ ]] || return 1
  cmd="$({ tr '\0' ' ' <"/proc/$pid/cmdline"; } 2>/dev/null)" || return 1
  [[ $cmd == *"$RELAYDESK_HOME"* ]] || return 1
  printf '%s' "$pid"
}

clear_stale_pid() { our_pid "$1" >/dev/null || rm -f "$RUN/$1.pid"; }

# Starts a command detached in its own session (pid = process group id) with output
# appended to the component log, and records the pid.
launch() {
  local comp=$1; shift
  printf '\n===== %s starting %s =====\n' "$(date '+%F %T')" "$comp" >>"$(log_of "$comp")"
  # 9>&- : the daemon must not inherit (and so keep holding) the stack.lock descriptor.
  setsid "$@" >>"$(log_of "$comp")" 2>&1 </dev/null 9>&- &
  printf '%s\n' "$!" >"$RUN/$comp.pid"
}

# Sum of VmRSS (MB) over a pid and all its descendants.
rss_mb() {
  local root=$1
  ps -e -o pid=,ppid=,rss= | awk -v root="$root" '
    { ppid[$1] = $2; rss[$1] = $3 }
    END {
      total = 0
      for (p in ppid) {
        q = p
        for (depth = 0; q != "" && q != 0 && depth < 64; depth++) {
          if (q == root) { total += rss[p]; break }
          q = ppid[q]
        }
      }
      printf "%d", total / 1024
    }'
}

# Stops a process group started by launch(): SIGTERM, up to $STOP_WAIT s, then SIGKILL.
stop_group() {
  local comp=$1 pid=$2 i
  kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < STOP_WAIT * 4; i++)); do
    kill -0 -- "-$pid" 2>/dev/null || kill -0 "$pid" 2>/dev/null || break
    sleep 0.25
  done
  if kill -0 -- "-$pid" 2>/dev/null || kill -0 "$pid" 2>/dev/null; then
    say "$comp ... did not stop within ${STOP_WAIT} s, sending SIGKILL"
    kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
    sleep 0.5
  fi
  rm -f "$RUN/$comp.pid"
}

# await <component> <limit s> <started-at $SECONDS> <check function>
# Polls until ready; fails (and stops the half-started process) on early exit or timeout.
await() {
  local comp=$1 limit=$2 started=$3 check=$4 pid
  while true; do
    if "$check"; then
      say "$comp ... ready in $((SECONDS - started)) s"
      return 0
    fi
    # the recorded pid, alive: right after launch() its command line may still be the forked shell's
    # (before setsid/exec), which our_pid() would not recognise as ours
    pid="$(cat "$RUN/$comp.pid" 2>/dev/null)" || true
    if [[ ! $pid =~ ^[0-9]+$ ]] || ! kill -0 "$pid" 2>/dev/null; then
      rm -f "$RUN/$comp.pid"
      fail "$comp" "exited during startup"
    fi
    if ((SECONDS - started >= limit)); then
      stop_group "$comp" "$pid"
      fail "$comp" "not ready within $limit s (stopped it)"
    fi
    sleep 1
  done
}

# Fetches a Maven artifact (local repository first) into a directory.
fetch_artifact() {
  local comp=$1 gav=$2 dest=$3
  say "$comp ... fetching $gav"
  mkdir -p "$dest"
  if ! timeout 1800 mvn -q -B dependency:copy "-Dartifact=$gav" "-DoutputDirectory=$dest" \
    >>"$(log_of "$comp")" 2>&1; then
    fail "$comp" "download of $gav failed"
  fi
}

# Makes every ancestor of a path searchable for a service user (when $RELAYDESK_HOME sits in
# a private home such as /root). Adds search permission only, never read.
ensure_traversable() {
  local user=$1 path=$2 dir
  runuser -u "$user" -- test -x "$path" 2>/dev/null && return 0
  dir=$path
  local chain=()
  while [[ $dir != / && -n $dir ]]; do chain=("$dir" "${chain[@]}"); dir="$(dirname "$dir")"; done
  for dir in "${chain[@]}"; do
    if ! runuser -u "$user" -- test -x "$dir" 2>/dev/null; then
      if command -v setfacl >/dev/null; then
        setfacl -m "u:$user:x" "$dir"
        say "granted user $user search (x) permission on $dir (ACL)"
      else
        chmod o+x "$dir"
        say "granted others search (x) permission on $dir so user $user can reach $path"
      fi
    fi
  done
}

ensure_service_user() {
  id -u "$SERVICE_USER" >/dev/null 2>&1 && return 0
  useradd --system --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin \
    --user-group "$SERVICE_USER"
  say "created system user $SERVICE_USER (runs Elasticsearch)"
}

java_major() { # <java home>
  local v
  if [[ -r $1/release ]]; then
    v="$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release")"
  else
    v="$("$1/bin/java" -XshowSettings:properties -version 2>&1 |
      sed -n 's/.*java.specification.version = \([0-9]*\).*/\1/p')"
  fi
  printf '%s' "${v:-0}"
}

# ------------------------------------------------------------------------------- postgres

pg_ready() { pg_isready -q -h 127.0.0.1 -p "$PG_PORT" >/dev/null 2>&1; }
pg_bin_dir() {
  local initdb
  initdb="$(find /usr/lib/postgresql -path '*/bin/initdb' 2>/dev/null | sort -V | tail -n 1)"
  [[ -n $initdb ]] && dirname "$initdb"
}
as_postgres() { if is_root; then runuser -u postgres -- "$@"; else "$@"; fi; }

pg_private_start() {
  local bin pgdata="$DATA/postgres" log
  log="$(log_of postgres)"
  bin="$(pg_bin_dir)" || fail postgres "no PostgreSQL server binaries under /usr/lib/postgresql (apt-get install postgresql)"
  mkdir -p "$pgdata"
  touch "$log"
  if is_root; then
    chown postgres:postgres "$pgdata" "$log"
    ensure_traversable postgres "$pgdata"
  fi
  chmod 700 "$pgdata"
  if [[ ! -f $pgdata/PG_VERSION ]]; then
    say "postgres ... initdb of a private cluster in $pgdata"
    as_postgres "$bin/initdb" -D "$pgdata" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 \
      >>"$log" 2>&1 || fail postgres "initdb failed"
  fi
  local started=$SECONDS
  say "postgres ... starting private cluster on 127.0.0.1:$PG_PORT"
  # pg_ctl appends the server log to $log itself (-l); its own messages go there too.
  # shellcheck disable=SC2094
  as_postgres "$bin/pg_ctl" -D "$pgdata" -l "$log" -w -t "$PG_LIMIT" \
    -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -c unix_socket_directories=''" start \
    >>"$log" 2>&1 9>&- || fail postgres "private cluster did not start within $PG_LIMIT s"
  head -n 1 "$pgdata/postmaster.pid" >"$RUN/postgres.pid"
  pg_ready || fail postgres "private cluster started but does not answer on 127.0.0.1:$PG_PORT"
  say "postgres ... ready in $((SECONDS - started)) s"
}

pg_ensure_databases() {
  local s sql="" out
  for s in "${PG_SERVICES[@]}"; do
    sql+="DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'relaydesk_$s') THEN
    CREATE ROLE relaydesk_$s LOGIN PASSWORD 'relaydesk';
  END IF;
END \$\$;
ALTER ROLE relaydesk_$s WITH LOGIN PASSWORD 'relaydesk';
SELECT format('CREATE DATABASE %I OWNER %I', d, 'relaydesk_$s')
  FROM unnest(ARRAY['relaydesk_$s', 'relaydesk_${s}_test']) AS d
  WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = d) \\gexec
ALTER DATABASE relaydesk_$s OWNER TO relaydesk_$s;
ALTER DATABASE relaydesk_${s}_test OWNER TO relaydesk_$s;
"
  done
  if ! out="$(psql -X -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 \
    <<<"$sql" 2>&1)"; then
    printf '%s\n' "$out" >>"$(log_of postgres)"
    fail postgres "creating roles/databases failed: $(head -n 1 <<<"$out")"
  fi
  say "postgres ... roles and databases ok (${#PG_SERVICES[@]} roles relaydesk_<svc>, $((2 * ${#PG_SERVICES[@]})) databases)"
}

up_postgres() {
  if our_pid postgres >/dev/null && pg_ready; then
    say "postgres ... already running (private cluster, pid $(our_pid postgres))"
  elif pg_ready; then
    rm -f "$RUN/postgres.pid"
    say "postgres ... external server at 127.0.0.1:$PG_PORT, using it (left alone by down)"
  elif port_open "$PG_PORT"; then
    fail postgres "port $PG_PORT on 127.0.0.1 is in use by $(port_owner "$PG_PORT") which is not PostgreSQL"
  else
    rm -f "$RUN/postgres.pid"
    pg_private_start
  fi
  pg_ensure_databases
}

down_postgres() {
  local pid bin
  if pid="$(our_pid postgres)"; then
    bin="$(pg_bin_dir)"
    say "postgres ... stopping private cluster (pid $pid)"
    as_postgres "$bin/pg_ctl" -D "$DATA/postgres" -m fast -w -t "$STOP_WAIT" stop \
      >>"$(log_of postgres)" 2>&1 || stop_group postgres "$pid"
    rm -f "$RUN/postgres.pid"
  elif pg_ready; then
    say "postgres ... external, left running"
  else
    rm -f "$RUN/postgres.pid"
    say "postgres ... not running"
  fi
}

# Called after down: a server still answering is an external one, so drop our databases there.
reset_postgres() {
  if pg_ready; then
    local s sql=""
    for s in "${PG_SERVICES[@]}"; do
      sql+="DROP DATABASE IF EXISTS relaydesk_$s WITH (FORCE);
DROP DATABASE IF EXISTS relaydesk_${s}_test WITH (FORCE);
DROP ROLE IF EXISTS relaydesk_$s;
"
    done
    psql -X -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 <<<"$sql" \
      >>"$(log_of postgres)" 2>&1 || fail postgres "dropping the relaydesk databases failed"
    say "postgres ... dropped the relaydesk_* databases and roles on the external server"
  fi
}

# ------------------------------------------------------------------------------- kafka

readonly KAFKA_HOME="$DIST/kafka-$KAFKA_VERSION"
readonly KAFKA_CONF="$DATA/kafka/config"

kafka_install() {
  [[ -f $KAFKA_HOME/.installed ]] && return 0
  say "kafka ... installing $KAFKA_VERSION jars into $KAFKA_HOME/libs"
  local tmp="$DIST/.kafka-$KAFKA_VERSION.tmp"
  rm -rf "$tmp"
  mkdir -p "$tmp/libs"
  if ! timeout 1800 mvn -q -B -f "$SCRIPT_DIR/kafka/pom.xml" dependency:copy-dependencies \
    -DincludeScope=runtime "-DoutputDirectory=$tmp/libs" >>"$(log_of kafka)" 2>&1; then
    rm -rf "$tmp"
    fail kafka "download of the Kafka $KAFKA_VERSION jars failed"
  fi
  touch "$tmp/.installed"
  rm -rf "$KAFKA_HOME"
  mv "$tmp" "$KAFKA_HOME"
}

kafka_write_config() {
  mkdir -p "$KAFKA_CONF" "$DATA/kafka/kraft-logs"
  cp "$SCRIPT_DIR/kafka/log4j2.properties" "$KAFKA_CONF/log4j2.properties"
  cat >"$KAFKA_CONF/server.properties" <<EOF
# Generated by deploy/local/stack.sh on every start; edit the script, not this file.
process.roles=broker,controller
node.id=1
controller.quorum.bootstrap.servers=127.0.0.1:$KAFKA_CONTROLLER_PORT
listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$KAFKA_CONTROLLER_PORT
inter.broker.listener.name=PLAINTEXT
controller.listener.names=CONTROLLER
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
log.dirs=$DATA/kafka/kraft-logs
num.partitions=3
default.replication.factor=1
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
auto.create.topics.enable=false
group.initial.rebalance.delay.ms=0
num.network.threads=2
num.io.threads=4
EOF
}

# Runs a Kafka CLI class quietly (logs at WARN on stderr, fast-starting small JVM).
kafka_tool() {
  java -Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 \
    "-Dlog4j2.configurationFile=$KAFKA_CONF/log4j2.properties" \
    -Drelaydesk.log.level=WARN -Drelaydesk.log.target=SYSTEM_ERR \
    -cp "$KAFKA_HOME/libs/*" "$@"
}

kafka_format() {
  [[ -f $DATA/kafka/kraft-logs/meta.properties ]] && return 0
  local id
  id="$(kafka_tool kafka.tools.StorageTool random-uuid 2>>"$(log_of kafka)")" ||
    fail kafka "could not generate a cluster id"
  say "kafka ... formatting storage (cluster id $id)"
  kafka_tool kafka.tools.StorageTool format -t "$id" -c "$KAFKA_CONF/server.properties" \
    --standalone >>"$(log_of kafka)" 2>&1 || fail kafka "formatting storage failed"
}

kafka_ready() {
  port_open "$KAFKA_PORT" || return 1
  kafka_tool org.apache.kafka.tools.TopicCommand --bootstrap-server "127.0.0.1:$KAFKA_PORT" \
    --list >/dev/null 2>&1
}

kafka_ensure_topics() {
  local existing name partitions created=0 total=0
  existing="$(kafka_tool org.apache.kafka.tools.TopicCommand \
    --bootstrap-server "127.0.0.1:$KAFKA_PORT" --list 2>>"$(log_of kafka)")" ||
    fail kafka "listing topics failed"
  while read -r name partitions _; do
    [[ -z $name || $name == \#* ]] && continue
    total=$((total + 1))
    grep -qxF -- "$name" <<<"$existing" && continue
    kafka_tool org.apache.kafka.tools.TopicCommand --bootstrap-server "127.0.0.1:$KAFKA_PORT" \
      --create --if-not-exists --topic "$name" --partitions "$partitions" \
      --replication-factor 1 >>"$(log_of kafka)" 2>&1 || fail kafka "creating topic $name failed"
    created=$((created + 1))
  done <"$SCRIPT_DIR/topics.txt"
  say "kafka ... topics ok ($total in topics.txt, $created created)"
}

up_kafka() {
  local started
  clear_stale_pid kafka
  if our_pid kafka >/dev/null; then
    if all_ports_open kafka; then
      say "kafka ... already running (pid $(our_pid kafka))"
    else
      await kafka "$KAFKA_LIMIT" "$SECONDS" kafka_ready
    fi
  else
    check_ports_free kafka
    mkdir -p "$DATA/kafka"
    kafka_install
    kafka_write_config
    kafka_format
    started=$SECONDS
    say "kafka ... starting $KAFKA_VERSION (KRaft, 127.0.0.1:$KAFKA_PORT)"
    launch kafka java -Xms256m -Xmx512m -XX:+UseG1GC -XX:MaxGCPauseMillis=20 \
      -Djava.awt.headless=true "-Dlog4j2.configurationFile=$KAFKA_CONF/log4j2.properties" \
      -cp "$KAFKA_HOME/libs/*" kafka.Kafka "$KAFKA_CONF/server.properties"
    await kafka "$KAFKA_LIMIT" "$started" kafka_ready
  fi
  kafka_ensure_topics
}

# ------------------------------------------------------------------------------- elasticsearch

readonly ES_HOME="$DIST/elasticsearch-$ES_VERSION"

es_java_home() {
  local d v best="" bestv=0
  if [[ -n ${ES_JAVA_HOME:-} ]]; then
    v="$(java_major "$ES_JAVA_HOME")"
    ((v >= 21)) || fail elasticsearch "ES_JAVA_HOME=$ES_JAVA_HOME is Java ${v}; Elasticsearch $ES_VERSION needs Java 21+"
    printf '%s' "$ES_JAVA_HOME"
    return 0
  fi
  for d in /usr/lib/jvm/*/; do
    d="${d%/}"
    [[ -L $d || ! -x $d/bin/java ]] && continue
    v="$(java_major "$d")"
    if ((v >= 21 && v > bestv)); then best=$d bestv=$v; fi
  done
  [[ -n $best ]] || fail elasticsearch "no JDK 21+ found under /usr/lib/jvm (default java is $(java_major "$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")")); install one or set ES_JAVA_HOME"
  printf '%s' "$best"
}

es_install() {
  [[ -f $ES_HOME/.installed ]] && return 0
  command -v unzip >/dev/null || fail elasticsearch "unzip is missing (apt-get install unzip)"
  local tmp="$DIST/.elasticsearch-$ES_VERSION.tmp"
  rm -rf "$tmp"
  fetch_artifact elasticsearch "$ES_ARTIFACT" "$tmp/download"
  say "elasticsearch ... unpacking into $ES_HOME"
  unzip -q "$tmp/download/elasticsearch-$ES_VERSION.zip" -d "$tmp" >>"$(log_of elasticsearch)" 2>&1 ||
    fail elasticsearch "unpacking the Elasticsearch zip failed"
  rm -rf "$ES_HOME"
  mv "$tmp/elasticsearch-$ES_VERSION" "$ES_HOME"
  rm -rf "$tmp"
  touch "$ES_HOME/.installed"
}

es_ready() {
  local body
  body="$(curl -s -m 5 "http://127.0.0.1:$ES_PORT/_cluster/health?wait_for_status=yellow&timeout=1s" 2>/dev/null)" || return 1
  [[ $body == *'"status":"yellow"'* || $body == *'"status":"green"'* ]]
}

es_launch() {
  local java_home run_as=()
  java_home="$(es_java_home)"
  check_ports_free elasticsearch
  es_install
  mkdir -p "$DATA/elasticsearch/data" "$DATA/elasticsearch/tmp" "$LOGS/elasticsearch"
  if [[ ! -d $DATA/elasticsearch/config ]]; then
    cp -a "$ES_HOME/config" "$DATA/elasticsearch/config"
  fi
  if is_root; then
    ensure_service_user
    local d
    for d in "$DATA/elasticsearch" "$LOGS/elasticsearch"; do
      [[ $(stat -c %U "$d") == "$SERVICE_USER" ]] || chown -R "$SERVICE_USER:$SERVICE_USER" "$d"
    done
    ensure_traversable "$SERVICE_USER" "$ES_HOME/lib"
    run_as=(runuser -u "$SERVICE_USER" --)
  fi
  say "elasticsearch ... starting $ES_VERSION (java $(java_major "$java_home"), 127.0.0.1:$ES_PORT)"
  launch elasticsearch "${run_as[@]}" env \
    "ES_JAVA_HOME=$java_home" "ES_PATH_CONF=$DATA/elasticsearch/config" \
    "ES_TMPDIR=$DATA/elasticsearch/tmp" "ES_JAVA_OPTS=-Xms512m -Xmx512m" \
    "$ES_HOME/bin/elasticsearch" \
    -Ecluster.name=relaydesk-local -Enode.name=relaydesk-local \
    -Expack.security.enabled=false -Ediscovery.type=single-node \
    -Ehttp.host=127.0.0.1 "-Ehttp.port=$ES_PORT" \
    -Etransport.host=127.0.0.1 "-Etransport.port=$ES_TRANSPORT_PORT" \
    -Ecluster.routing.allocation.disk.threshold_enabled=false \
    "-Epath.data=$DATA/elasticsearch/data" "-Epath.logs=$LOGS/elasticsearch"
}

# ------------------------------------------------------------------------------- keycloak

readonly KC_HOME="$DIST/keycloak-$KC_VERSION"
readonly KC_REALM_FILE="$SCRIPT_DIR/keycloak/relaydesk-realm.json"

kc_install() {
  if [[ ! -f $KC_HOME/.installed ]]; then
    local tmp="$DIST/.keycloak-$KC_VERSION.tmp"
    rm -rf "$tmp"
    fetch_artifact keycloak "$KC_ARTIFACT" "$tmp/download"
    say "keycloak ... unpacking into $KC_HOME"
    tar --no-same-owner -xzf "$tmp/download/keycloak-quarkus-dist-$KC_VERSION.tar.gz" -C "$tmp" \
      >>"$(log_of keycloak)" 2>&1 || fail keycloak "unpacking the Keycloak tarball failed"
    rm -rf "$KC_HOME"
    mv "$tmp/keycloak-$KC_VERSION" "$KC_HOME"
    rm -rf "$tmp"
    touch "$KC_HOME/.installed"
  fi
  # The dist stays clean: its data/ (H2 database, import dir, tmp) lives in $DATA/keycloak.
  mkdir -p "$DATA/keycloak/import"
  if [[ ! -L $KC_HOME/data ]]; then
    rm -rf "$KC_HOME/data"
    ln -s "$DATA/keycloak" "$KC_HOME/data"
  fi
}

kc_ready() {
  curl -sf -m 5 -o /dev/null \
    "http://127.0.0.1:$KC_PORT/realms/relaydesk/.well-known/openid-configuration" 2>/dev/null
}

kc_launch() {
  check_ports_free keycloak
  kc_install
  local sum imported="$DATA/keycloak/import/.imported.sha256"
  sum="$(sha256sum "$KC_REALM_FILE" | cut -d' ' -f1)"
  cp "$KC_REALM_FILE" "$DATA/keycloak/import/relaydesk-realm.json"
  if [[ ! -d $DATA/keycloak/h2 ]]; then
    printf '%s\n' "$sum" >"$imported"
  elif [[ -f $imported && $(<"$imported") != "$sum" ]]; then
    say "keycloak ... NOTE: relaydesk-realm.json changed since it was imported; Keycloak keeps the existing realm. Run 'stack.sh reset keycloak' to re-import it."
  fi
  say "keycloak ... starting $KC_VERSION (127.0.0.1:$KC_PORT, management :$KC_MGMT_PORT)"
  launch keycloak env JAVA_OPTS_KC_HEAP="-Xms64m -Xmx512m" \
    KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=admin \
    "$KC_HOME/bin/kc.sh" start-dev --http-host 127.0.0.1 "--http-port=$KC_PORT" \
    "--http-management-port=$KC_MGMT_PORT" --health-enabled=true --import-realm
}

# ------------------------------------------------------------------------------- greenmail

readonly GM_JAR="$DIST/greenmail-$GREENMAIL_VERSION/greenmail-standalone-$GREENMAIL_VERSION.jar"

gm_install() {
  [[ -f $GM_JAR ]] && return 0
  local tmp="$DIST/.greenmail-$GREENMAIL_VERSION.tmp"
  rm -rf "$tmp"
  fetch_artifact greenmail "$GREENMAIL_ARTIFACT" "$tmp"
  rm -rf "$(dirname "$GM_JAR")"
  mv "$tmp" "$(dirname "$GM_JAR")"
}

# First line a server sends on connect (SMTP "220 ...", IMAP "* OK ...").
greeting() {
  timeout 3 bash -c "exec 3<>/dev/tcp/127.0.0.1/$1; IFS= read -r -t 2 line <&3; printf '%s' \"\$line\"" 2>/dev/null
}

gm_ready() {
  all_ports_open greenmail || return 1
  local smtp imap
  smtp="$(greeting "$GM_SMTP_PORT")" || return 1
  imap="$(greeting "$GM_IMAP_PORT")" || return 1
  [[ $smtp == 220* && $imap == '* OK'* ]]
}

up_greenmail() {
  local started users="" m
  clear_stale_pid greenmail
  if our_pid greenmail >/dev/null; then
    if all_ports_open greenmail; then
      say "greenmail ... already running (pid $(our_pid greenmail))"
    else
      await greenmail "$GM_LIMIT" "$SECONDS" gm_ready
    fi
    return 0
  fi
  check_ports_free greenmail
  gm_install
  for m in "${GM_MAILBOXES[@]}"; do users+="${users:+,}${m%@*}:$GM_PASSWORD@${m#*@}"; done
  started=$SECONDS
  say "greenmail ... starting $GREENMAIL_VERSION (SMTP $GM_SMTP_PORT, IMAP $GM_IMAP_PORT, POP3 $GM_POP3_PORT, API $GM_API_PORT)"
  launch greenmail java -Xms32m -Xmx128m -XX:+UseSerialGC \
    -Dgreenmail.setup.test.smtp -Dgreenmail.setup.test.imap -Dgreenmail.setup.test.pop3 \
    -Dgreenmail.hostname=127.0.0.1 \
    -Dgreenmail.api.hostname=127.0.0.1 "-Dgreenmail.api.port=$GM_API_PORT" \
    "-Dgreenmail.users=$users" -Dgreenmail.users.login=email \
    -jar "$GM_JAR"
  await greenmail "$GM_LIMIT" "$started" gm_ready
}

# ------------------------------------------------------------------------------- generic

# Starts Elasticsearch and Keycloak (whichever were asked for) concurrently and waits for both.
up_es_kc() {
  local want_es=$1 want_kc=$2 es_started="" kc_started=""
  if [[ $want_es == 1 ]]; then
    clear_stale_pid elasticsearch
    if our_pid elasticsearch >/dev/null; then
      if es_ready; then say "elasticsearch ... already running (pid $(our_pid elasticsearch))"
      else es_started=$SECONDS; fi
    else
      es_launch
      es_started=$SECONDS
    fi
  fi
  if [[ $want_kc == 1 ]]; then
    clear_stale_pid keycloak
    if our_pid keycloak >/dev/null; then
      if kc_ready; then say "keycloak ... already running (pid $(our_pid keycloak))"
      else kc_started=$SECONDS; fi
    else
      kc_launch
      kc_started=$SECONDS
    fi
  fi
  [[ -z $es_started ]] || await elasticsearch "$ES_LIMIT" "$es_started" es_ready
  [[ -z $kc_started ]] || await keycloak "$KC_LIMIT" "$kc_started" kc_ready
}

down_component() {
  local comp=$1 pid
  if [[ $comp == postgres ]]; then down_postgres; return 0; fi
  if [[ $comp == mta ]]; then env RELAYDESK_HOME="$RELAYDESK_HOME" bash "$SCRIPT_DIR/mta.sh" down; return 0; fi
  if pid="$(our_pid "$comp")"; then
    local t=$SECONDS
    stop_group "$comp" "$pid"
    say "$comp ... stopped (pid $pid) in $((SECONDS - t)) s"
  else
    rm -f "$RUN/$comp.pid"
    say "$comp ... not running"
  fi
}

# Normalises component arguments into canonical order in SELECTED (all when none given).
SELECTED=()
select_components() {
  local c a found
  for a in "$@"; do
    found=0
    for c in "${COMPONENTS[@]}"; do [[ $a == "$c" ]] && found=1; done
    [[ $found == 1 ]] || die "unknown component '$a' (components: ${COMPONENTS[*]})"
  done
  SELECTED=()
  for c in "${COMPONENTS[@]}"; do
    if [[ $# -eq 0 ]]; then SELECTED+=("$c"); continue; fi
    for a in "$@"; do
      if [[ $a == "$c" ]]; then SELECTED+=("$c"); break; fi
    done
  done
}

with_lock() {
  exec 9>"$RUN/stack.lock"
  flock -w 600 9 || die "another stack.sh up/down/reset holds $RUN/stack.lock"
}

# Installs the few command-line tools the stack needs from Debian's packages when they are
# missing (a fresh machine has only the JDK, Maven and Node); without root it names them instead.
ensure_tools() {
  local missing=() pkgs=() tool pkg
  for tool in curl:curl unzip:unzip tar:tar ss:iproute2 flock:util-linux pg_isready:postgresql-client psql:postgresql-client; do
    pkg=${tool#*:}; tool=${tool%%:*}
    command -v "$tool" >/dev/null 2>&1 && continue
    missing+=("$tool")
    [[ " ${pkgs[*]} " == *" $pkg "* ]] || pkgs+=("$pkg")
  done
  ((${#pkgs[@]} == 0)) && return 0
  if is_root && command -v apt-get >/dev/null 2>&1; then
    say "installing missing tools (${missing[*]}): apt-get install ${pkgs[*]}"
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${pkgs[@]}"; } >"$LOGS/apt.log" 2>&1 \
      || die "tools: apt-get install ${pkgs[*]} failed (log: $LOGS/apt.log)"
  else
    die "tools: missing ${missing[*]}; install the Debian packages ${pkgs[*]}"
  fi
}

cmd_up() {
  local comps c want_es=0 want_kc=0 t0=$SECONDS
  ensure_tools
  select_components "$@"
  comps=("${SELECTED[@]}")
  for c in "${comps[@]}"; do
    case $c in
      postgres) up_postgres ;;
      kafka) up_kafka ;;
      elasticsearch) want_es=1 ;;
      keycloak) want_kc=1 ;;
      greenmail)
        if [[ $want_es == 1 || $want_kc == 1 ]]; then up_es_kc "$want_es" "$want_kc"; want_es=0 want_kc=0; fi
        up_greenmail ;;
      mta)
        if [[ $want_es == 1 || $want_kc == 1 ]]; then up_es_kc "$want_es" "$want_kc"; want_es=0 want_kc=0; fi
        env RELAYDESK_HOME="$RELAYDESK_HOME" bash "$SCRIPT_DIR/mta.sh" up ;;
    esac
  done
  if [[ $want_es == 1 || $want_kc == 1 ]]; then up_es_kc "$want_es" "$want_kc"; fi
  say "up: ${comps[*]} ready in $((SECONDS - t0)) s"
}

cmd_down() {
  local comps i
  select_components "$@"
  comps=("${SELECTED[@]}")
  for ((i = ${#comps[@]} - 1; i >= 0; i--)); do down_component "${comps[i]}"; done
}

cmd_reset() {
  local comps c
  select_components "$@"
  comps=("${SELECTED[@]}")
  cmd_down "${comps[@]}"
  for c in "${comps[@]}"; do
    if [[ $c == postgres ]]; then reset_postgres; fi
    rm -rf -- "${DATA:?}/$c" "${LOGS:?}/$c" "$(log_of "$c")"
    say "$c ... data and logs deleted"
  done
  say "reset done (downloads in $DIST kept)"
}

cmd_status() {
  local c state pid rss ports note fmt='%-14s %-9s %-8s %-22s %7s  %s\n'
  # shellcheck disable=SC2059
  printf "$fmt" COMPONENT STATE PID PORTS RSS_MB LOG
  for c in "${COMPONENTS[@]}"; do
    pid="-" rss="-" note=""
    if pid="$(our_pid "$c")"; then
      if all_ports_open "$c"; then state=running; else state=starting; fi
      rss="$(rss_mb "$pid")"
    else
      pid="-"
      if [[ $c == postgres ]] && pg_ready; then state=external
      elif any_port_open "$c"; then state=external
      else state=stopped; fi
    fi
    if [[ $c == greenmail ]]; then note="  (mail is kept in memory only; lost on restart)"; fi
    if [[ $c == mta ]]; then
      if all_ports_open mta; then state=running; fi
      note="  (SMTP 2525, IMAP 10143, POP3 10110 offer STARTTLS; SMTPS 10465, IMAPS 10993, POP3S 10995; CA $RELAYDESK_HOME/mta/tls/ca.pem; Postfix $LOGS/postfix.log, Dovecot $LOGS/dovecot.log)"
    fi
    ports="$(ports_of "$c" | tr ' ' ',')"
    # shellcheck disable=SC2059
    printf "$fmt" "$c" "$state" "$pid" "$ports" "$rss" "$(log_of "$c")$note"
  done
  printf 'home: %s\n' "$RELAYDESK_HOME"
}

cmd_logs() {
  local follow=1 comps=() files=() c
  for c in "$@"; do
    if [[ $c == --no-follow ]]; then follow=0; else comps+=("$c"); fi
  done
  ((${#comps[@]} <= 1)) || die "logs takes at most one component"
  select_components "${comps[@]}"
  comps=("${SELECTED[@]}")
  for c in "${comps[@]}"; do
    if [[ -f $(log_of "$c") ]]; then files+=("$(log_of "$c")")
    elif [[ ${#comps[@]} -eq 1 ]]; then
      if [[ $c == postgres ]] && pg_ready; then die "postgres is external; its log is not managed here"; fi
      die "$c: no log yet ($(log_of "$c"))"
    fi
  done
  ((${#files[@]} > 0)) || die "no logs yet in $LOGS"
  if [[ $follow == 1 ]]; then exec tail -n 100 -F "${files[@]}"; fi
  tail -n 200 "${files[@]}"
}

usage() {
  cat <<EOF
usage: stack.sh up [component...] | down [component...] | status
                | logs [--no-follow] [component] | reset [component...]
components: ${COMPONENTS[*]}   home: $RELAYDESK_HOME
EOF
}

main() {
  local verb="${1:-}"
  [[ $# -gt 0 ]] && shift
  mkdir -p "$DIST" "$DATA" "$LOGS" "$RUN"
  case $verb in
    up) with_lock; cmd_up "$@" ;;
    down) with_lock; cmd_down "$@" ;;
    reset) with_lock; cmd_reset "$@" ;;
    status) cmd_status ;;
    logs) cmd_logs "$@" ;;
    -h | --help | help) usage ;;
    *) usage >&2; exit 2 ;;
  esac
}

main "$@"
