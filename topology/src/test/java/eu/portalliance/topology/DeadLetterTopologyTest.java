package eu.portalliance.topology;

import eu.portalliance.topics.Topics.DlqHeaders;
import static eu.portalliance.topology.Events.T0;
import static eu.portalliance.topology.Events.seizure;
import static eu.portalliance.topology.Events.suspicion;
import static org.assertj.core.api.Assertions.assertThat;

import eu.portalliance.avro.SeizureReport;
import eu.portalliance.avro.SuspiciousContainerEvent;
import eu.portalliance.avro.Route;
import eu.portalliance.topics.Topics;
import eu.portalliance.validation.RejectReason;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every reject reason: the record lands on the DLQ with its original bytes and why, and the pipeline goes on. */
class DeadLetterTopologyTest {
    @TempDir
    Path dir;
    TopologyFixture t;

    @BeforeEach
    void start() {
        t = new TopologyFixture(TopologyFixture.config(dir));
    }

    @AfterEach
    void stop() {
        t.close();
    }

    static Stream<Arguments> badSeizures() {
        return Stream.of(
                bad(RejectReason.MISSING_FIELD, "eventId is missing", b -> b.setEventId(" ")),
                bad(RejectReason.MISSING_FIELD, "containerNumber and vesselImo are both missing",
                        b -> b.setContainerNumber(null).setVesselImo(null)),
                bad(RejectReason.INVALID_CONTAINER_NUMBER, "ISO 6346 gives 3", b -> b.setContainerNumber("CSQU3054384")),
                bad(RejectReason.INVALID_IMO, "vesselImo: IMO number '9074728'", b -> b.setVesselImo("9074728")),
                bad(RejectReason.INVALID_LOCODE, "route.portOfLoading", b -> b.setRoute(
                        Route.newBuilder().setPortOfLoading("EC-GYE").setTransshipmentPorts(List.of()).build())),
                bad(RejectReason.INVALID_LOCODE, "nextPortsOfCall", b -> b.setNextPortsOfCall(List.of("QQXYZ"))),
                bad(RejectReason.FUTURE_EVENT_TIME, "ahead of the alliance clock",
                        b -> b.setEventTime(TopologyFixture.WALL_CLOCK.plus(Duration.ofHours(25)))),
                bad(RejectReason.INVALID_VALUE, "kilograms -5.0", b -> b.setKilograms(-5)),
                // Bounded input: absurd values and more than one event may carry.
                bad(RejectReason.INVALID_VALUE, "kilograms 100000.0 is more than 50000", b -> b.setKilograms(100_000)),
                bad(RejectReason.STALE_EVENT_TIME, "is before 2000-01-01", b -> b.setEventTime(java.time.Instant.ofEpochMilli(1_709_280_000L))),
                bad(RejectReason.TOO_LARGE, "sharedWith has 10000 entries", b -> b.setSharedWith(
                        java.util.stream.IntStream.range(0, 10_000).mapToObj(i -> "ORG-" + i).toList())),
                bad(RejectReason.TOO_LARGE, "nextPortsOfCall has 10000 entries", b -> b.setNextPortsOfCall(
                        java.util.Collections.nCopies(10_000, "NLRTM"))),
                bad(RejectReason.TOO_LARGE, "note is 5000000 characters long", b -> b.setNote("x".repeat(5_000_000))));
    }

    static Arguments bad(RejectReason reason, String message, UnaryOperator<SeizureReport.Builder> change) {
        return Arguments.of(reason, message, change);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("badSeizures")
    void invalidSeizureGoesToTheDlqWithItsOriginalBytesAndReason(RejectReason reason, String message,
                                                                UnaryOperator<SeizureReport.Builder> change) {
        SeizureReport bad = change.apply(seizure("BEANR-BAD", "BEANR", T0)).build();
        byte[] original = t.bytesOf("BEANR", bad);
        t.rawSeizures("BEANR").pipeInput("key-1", original);

        TestRecord<byte[], byte[]> dead = t.dlq.readRecord();
        assertThat(dead.value()).isEqualTo(original);
        assertThat(new String(dead.key(), StandardCharsets.UTF_8)).isEqualTo("key-1");
        assertThat(header(dead, DlqHeaders.REASON)).isEqualTo(reason.name());
        assertThat(header(dead, DlqHeaders.MESSAGE)).contains(message).doesNotContain("\n");
        assertThat(header(dead, DlqHeaders.SOURCE_TOPIC)).isEqualTo(Topics.seizures("BEANR"));
        assertThat(header(dead, DlqHeaders.SOURCE_PARTITION)).isEqualTo("0");
        assertThat(header(dead, DlqHeaders.SOURCE_OFFSET)).isEqualTo("0");
        assertThat(t.rejects.count(reason)).isEqualTo(1);
        assertThat(t.dlq.isEmpty()).isTrue();
        assertPipelineStillCorrelates();
    }

    @Test
    void unreadableBytesGoToTheDlq() {
        // TopologyTestDriver loses dead letters written while deserializing under exactly-once (its mock
        // producer has no open transaction then); a real broker does not, see the platform's end-to-end test.
        t.close();
        Properties atLeastOnce = new Properties();
        atLeastOnce.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.AT_LEAST_ONCE);
        t = new TopologyFixture(TopologyFixture.config(dir.resolve("alo")), atLeastOnce);

        byte[] garbage = "{\"eventId\":\"not avro\"}".getBytes(StandardCharsets.UTF_8);
        t.rawSeizures("NLRTM").pipeInput("k", garbage);
        TestRecord<byte[], byte[]> dead = t.dlq.readRecord();
        assertThat(dead.value()).isEqualTo(garbage);
        assertThat(header(dead, DlqHeaders.REASON)).isEqualTo("UNREADABLE");
        assertThat(header(dead, DlqHeaders.MESSAGE)).contains("not in the Confluent Avro wire format");
        assertThat(header(dead, DlqHeaders.SOURCE_TOPIC)).isEqualTo(Topics.seizures("NLRTM"));
        assertThat(t.rejects.count(RejectReason.UNREADABLE)).isEqualTo(1);
        assertPipelineStillCorrelates();
    }

    @Test
    void aPortReportsOnlyForItself() {
        SeizureReport rotterdams = seizure("NLRTM-1", "NLRTM", T0).build();
        t.seizure("BEANR", rotterdams);
        TestRecord<byte[], byte[]> dead = t.dlq.readRecord();
        assertThat(header(dead, DlqHeaders.REASON)).isEqualTo("PORT_MISMATCH");
        assertThat(header(dead, DlqHeaders.MESSAGE)).contains("reporting port NLRTM differs from the topic's port BEANR");
        assertPipelineStillCorrelates();
    }

    @Test
    void suspicionWithoutItsSubjectOrIndicatorsIsRejected() {
        SuspiciousContainerEvent noIndicators = suspicion("BEANR-S1", "BEANR", T0).setIndicators(List.of()).build();
        SuspiciousContainerEvent noSubject = suspicion("BEANR-S2", "BEANR", T0).setContainerNumber(null).build();
        t.suspicion(noIndicators);
        t.suspicion(noSubject);
        List<TestRecord<byte[], byte[]>> dead = t.dlq.readRecordsToList();
        assertThat(dead).extracting(r -> header(r, DlqHeaders.REASON)).containsExactly("INVALID_VALUE", "MISSING_FIELD");
        assertThat(header(dead.get(1), DlqHeaders.MESSAGE)).contains("containerNumber (subjectType CONTAINER) is missing");
    }

    @Test
    void theDlqKeepsTheProducersOwnHeaders() {
        SeizureReport bad = seizure("BEANR-BAD", "BEANR", T0).setContainerNumber("CSQU3054384").build();
        TestRecord<String, byte[]> in = new TestRecord<>("k", t.bytesOf("BEANR", bad));
        in.headers().add("traceparent", "00-abc-01".getBytes(StandardCharsets.UTF_8));
        t.driver.createInputTopic(Topics.seizures("BEANR"), new StringSerializer(),
                new org.apache.kafka.common.serialization.ByteArraySerializer()).pipeInput(in);
        assertThat(header(t.dlq.readRecord(), "traceparent")).isEqualTo("00-abc-01");
    }

    private void assertPipelineStillCorrelates() {
        t.seizure(seizure("BEANR-OK", "BEANR", T0).setVesselImo(null).setConsignee(null).build());
        t.seizure(seizure("NLRTM-OK", "NLRTM", T0.plusSeconds(60)).setVesselImo(null).setConsignee(null).build());
        assertThat(t.readAlerts()).extracting(a -> a.getSourceEventIds()).containsExactly(List.of("BEANR-OK", "NLRTM-OK"));
    }

    private static String header(TestRecord<byte[], byte[]> record, String name) {
        Header h = record.headers().lastHeader(name);
        assertThat(h).as("header " + name).isNotNull();
        return new String(h.value(), StandardCharsets.UTF_8);
    }
}
