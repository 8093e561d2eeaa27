package eu.portalliance.platform.chaos;

import eu.portalliance.avro.SeizureReport;
import eu.portalliance.serde.WireFormat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.JsonProperties;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;

/**
 * SeizureReport as a port that moved ahead of the alliance would write it: v2 adds an optional seal number (a
 * compatible change), v3 a required inspector badge without a default (an incompatible one: v3 readers could not read
 * what ports already wrote).
 */
final class EvolvedSeizure {
    static final String SEAL = "sealNumber";
    static final Schema V2 = withField(new Schema.Field(SEAL, Schema.createUnion(Schema.create(Schema.Type.NULL),
            Schema.create(Schema.Type.STRING)), "Seal number found on the container, when recorded.", JsonProperties.NULL_VALUE));
    static final Schema V3 = withField(new Schema.Field("inspectorBadge", Schema.create(Schema.Type.STRING),
            "Badge of the officer who made the seizure.", (Object) null));

    private EvolvedSeizure() {
    }

    private static Schema withField(Schema.Field extra) {
        Schema v1 = SeizureReport.getClassSchema();
        List<Schema.Field> fields = new ArrayList<>();
        v1.getFields().forEach(f -> fields.add(new Schema.Field(f, f.schema())));
        fields.add(extra);
        return Schema.createRecord(v1.getName(), v1.getDoc(), v1.getNamespace(), false, fields);
    }

    /** The v1 event as v2, with a seal number, framed in the Confluent wire format under {@code schemaId}. */
    static byte[] v2(SeizureReport event, int schemaId) throws IOException {
        ByteArrayOutputStream v1Bytes = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(v1Bytes, null);
        new SpecificDatumWriter<SeizureReport>(SeizureReport.getClassSchema()).write(event, encoder);
        encoder.flush();
        GenericRecord asV2 = new GenericDatumReader<GenericRecord>(SeizureReport.getClassSchema(), V2, GenericData.get())
                .read(null, DecoderFactory.get().binaryDecoder(v1Bytes.toByteArray(), null));
        asV2.put(SEAL, "SEAL-" + event.getEventId());

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(WireFormat.MAGIC);
        out.write(ByteBuffer.allocate(4).putInt(schemaId).array());
        BinaryEncoder v2Encoder = EncoderFactory.get().binaryEncoder(out, null);
        new GenericDatumWriter<GenericRecord>(V2, GenericData.get()).write(asV2, v2Encoder);
        v2Encoder.flush();
        return out.toByteArray();
    }
}
