#!/bin/sh
# The cluster's own certificate authority and the certificates it signs, for SASL_SSL between every client and
# broker (and between brokers and controllers) and HTTPS on the schema registry.
#
#   docker/certs/make-certs.sh [--out DIR] [--public-host NAME]    first run: a new CA, then every certificate
#   docker/certs/make-certs.sh --renew                              new service certificates from the same CA
#   docker/certs/make-certs.sh --new-ca                             a new CA; ca.crt trusts the old one too
#
# Writes into docker/certs/ by default (ignored by git: nothing generated is committed):
#   ca.crt                 what every client trusts (ports get this file; librdkafka: ssl.ca.location)
#   ca.key                 the CA's private key: keep it off the cluster's machines after signing
#   kafka-N.pem            broker N's private key and certificate chain (Kafka's PEM key store)
#   schema-registry.p12    the registry's key store, password from REGISTRY_KEYSTORE_PASSWORD (docker/.env)
# Broker certificates name kafka-N and, with --public-host, the name ports use from outside the cluster.
#
# Rotation: --renew re-signs every service certificate with the existing CA (clients change nothing; restart the
# brokers one at a time, then the registry). --new-ca makes a new CA and writes ca.crt with both CAs, so clients
# that take the new ca.crt trust old and new certificates alike; hand ports the new ca.crt, then run --renew,
# restart one broker at a time, and finally drop the old CA from ca.crt (delete ca-previous.crt and run --renew).
set -eu
OUT="$(cd "$(dirname "$0")" && pwd)"
PUBLIC_HOST=""
MODE=first
while [ $# -gt 0 ]; do
  case "$1" in
    --out) OUT="$2"; shift 2 ;;
    --public-host) PUBLIC_HOST="$2"; shift 2 ;;
    --renew) MODE=renew; shift ;;
    --new-ca) MODE=new-ca; shift ;;
    *) echo "make-certs.sh: unknown argument $1 (see the comment at the top of this script)" >&2; exit 2 ;;
  esac
done
command -v openssl >/dev/null 2>&1 || { echo "make-certs.sh: needs openssl (apt-get install openssl)" >&2; exit 2; }
ENV_FILE="$(cd "$(dirname "$0")/.." && pwd)/.env"
if [ -z "${REGISTRY_KEYSTORE_PASSWORD+set}" ] && [ -f "$ENV_FILE" ]; then
  REGISTRY_KEYSTORE_PASSWORD="$(grep '^REGISTRY_KEYSTORE_PASSWORD' "$ENV_FILE" | cut -d= -f2-)"
fi
: "${REGISTRY_KEYSTORE_PASSWORD:?set REGISTRY_KEYSTORE_PASSWORD (docker/.env) before making the registry key store}"
mkdir -p "$OUT"
umask 077
cd "$OUT"

case "$MODE" in
  first)
    if [ -f ca.key ]; then
      echo "make-certs.sh: $OUT already has a CA; use --renew or --new-ca" >&2
      exit 2
    fi
    ;;
  renew)
    [ -f ca.key ] || { echo "make-certs.sh: no CA in $OUT to renew from; run without --renew first" >&2; exit 2; }
    ;;
  new-ca)
    [ -f ca.key ] || { echo "make-certs.sh: no CA in $OUT to replace; run without --new-ca first" >&2; exit 2; }
    cp ca-own.crt ca-previous.crt
    rm -f ca.key ca-own.crt
    ;;
esac

if [ ! -f ca.key ]; then
  openssl req -x509 -newkey rsa:3072 -nodes -keyout ca.key -out ca-own.crt -days 3650 -sha256 \
    -subj "/CN=Port Alliance cluster CA $(date -u +%Y-%m-%d)" \
    -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" 2>/dev/null
fi
cat ca-own.crt > ca.crt
[ -f ca-previous.crt ] && cat ca-previous.crt >> ca.crt

sign() { # name, subjectAltName
  openssl req -newkey rsa:2048 -nodes -keyout "$1.key" -out "$1.csr" -subj "/CN=$1" 2>/dev/null
  printf 'basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth,clientAuth\nsubjectAltName=%s\n' "$2" > "$1.ext"
  openssl x509 -req -in "$1.csr" -CA ca-own.crt -CAkey ca.key -CAcreateserial -out "$1.crt" -days 825 -sha256 \
    -extfile "$1.ext" 2>/dev/null
  rm -f "$1.csr" "$1.ext"
}

for n in 1 2 3; do
  san="DNS:kafka-$n,DNS:localhost"
  [ -n "$PUBLIC_HOST" ] && san="$san,DNS:$PUBLIC_HOST"
  sign "kafka-$n" "$san"
  # Kafka's PEM key store: the unencrypted PKCS#8 key, then the certificate chain.
  openssl pkcs8 -topk8 -nocrypt -in "kafka-$n.key" -out "kafka-$n.pk8"
  cat "kafka-$n.pk8" "kafka-$n.crt" ca-own.crt > "kafka-$n.pem"
  rm -f "kafka-$n.key" "kafka-$n.pk8" "kafka-$n.crt"
done

sign schema-registry "DNS:schema-registry,DNS:localhost"
openssl pkcs12 -export -in schema-registry.crt -inkey schema-registry.key -certfile ca-own.crt -name schema-registry \
  -out schema-registry.p12 -passout "pass:$REGISTRY_KEYSTORE_PASSWORD"
rm -f schema-registry.key schema-registry.crt ca-own.srl
# Containers run as their own users: certificates and key stores readable, the CA's key not.
chmod 644 ca.crt ca-own.crt kafka-*.pem schema-registry.p12
[ -f ca-previous.crt ] && chmod 644 ca-previous.crt
echo "make-certs.sh: CA and certificates in $OUT (ca.crt for clients; keep ca.key safe)"
