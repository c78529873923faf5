#!/bin/bash
# kafka-configs.sh of the Kafka distribution, on this image's classpath.
exec java -Xmx128m -cp "$KAFKA_CLASSPATH" -Dlog4j2.configurationFile=/opt/kafka/config/log4j2.properties \
  kafka.admin.ConfigCommand "$@"
