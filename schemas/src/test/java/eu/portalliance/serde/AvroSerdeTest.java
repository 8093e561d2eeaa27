package eu.portalliance.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.portalliance.avro.Agency;
import eu.portalliance.avro.Concealment;
import eu.portalliance.avro.DetectionMethod;
import eu.portalliance.avro.DrugType;
import eu.portalliance.avro.HandlingCode;
import eu.portalliance.avro.Party;
import eu.portalliance.avro.Route;
import eu.portalliance.avro.SeizureReport;
import eu.portalliance.registry.InMemorySchemaRegistry;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class AvroSerdeTest {
    private final InMemorySchemaRegistry registry = new InMemorySchemaRegistry();

    static SeizureReport seizure() {
        return SeizureReport.newBuilder()
                .setEventId("BEANR-SZ-1").setReportingPort("BEANR").setAgency(Agency.CUSTOMS)
                .setEventTime(Instant.parse("2024-03-01T10:15:30Z"))
                .setContainerNumber("CSQU3054383").setVesselImo("9074729")
                .setRoute(Route.newBuilder().setPortOfLoading("ECGYE").setTransshipmentPorts(List.of("PAMIT")).build())
                .setDeclaredHsCode("0803")
                .setConsignee(Party.newBuilder().setName("Fruit Import BV").setEori("NL123456789").build())
                .setDrugType(DrugType.COCAINE).setPackages(120).setKilograms(142.5)
                .setConcealment(Concealment.RIP_ON_RIP_OFF).setDetection(DetectionMethod.SCAN_XRAY)
                .setReefer(true).setHandlingCode(HandlingCode.TLP_AMBER)
                .build();
    }

    @Test
    void roundTripsASeizureThroughTheWireFormat() {
        AvroSerde<SeizureReport> serde = AvroSerde.value(registry, SeizureReport.class);
        SeizureReport in = seizure();
        byte[] bytes = serde.serializer().serialize("ports.BEANR.seizures.v1", in);
        SeizureReport out = serde.deserializer().deserialize("ports.BEANR.seizures.v1", bytes);
        assertThat(out).isEqualTo(in);
        assertThat(out.getEventTime()).isEqualTo(Instant.parse("2024-03-01T10:15:30Z"));
        assertThat(registry.subjects()).containsExactly("ports.BEANR.seizures.v1-value");
    }

    @Test
    void writesExactlyTheConfluentBytes() {
        // Register something first so the id is not 1 and the test would notice a hard-wired id.
        registry.register("other-value", Schema.create(Schema.Type.STRING));
        AvroSerializer<Party> serializer = new AvroSerializer<>(registry, false, true);
        Party party = Party.newBuilder().setName("ACME").setCountry("BE").build();

        byte[] bytes = serializer.serialize("parties", party);

        int id = registry.lookup("parties-value", Party.getClassSchema()).id();
        assertThat(id).isEqualTo(2);
        byte[] expected = {
            0,                  // magic byte
            0, 0, 0, 2,         // schema id, big-endian
            8, 'A', 'C', 'M', 'E', // name: zig-zag length 4, then UTF-8
            0,                  // eori: union branch 0 (null)
            2, 4, 'B', 'E'      // country: union branch 1, zig-zag length 2, "BE"
        };
        assertThat(bytes).containsExactly(expected);
    }

    @Test
    void aWriteThatFailsHalfwayLeavesNothingForTheNextRecordOnTheThread() {
        // The encoder is reused per thread: what a failed write had buffered must not open the next record's bytes.
        AvroSerializer<SeizureReport> seizures = new AvroSerializer<>(registry, false, true);
        SeizureReport broken = seizure();
        broken.setDrugType(null); // required, and written after the event id, port, time, container and route
        assertThatThrownBy(() -> seizures.serialize("t", broken)).isInstanceOf(SerializationException.class)
                .hasMessageContaining("SeizureReport");
        AvroSerializer<Party> parties = new AvroSerializer<>(registry, false, true);
        byte[] bytes = parties.serialize("parties", Party.newBuilder().setName("ACME").build());
        int id = registry.lookup("parties-value", Party.getClassSchema()).id();
        assertThat(bytes).containsExactly(0, 0, 0, 0, id, 8, 'A', 'C', 'M', 'E', 0, 0);
        assertThat(new AvroDeserializer<>(registry, Party.class).deserialize("parties", bytes).getName()).isEqualTo("ACME");
    }

    @Test
    void readsRecordsWrittenWithAnOlderSchema() throws Exception {
        Schema v1 = new Schema.Parser().parse("""
                {"type":"record","name":"Party","namespace":"eu.portalliance.avro","fields":[
                 {"name":"name","type":"string"}]}""");
        int id = registry.register("parties-value", v1);
        GenericRecord old = new GenericData.Record(v1);
        old.put("name", "Old Shipper SA");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0);
        out.write(ByteBuffer.allocate(4).putInt(id).array());
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new GenericDatumWriter<GenericRecord>(v1).write(old, encoder);
        encoder.flush();

        Party read = new AvroDeserializer<>(registry, Party.class).deserialize("parties", out.toByteArray());

        assertThat(read.getName()).isEqualTo("Old Shipper SA");
        assertThat(read.getEori()).isNull();
        assertThat(read.getCountry()).isNull();
    }

    @Test
    void picksTheGeneratedClassFromTheWriterSchemaWhenNoTypeIsGiven() {
        byte[] bytes = new AvroSerializer<SeizureReport>(registry, false, true).serialize("t", seizure());
        Object read = new AvroDeserializer<>(registry, null).deserialize("t", bytes);
        assertThat(read).isInstanceOf(SeizureReport.class).isEqualTo(seizure());
    }

    @Test
    void rejectsBytesWithoutTheMagicByte() {
        AvroDeserializer<Party> deserializer = new AvroDeserializer<>(registry, Party.class);
        assertThatThrownBy(() -> deserializer.deserialize("t", "{\"name\":\"x\"}".getBytes()))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("not in the Confluent Avro wire format");
    }

    @Test
    void rejectsAnUnknownSchemaId() {
        AvroDeserializer<Party> deserializer = new AvroDeserializer<>(registry, Party.class);
        assertThatThrownBy(() -> deserializer.deserialize("t", new byte[] {0, 0, 0, 0, 42, 8}))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("schema id 42");
    }

    @Test
    void rejectsTruncatedAvro() {
        byte[] bytes = new AvroSerializer<Party>(registry, false, true).serialize("t", Party.newBuilder().setName("ACME").build());
        byte[] truncated = java.util.Arrays.copyOf(bytes, 7);
        assertThatThrownBy(() -> new AvroDeserializer<>(registry, Party.class).deserialize("t", truncated))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("not valid Avro");
    }

    @Test
    void nullIsATombstoneBothWays() {
        AvroSerde<Party> serde = AvroSerde.value(registry, Party.class);
        assertThat(serde.serializer().serialize("t", null)).isNull();
        assertThat(serde.deserializer().deserialize("t", null)).isNull();
    }

    @Test
    void withoutAutoRegistrationAnUnregisteredSchemaIsAClearError() {
        AvroSerializer<Party> serializer = new AvroSerializer<>(registry, false, false);
        assertThatThrownBy(() -> serializer.serialize("t", Party.newBuilder().setName("x").build()))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("t-value");
    }
}
