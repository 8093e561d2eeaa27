package eu.portalliance.serde;

/** Confluent's wire format: magic byte 0, the writer schema's registry id as a 4-byte big-endian int, Avro binary. */
public final class WireFormat {
    public static final byte MAGIC = 0;
    public static final int HEADER_SIZE = 5;

    private WireFormat() {
    }

    /** Subject naming as Confluent's default TopicNameStrategy: {@code <topic>-key} or {@code <topic>-value}. */
    public static String subject(String topic, boolean isKey) {
        return topic + (isKey ? "-key" : "-value");
    }
}
