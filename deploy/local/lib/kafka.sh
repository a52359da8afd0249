# Kafka 4.1.1, single KRaft node, from Maven Central jars (cached in ~/.m2), data in .platform/kafka.
KAFKA_HOME="$STATE/kafka"
KAFKA_LIB="$KAFKA_HOME/lib"

kafka_java() { java -Xmx256m -cp "$KAFKA_LIB/*" "$@"; }

kafka_install() {
  [ -f "$KAFKA_HOME/lib.ok" ] && return
  say "kafka: resolving the broker jars (once; cached in ~/.m2)"
  rm -rf "$KAFKA_LIB"
  "$ROOT/mvnw" -B -q -f "$ROOT/deploy/local/kafka/pom.xml" dependency:copy-dependencies \
      -DincludeScope=runtime -DoutputDirectory="$KAFKA_LIB" >"$LOGS/kafka-install.log" 2>&1 \
    || { show_log kafka-install; die "could not resolve the Kafka jars"; }
  touch "$KAFKA_HOME/lib.ok"
}

kafka_up() {
  if alive kafka && port_open 9092; then say "kafka: already running"; return; fi
  port_open 9092 && die "something else listens on 127.0.0.1:9092; stop it or free the port"
  kafka_install
  mkdir -p "$KAFKA_HOME/data"
  sed "s#@DATA@#$KAFKA_HOME/data#" "$ROOT/deploy/local/kafka/server.properties" >"$KAFKA_HOME/server.properties"
  if [ ! -f "$KAFKA_HOME/data/meta.properties" ]; then
    say "kafka: formatting storage (first start)"
    kafka_java kafka.tools.StorageTool format --standalone -t "$(kafka_java kafka.tools.StorageTool random-uuid)" \
        -c "$KAFKA_HOME/server.properties" >"$LOGS/kafka-format.log" 2>&1 \
      || { show_log kafka-format; die "kafka storage format failed"; }
  fi
  say "kafka: starting on 127.0.0.1:9092"
  spawn kafka java -Xms128m -Xmx512m -XX:+UseSerialGC -Dkafka.logs.dir="$LOGS" \
      -Dlog4j2.configurationFile="$ROOT/deploy/local/kafka/log4j2.yaml" -cp "$KAFKA_LIB/*" kafka.Kafka \
      "$KAFKA_HOME/server.properties"
}

kafka_wait() { wait_until kafka 90 port_open 9092; }

# every topic the services declare in src/main/resources/kafka-topics.txt ("topic partitions")
kafka_topics() {
  local existing declared=() file topic partitions
  existing=$(kafka_java org.apache.kafka.tools.TopicCommand --bootstrap-server 127.0.0.1:9092 --list 2>>"$LOGS/kafka-topics.log") \
    || { show_log kafka-topics; die "cannot list Kafka topics"; }
  for file in "$ROOT"/*/src/main/resources/kafka-topics.txt; do
    [ -f "$file" ] || continue
    while read -r topic partitions _; do
      [[ -z "$topic" || "$topic" == \#* ]] && continue
      if grep -qx "$topic" <<<"$existing"; then continue; fi
      say "kafka: creating topic $topic ($partitions partitions)"
      kafka_java org.apache.kafka.tools.TopicCommand --bootstrap-server 127.0.0.1:9092 --create --if-not-exists \
          --topic "$topic" --partitions "$partitions" --replication-factor 1 >>"$LOGS/kafka-topics.log" 2>&1 \
        || { show_log kafka-topics; die "cannot create topic $topic"; }
    done <"$file"
  done
}

kafka_state() {
  if alive kafka && port_open 9092; then echo ready; elif alive kafka; then echo starting; else echo stopped; fi
}
