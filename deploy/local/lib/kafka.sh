# shellcheck shell=bash
# Kafka 4.1.1, one KRaft node (broker + controller), from Maven Central jars (cached in ~/.m2);
# jars, data and the filled-in server.properties in .platform/kafka.
KAFKA_HOME="$STATE/kafka"
KAFKA_LIB="$KAFKA_HOME/lib"
KAFKA_POM="$ROOT/deploy/local/kafka/pom.xml"
# ports: override only to run a second checkout's infrastructure beside a running one (the
# services' application.properties expect 9092)
KAFKA_PORT=${PLATFORM_KAFKA_PORT:-9092}
KAFKA_CONTROLLER_PORT=${PLATFORM_KAFKA_CONTROLLER_PORT:-9093}
KAFKA_BOOTSTRAP=127.0.0.1:$KAFKA_PORT

# short-lived tool JVMs (storage format, topic command): C1 only starts faster
kafka_java() { timeout 60 java -Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -cp "$KAFKA_LIB/*" "$@"; }

# the jars, resolved again only when deploy/local/kafka/pom.xml changes
kafka_install() {
  local sum; sum=$(sha256sum "$KAFKA_POM" | cut -d' ' -f1)
  [ "$(cat "$KAFKA_HOME/lib.ok" 2>/dev/null)" = "$sum" ] && [ -d "$KAFKA_LIB" ] && return
  say "kafka: resolving the broker jars (cached in ~/.m2)"
  rm -rf "$KAFKA_LIB"
  "$ROOT/mvnw" -B -q -f "$KAFKA_POM" dependency:copy-dependencies \
      -DincludeScope=runtime -DoutputDirectory="$KAFKA_LIB" >"$LOGS/kafka-install.log" 2>&1 \
    || { show_log kafka-install; die "could not resolve the Kafka jars (deploy/local/kafka/pom.xml)"; }
  echo "$sum" >"$KAFKA_HOME/lib.ok"
}

kafka_up() {
  if alive kafka; then
    if port_open "$KAFKA_PORT"; then say "kafka: already running"; else say "kafka: already starting"; fi
    return
  fi
  rm -f "$RUN/kafka.pid"
  port_open "$KAFKA_PORT" && die "something else listens on $KAFKA_BOOTSTRAP; stop it or free the port"
  kafka_install
  mkdir -p "$KAFKA_HOME/data"
  sed -e "s#@DATA@#$KAFKA_HOME/data#" -e "s#:9092\b#:$KAFKA_PORT#g" -e "s#:9093\b#:$KAFKA_CONTROLLER_PORT#g" \
      "$ROOT/deploy/local/kafka/server.properties" >"$KAFKA_HOME/server.properties"
  if [ ! -f "$KAFKA_HOME/data/meta.properties" ]; then
    say "kafka: formatting storage (first start)"
    { kafka_java kafka.tools.StorageTool format --standalone -t "$(kafka_java kafka.tools.StorageTool random-uuid)" \
        -c "$KAFKA_HOME/server.properties"; } >"$LOGS/kafka-format.log" 2>&1 \
      || { show_log kafka-format; die "kafka storage format failed"; }
  fi
  say "kafka: starting on $KAFKA_BOOTSTRAP"
  spawn kafka java -Xms128m -Xmx512m -XX:+UseSerialGC -Dkafka.logs.dir="$LOGS" \
      -Dlog4j2.configurationFile="$ROOT/deploy/local/kafka/log4j2.yaml" -cp "$KAFKA_LIB/*" kafka.Kafka \
      "$KAFKA_HOME/server.properties"
}

# every topic with its partition count ("Topic: T ... PartitionCount: N" header lines)
kafka_describe() {
  kafka_java org.apache.kafka.tools.TopicCommand --bootstrap-server "$KAFKA_BOOTSTRAP" --describe --exclude-internal \
      2>>"$LOGS/kafka-topics.log" \
    | awk '/^Topic:/ { for (i = 1; i < NF; i++) { if ($i == "Topic:") t = $(i+1); if ($i == "PartitionCount:") c = $(i+1) }; print t, c }'
  return "${PIPESTATUS[0]}"
}

# ready = the port answers and the admin API lists topics (the answer is kept for kafka_topics)
KAFKA_EXISTING=""
kafka_wait() {
  wait_until kafka 90 port_open "$KAFKA_PORT"
  local start=$SECONDS
  until KAFKA_EXISTING=$(kafka_describe); do
    alive kafka || { show_log kafka; die "kafka exited while starting (log: $LOGS/kafka.log)"; }
    (( SECONDS - start < 60 )) || { show_log kafka-topics; show_log kafka; die "kafka answers on $KAFKA_PORT but cannot list topics"; }
    sleep 1
  done
}

# every topic the modules declare in src/main/resources/kafka-topics.txt ("topic partitions"):
# created if missing, partitions raised if fewer; one topic command per change only
kafka_topics() {
  local file topic partitions count
  local -A have=()
  while read -r topic count; do if [ -n "$topic" ]; then have[$topic]=$count; fi; done <<<"$KAFKA_EXISTING"
  for file in "$ROOT"/*/src/main/resources/kafka-topics.txt; do
    [ -f "$file" ] || continue
    while read -r topic partitions _; do
      [[ -z "$topic" || "$topic" == \#* ]] && continue
      [[ "$partitions" =~ ^[1-9][0-9]*$ ]] || die "$file: '$topic' needs a partition count"
      count=${have[$topic]:-0}
      if (( count == 0 )); then
        say "kafka: creating topic $topic ($partitions partitions)"
        kafka_java org.apache.kafka.tools.TopicCommand --bootstrap-server "$KAFKA_BOOTSTRAP" --create --if-not-exists \
            --topic "$topic" --partitions "$partitions" --replication-factor 1 >>"$LOGS/kafka-topics.log" 2>&1 \
          || { show_log kafka-topics; die "cannot create topic $topic"; }
        have[$topic]=$partitions
      elif (( count < partitions )); then
        say "kafka: topic $topic: $count -> $partitions partitions"
        kafka_java org.apache.kafka.tools.TopicCommand --bootstrap-server "$KAFKA_BOOTSTRAP" --alter \
            --topic "$topic" --partitions "$partitions" >>"$LOGS/kafka-topics.log" 2>&1 \
          || { show_log kafka-topics; die "cannot add partitions to topic $topic"; }
        have[$topic]=$partitions
      fi
    done <"$file"
  done
}

kafka_state() {
  if alive kafka && port_open "$KAFKA_PORT"; then echo ready
  elif alive kafka; then echo "running, not responding"
  elif port_open "$KAFKA_PORT"; then echo "port taken by another process"
  else echo stopped; fi
}
