#!/usr/bin/python3
"""A port system in Python joining the alliance with Confluent's own client (confluent-kafka, librdkafka).

Publishes a port's events in the Confluent wire format with the schema the registry holds for the port's topic,
and reads the port's own alerts. Any librdkafka version works: the settings file that `bin/alliance up --secure`
writes for each port (data/clients/port-<LOCODE>.librdkafka.properties) uses SASL/PLAIN inside TLS.

  alliance_port.py publish --config FILE --registry URL --port LOCODE --events FILE.json [--schema FILE.avsc]
  alliance_port.py alerts  --config FILE --registry URL --port LOCODE [--idle SECONDS]
  alliance_port.py read    --config FILE --registry URL --topic TOPIC [--idle SECONDS]

publish takes a JSON list of SeizureReport records (eventTime as ISO-8601 UTC, enums as their symbols) and, with
--schema, writes them with that schema instead (a port that moved to a newer, compatible version). alerts and read
print one JSON object per record and stop when nothing new arrived for --idle seconds. Errors are one line on
stderr, exit code 2.
"""
import argparse
import datetime
import json
import sys

from confluent_kafka import Consumer, KafkaError, KafkaException, Producer, TopicPartition
from confluent_kafka.avro import CachedSchemaRegistryClient
from confluent_kafka.avro.error import ClientError
from confluent_kafka.avro.load import loads
from confluent_kafka.avro.serializer.message_serializer import MessageSerializer


def fail(message):
    print("alliance-port: " + message, file=sys.stderr)
    sys.exit(2)


def librdkafka_settings(path):
    settings = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith("#") and "=" in line:
                key, value = line.split("=", 1)
                settings[key.strip()] = value.strip()
    return settings


def to_avro_datum(record, schema):
    """JSON as people write it -> the datum Python's Avro writes: times as datetimes."""
    out = dict(record)
    for field in schema.fields:
        logical = getattr(field.type, "logical_type", None) or getattr(field.type, "get_prop", lambda _: None)("logicalType")
        if logical == "timestamp-millis" and isinstance(out.get(field.name), str):
            out[field.name] = datetime.datetime.fromisoformat(out[field.name].replace("Z", "+00:00"))
    return out


def json_default(value):
    if isinstance(value, datetime.datetime):
        return value.astimezone(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"
    if isinstance(value, bytes):
        return value.hex()
    return str(value)


def publish(args, settings, registry):
    topic = "ports.%s.seizures.v1" % args.port
    subject = topic + "-value"
    if args.schema:
        with open(args.schema, encoding="utf-8") as f:
            schema = loads(f.read())
    else:
        _, schema, _ = registry.get_latest_schema(subject)
        if schema is None:
            fail("the registry has no schema for %s: is port %s admitted (bin/alliance port add)?" % (subject, args.port))
    serializer = MessageSerializer(registry)
    with open(args.events, encoding="utf-8") as f:
        events = json.load(f)
    failures = []

    def delivered(err, msg):
        if err is not None:
            failures.append(err)

    producer = Producer(dict(settings, **{"enable.idempotence": True, "acks": "all"}))
    for event in events:
        try:
            value = serializer.encode_record_with_schema(topic, schema, to_avro_datum(event, schema))
        except ClientError as e:
            fail("the registry refused the schema for %s: %s" % (subject, e))
        producer.produce(topic, key=event.get("containerNumber") or event["eventId"], value=value, on_delivery=delivered)
        producer.poll(0)
    producer.flush(30)
    if failures:
        fail("not published to %s: %s" % (topic, failures[0].str()))
    print("published %d event(s) to %s" % (len(events), topic))


def read(topic, settings, registry, idle, group):
    serializer = MessageSerializer(registry)
    consumer = Consumer(dict(settings, **{"group.id": group, "enable.auto.commit": False,
                                          "isolation.level": "read_committed", "auto.offset.reset": "earliest"}))
    try:
        metadata = consumer.list_topics(topic, timeout=15)
        described = metadata.topics[topic]
        if described.error is not None:
            if described.error.code() == KafkaError.TOPIC_AUTHORIZATION_FAILED:
                fail("not authorised to read %s: a port reads its own alerts only" % topic)
            fail("cannot read %s: %s" % (topic, described.error.str()))
        consumer.assign([TopicPartition(topic, p, 0) for p in described.partitions])
        quiet = 0.0
        while quiet < idle:
            msg = consumer.poll(0.5)
            if msg is None:
                quiet += 0.5
                continue
            if msg.error():
                if msg.error().code() == KafkaError.TOPIC_AUTHORIZATION_FAILED:
                    fail("not authorised to read %s: a port reads its own alerts only" % topic)
                fail("cannot read %s: %s" % (topic, msg.error().str()))
            quiet = 0.0
            print(json.dumps(serializer.decode_message(msg.value()), default=json_default, sort_keys=True))
    except KafkaException as e:
        fail("cannot read %s: %s" % (topic, e))
    finally:
        consumer.close()


def main():
    parser = argparse.ArgumentParser(description="A port system joining the alliance with confluent-kafka.")
    parser.add_argument("command", choices=["publish", "alerts", "read"])
    parser.add_argument("--config", required=True, help="librdkafka settings (data/clients/port-<LOCODE>.librdkafka.properties)")
    parser.add_argument("--registry", required=True, help="schema registry URL")
    parser.add_argument("--port", help="the port's UN/LOCODE")
    parser.add_argument("--topic", help="read: the topic to read")
    parser.add_argument("--events", help="publish: a JSON file with a list of SeizureReport records")
    parser.add_argument("--schema", help="publish: write with this schema (.avsc) instead of the registry's latest")
    parser.add_argument("--idle", type=float, default=5.0, help="stop reading after this many quiet seconds (default 5)")
    args = parser.parse_args()
    settings = librdkafka_settings(args.config)
    registry = CachedSchemaRegistryClient({"url": args.registry})
    if args.command == "publish":
        if not args.port or not args.events:
            fail("publish needs --port and --events")
        publish(args, settings, registry)
    elif args.command == "alerts":
        if not args.port:
            fail("alerts needs --port")
        read("ports.%s.alerts.v1" % args.port, settings, registry, args.idle, "port-%s-python" % args.port)
    else:
        if not args.topic:
            fail("read needs --topic")
        read(args.topic, settings, registry, args.idle, "alliance-python-reader")


if __name__ == "__main__":
    main()
