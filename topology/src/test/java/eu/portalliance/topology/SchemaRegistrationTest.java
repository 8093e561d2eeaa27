package eu.portalliance.topology;

import static eu.portalliance.topology.Events.T0;
import static eu.portalliance.topology.Events.seizure;
import static org.assertj.core.api.Assertions.assertThat;

import eu.portalliance.avro.Alert;
import eu.portalliance.avro.AlertOutcome;
import eu.portalliance.avro.CheckPerformed;
import eu.portalliance.avro.OutcomeResult;
import eu.portalliance.topics.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A schema registration is a registry round trip; none may happen inside a transaction, so all happen at start. */
class SchemaRegistrationTest {
    @TempDir
    Path dir;

    @Test
    void everySubjectTheTopologyWritesIsRegisteredBeforeItProcessesAnything() {
        AllianceConfig config = TopologyFixture.config(dir);
        try (TopologyFixture t = new TopologyFixture(config)) {
            Set<String> atStart = Set.copyOf(t.registry.subjects());
            String app = config.applicationId();
            assertThat(atStart).contains(Topics.ALERTS + "-value", Topics.AUDIT + "-value", Topics.RULE_PRECISION + "-value",
                    app + "-sightings-by-entity-repartition-value", app + "-sightings-by-route-repartition-value",
                    app + "-entity-sightings-changelog-value", app + "-route-windows-changelog-value");

            // Every path that writes: sightings, both repartitions, an alert and its deliveries, an outcome, precision.
            t.seizure(seizure("BEANR-1", "BEANR", T0).setVesselImo(null).build());
            t.seizure(seizure("NLRTM-1", "NLRTM", T0.plus(Duration.ofDays(1))).setVesselImo(null).build());
            Alert alert = t.readAlerts().get(0);
            t.outcome(AlertOutcome.newBuilder().setAlertId(alert.getAlertId()).setPort("NLRTM").setReportedAt(T0.plus(Duration.ofDays(2)))
                    .setCheckPerformed(CheckPerformed.PHYSICAL).setOutcome(OutcomeResult.CONFIRMED).setKilogramsSeized(50).build());
            assertThat(t.precision().readValuesToList()).isNotEmpty();

            Set<String> writtenLater = new HashSet<>(t.registry.subjects());
            writtenLater.removeAll(atStart);
            // Left: the inputs this test published, and the recipients' own feeds (registered by AllianceStreams at start
            // for every feed that exists, and by port add for a new port).
            writtenLater.removeIf(s -> Topics.PORT_EVENTS.matcher(s.replace("-value", "")).matches()
                    || Topics.PORT_OUTCOMES.matcher(s.replace("-value", "")).matches()
                    || Topics.isRecipientAlertsTopic(s.replace("-value", "")));
            assertThat(writtenLater).isEmpty();
        }
    }
}
