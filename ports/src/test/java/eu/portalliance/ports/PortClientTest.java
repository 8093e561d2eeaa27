package eu.portalliance.ports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.portalliance.avro.Party;
import eu.portalliance.avro.SeizureReport;
import eu.portalliance.avro.SubjectType;
import eu.portalliance.avro.SuspiciousContainerEvent;
import eu.portalliance.registry.InMemorySchemaRegistry;
import eu.portalliance.validation.RejectReason;
import eu.portalliance.validation.ValidationException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PortClientTest {
    static SeizureReport seizure() throws Exception {
        return (SeizureReport) JsonLines.parse(JsonLinesTest.SEIZURE, "BEANR");
    }

    @Test
    void seizuresAreKeyedByContainerElseVessel() throws Exception {
        assertThat(PortClient.keyOf(seizure())).isEqualTo("CSQU3054383");
        assertThat(PortClient.keyOf(SeizureReport.newBuilder(seizure()).setContainerNumber(null).setVesselImo("9074729").build()))
                .isEqualTo("9074729");
    }

    @Test
    void suspicionsAreKeyedByTheirSubject() {
        SuspiciousContainerEvent.Builder b = SuspiciousContainerEvent.newBuilder().setEventId("x").setReportingPort("BEANR")
                .setAgency(eu.portalliance.avro.Agency.CUSTOMS).setEventTime(Instant.EPOCH).setIndicators(java.util.List.of())
                .setHandlingCode(eu.portalliance.avro.HandlingCode.TLP_GREEN)
                .setContainerNumber("CSQU3054383").setVesselImo("9074729").setBillOfLading("BL1")
                .setParty(Party.newBuilder().setName("ACME").setEori("NL1").build());
        assertThat(PortClient.keyOf(b.setSubjectType(SubjectType.CONTAINER).build())).isEqualTo("CSQU3054383");
        assertThat(PortClient.keyOf(b.setSubjectType(SubjectType.VESSEL).build())).isEqualTo("9074729");
        assertThat(PortClient.keyOf(b.setSubjectType(SubjectType.BILL_OF_LADING).build())).isEqualTo("BL1");
        assertThat(PortClient.keyOf(b.setSubjectType(SubjectType.PARTY).build())).isEqualTo("NL1");
    }

    @Test
    void invalidEventsAreRefusedBeforeTheyLeave() throws Exception {
        Clock clock = Clock.fixed(Instant.parse("2024-06-01T00:00:00Z"), ZoneOffset.UTC);
        // Nothing listens on this address: a refused event never reaches the network.
        try (PortClient client = new PortClient("BEANR", Map.of("bootstrap.servers", "127.0.0.1:1"), new InMemorySchemaRegistry(), clock)) {
            assertThatThrownBy(() -> client.publish(SeizureReport.newBuilder(seizure()).setContainerNumber("CSQU3054384").build()))
                    .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.reason()).isEqualTo(RejectReason.INVALID_CONTAINER_NUMBER));
            assertThatThrownBy(() -> client.publish(SeizureReport.newBuilder(seizure()).setReportingPort("NLRTM").build()))
                    .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.reason()).isEqualTo(RejectReason.PORT_MISMATCH));
            assertThatThrownBy(() -> client.publish(SeizureReport.newBuilder(seizure()).setEventTime(Instant.parse("2024-06-03T00:00:00Z")).build()))
                    .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.reason()).isEqualTo(RejectReason.FUTURE_EVENT_TIME));
        }
    }

    @Test
    void oversizedAndAbsurdEventsAreRefusedBeforeTheyLeave() throws Exception {
        Clock clock = Clock.fixed(Instant.parse("2024-06-01T00:00:00Z"), ZoneOffset.UTC);
        try (PortClient client = new PortClient("BEANR", Map.of("bootstrap.servers", "127.0.0.1:1"), new InMemorySchemaRegistry(), clock)) {
            assertThatThrownBy(() -> client.publish(SeizureReport.newBuilder(seizure()).setNote("x".repeat(5_000_000)).build()))
                    .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.reason()).isEqualTo(RejectReason.TOO_LARGE))
                    .hasMessageContaining("note is 5000000 characters long");
            assertThatThrownBy(() -> client.publish(SeizureReport.newBuilder(seizure()).setKilograms(100_000).build()))
                    .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.reason()).isEqualTo(RejectReason.INVALID_VALUE))
                    .hasMessageContaining("check the unit");
            assertThatThrownBy(() -> client.publish(SeizureReport.newBuilder(seizure()).setEventTime(Instant.ofEpochSecond(1_717_200_000L / 1000)).build()))
                    .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.reason()).isEqualTo(RejectReason.STALE_EVENT_TIME));
        }
    }
}
