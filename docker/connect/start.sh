#!/bin/sh
# Starts the Connect worker with the alliance's configs, filling in cluster addresses and secrets from the environment.
set -eu
umask 077
W=/var/lib/alliance/worker.properties
S=/var/lib/alliance/alerts-jdbc-sink.properties
sed -e 's|^bootstrap.servers=.*|bootstrap.servers=kafka-1:9092,kafka-2:9092,kafka-3:9092|' \
    -e 's|^value.converter.schema.registry.url=.*|value.converter.schema.registry.url=https://schema-registry:8081|' \
    -e 's|^offset.storage.file.filename=.*|offset.storage.file.filename=/var/lib/alliance/connect-offsets|' \
    -e 's|^listeners=.*|listeners=http://0.0.0.0:8083|' \
    -e 's|^plugin.path=.*|plugin.path=/opt/alliance/connectors/target/plugins|' \
    /opt/alliance/connectors/config/worker.properties > "$W"
JAAS="org.apache.kafka.common.security.scram.ScramLoginModule required username=\"connect\" password=\"${CONNECT_PASSWORD}\";"
# The registry's credentials and CA reach the converter from ALLIANCE_REGISTRY_USER_INFO and ALLIANCE_REGISTRY_CA.
for prefix in "" "producer." "consumer."; do
  printf '%ssecurity.protocol=SASL_SSL\n%sssl.truststore.type=PEM\n%sssl.truststore.location=%s\n' "$prefix" "$prefix" "$prefix" "${ALLIANCE_KAFKA_CA:?}" >> "$W"
  printf '%ssasl.mechanism=SCRAM-SHA-512\n%ssasl.jaas.config=%s\n' "$prefix" "$prefix" "$JAAS" >> "$W"
done
sed -e 's|^connection.url=.*|connection.url=jdbc:postgresql://postgres:5432/alliance|' \
    -e "s|^connection.password=.*|connection.password=${POSTGRES_PASSWORD}|" \
    -e 's|^value.converter.schema.registry.url=.*|value.converter.schema.registry.url=https://schema-registry:8081|' \
    /opt/alliance/connectors/config/alerts-jdbc-sink.properties > "$S"
exec java ${ALLIANCE_JAVA_OPTS:-} -jar /opt/alliance/alliance.jar connect --worker "$W" --connector "$S"
