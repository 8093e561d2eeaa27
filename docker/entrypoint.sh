#!/bin/sh
# Writes the Kafka client settings of this container's principal from the environment (never from the image),
# then runs the alliance CLI with them.
set -eu
if [ -n "${ALLIANCE_SASL_USER:-}" ]; then
  : "${ALLIANCE_SASL_PASSWORD:?ALLIANCE_SASL_PASSWORD must be set with ALLIANCE_SASL_USER}"
  umask 077
  # On the cluster every link is TLS from the cluster's CA (ALLIANCE_KAFKA_CA); without it, SASL_PLAINTEXT.
  if [ -n "${ALLIANCE_KAFKA_CA:-}" ]; then
    printf 'security.protocol=SASL_SSL\nssl.truststore.type=PEM\nssl.truststore.location=%s\n' "$ALLIANCE_KAFKA_CA" > /tmp/client.properties
  else
    printf 'security.protocol=SASL_PLAINTEXT\n' > /tmp/client.properties
  fi
  cat >> /tmp/client.properties <<PROPS
sasl.mechanism=SCRAM-SHA-512
sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="${ALLIANCE_SASL_USER}" password="${ALLIANCE_SASL_PASSWORD}";
PROPS
  case "${1:-}" in
    topology|provision|alerts|outcome|publish|simulate) set -- "$@" --client-config /tmp/client.properties ;;
  esac
fi
# shellcheck disable=SC2086
exec java ${ALLIANCE_JAVA_OPTS} -jar /opt/alliance/alliance.jar "$@"
