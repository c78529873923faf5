#!/bin/bash
# Writes server.properties from the KAFKA_* environment (KAFKA_LOG_DIRS -> log.dirs; `__` -> `_`,
# `___` -> `-`; KAFKA_HEAP_OPTS, KAFKA_OPTS and KAFKA_CLUSTER_ID are not properties), formats the
# storage on the first start, then runs the broker in the foreground.
set -euo pipefail
config=/tmp/server.properties
umask 077
: >"$config"
for name in $(compgen -e | grep '^KAFKA_'); do
  case "$name" in
    KAFKA_HEAP_OPTS | KAFKA_OPTS | KAFKA_CLUSTER_ID | KAFKA_CLASSPATH) continue ;;
  esac
  key=$(printf '%s' "${name#KAFKA_}" | tr '[:upper:]' '[:lower:]' | sed -e 's/___/-/g' -e 's/__/@/g' -e 's/_/./g' -e 's/@/_/g')
  printf '%s=%s\n' "$key" "${!name}" >>"$config"
done

logdir=$(sed -n 's/^log\.dirs=//p' "$config")
: "${logdir:=/var/lib/kafka/data}"
if [ ! -f "$logdir/meta.properties" ]; then
  cluster=${KAFKA_CLUSTER_ID:-$(head -c 16 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=' | cut -c1-22)}
  java -cp "$KAFKA_CLASSPATH" -Dlog4j2.configurationFile=/opt/kafka/config/log4j2.properties \
    kafka.tools.StorageTool format -t "$cluster" -c "$config" >/dev/null
fi
# shellcheck disable=SC2086
exec java ${KAFKA_HEAP_OPTS:--Xms256m -Xmx512m} -XX:+UseG1GC ${KAFKA_OPTS:-} \
  -Dlog4j2.configurationFile=/opt/kafka/config/log4j2.properties \
  -cp "$KAFKA_CLASSPATH" kafka.Kafka "$config"
