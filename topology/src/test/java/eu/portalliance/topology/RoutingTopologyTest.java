package eu.portalliance.topology;

import static eu.portalliance.topology.Events.T0;
import static eu.portalliance.topology.Events.seizure;
import static org.assertj.core.api.Assertions.assertThat;

import eu.portalliance.avro.Alert;
import eu.portalliance.avro.AlertDelivery;
import eu.portalliance.avro.AlertType;
import eu.portalliance.avro.DeliveryBasis;
import eu.portalliance.avro.EntityType;
import eu.portalliance.avro.HandlingCode;
import eu.portalliance.avro.Party;
import eu.portalliance.avro.PortInfo;
import eu.portalliance.avro.SeizureReport;
import eu.portalliance.avro.Severity;
import eu.portalliance.avro.SubscriberKind;
import eu.portalliance.avro.Subscription;
import eu.portalliance.reference.KnownPorts;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Alerts back to the ports: subscriptions, handling codes (TLP), redaction, audit. */
class RoutingTopologyTest {
    @TempDir
    Path dir;
    TopologyFixture t;
    int containers;

    @BeforeEach
    void start() {
        t = new TopologyFixture(TopologyFixture.config(dir));
        KnownPorts.ALLIANCE.forEach(p -> t.port(p.toAvro()));
    }

    @AfterEach
    void stop() {
        t.close();
    }

    static Subscription.Builder everything(String id) {
        return Subscription.newBuilder().setSubscriberId(id).setKind(SubscriberKind.PORT).setAllianceMember(true);
    }

    /** Two seizures of one container at BEANR and NLRTM, with a named consignee, at the given handling code. */
    private String crossPort(HandlingCode code, List<String> sharedWith) {
        return crossPort(code, sharedWith, T0);
    }

    private String crossPort(HandlingCode code, List<String> sharedWith, java.time.Instant at) {
        containers++;
        String container = eu.portalliance.ids.ContainerNumber.of("RTGU", containers);
        Party consignee = Party.newBuilder().setName("Tropical Traders Ltd").setCountry("BE").build();
        t.seizure(seizure("A-" + containers, "BEANR", at).setContainerNumber(container).setVesselImo(null)
                .setConsignee(consignee).setHandlingCode(code).setSharedWith(sharedWith).build());
        t.seizure(seizure("B-" + containers, "NLRTM", at.plusSeconds(3600)).setContainerNumber(container).setVesselImo(null)
                .setConsignee(null).setHandlingCode(HandlingCode.TLP_GREEN).build());
        return container;
    }

    private List<AlertDelivery> auditOf(String recipient) {
        return t.audit().readValuesToList().stream().filter(d -> d.getRecipient().equals(recipient)).toList();
    }

    private List<Alert> delivered(String subscriber) {
        return t.alertsOf(subscriber).readValuesToList().stream()
                .filter(a -> a.getType() == AlertType.CROSS_PORT_ENTITY && a.getEntityType() == EntityType.CONTAINER).toList();
    }

    @Test
    void greenGoesToTheInvolvedPortsAndEverySubscriberRedactedForOutsiders() {
        t.subscription(everything("DEHAM").build());
        t.subscription(everything("EUROPOL").setKind(SubscriberKind.EUROPOL).setNeedToKnowParties(true).build());
        crossPort(HandlingCode.TLP_GREEN, List.of());

        Alert atAntwerp = delivered("BEANR").get(0);
        assertThat(atAntwerp.getParties()).extracting(Party::getName).containsExactly("Tropical Traders Ltd");
        assertThat(delivered("NLRTM")).hasSize(1);

        Alert atHamburg = delivered("DEHAM").get(0);
        assertThat(atHamburg.getAlertId()).isEqualTo(atAntwerp.getAlertId());
        assertThat(atHamburg.getParties()).hasSize(1);
        assertThat(atHamburg.getParties().get(0).getName()).startsWith("PARTY-REF-").isNotEqualTo("Tropical Traders Ltd");
        assertThat(atHamburg.getSummary()).doesNotContain("Tropical Traders");

        assertThat(delivered("EUROPOL").get(0).getParties()).extracting(Party::getName).containsExactly("Tropical Traders Ltd");

        Map<String, AlertDelivery> audit = t.audit().readValuesToList().stream()
                .filter(d -> d.getAlertId().equals(atAntwerp.getAlertId()))
                .collect(Collectors.toMap(AlertDelivery::getRecipient, d -> d));
        assertThat(audit).containsOnlyKeys("BEANR", "NLRTM", "DEHAM", "EUROPOL");
        assertThat(audit.get("BEANR").getBasis()).isEqualTo(DeliveryBasis.INVOLVED);
        assertThat(audit.get("DEHAM").getBasis()).isEqualTo(DeliveryBasis.SUBSCRIBED);
        assertThat(audit.get("DEHAM").getRedacted()).isTrue();
        assertThat(audit.get("EUROPOL").getRedacted()).isFalse();
        assertThat(audit.get("DEHAM").getTopic()).isEqualTo("ports.DEHAM.alerts.v1");
        assertThat(audit.get("EUROPOL").getTopic()).isEqualTo("subscribers.EUROPOL.alerts.v1");
        assertThat(audit.get("DEHAM").getHandlingCode()).isEqualTo(HandlingCode.TLP_GREEN);
    }

    @Test
    void redNeverReachesANonOriginatingPortEvenOneSubscribedToEverything() {
        t.subscription(everything("DEHAM").build());
        t.subscription(everything("NL-FIOD").setKind(SubscriberKind.NATIONAL_HQ).build());
        t.subscription(everything("EUROPOL").setKind(SubscriberKind.EUROPOL).build());
        crossPort(HandlingCode.TLP_RED, List.of("EUROPOL", "NL-FIOD"));

        assertThat(delivered("BEANR")).hasSize(1);
        assertThat(delivered("NLRTM")).hasSize(1);
        assertThat(delivered("BEANR").isEmpty()).isTrue();
        assertThat(t.alertsOf("DEHAM").isEmpty()).isTrue();
        assertThat(t.alertsOf("NL-FIOD").isEmpty()).isTrue();
        assertThat(delivered("EUROPOL")).hasSize(1);
    }

    @Test
    void redWithoutEuropolNamedStaysWithTheOriginatingPorts() {
        t.subscription(everything("EUROPOL").setKind(SubscriberKind.EUROPOL).build());
        crossPort(HandlingCode.TLP_RED, List.of());
        assertThat(delivered("BEANR")).hasSize(1);
        assertThat(t.alertsOf("EUROPOL").isEmpty()).isTrue();
    }

    @Test
    void amberStrictGoesOnlyToTheOrganisationsInvolved() {
        t.subscription(everything("DEHAM").build());
        t.subscription(everything("NL-FIOD").setKind(SubscriberKind.NATIONAL_HQ).build());
        crossPort(HandlingCode.TLP_AMBER_STRICT, List.of("NL-FIOD"));
        assertThat(delivered("NL-FIOD")).hasSize(1);
        assertThat(t.alertsOf("DEHAM").isEmpty()).isTrue();
    }

    @Test
    void amberGoesToAllianceMembersOnly() {
        t.subscription(everything("DEHAM").build());
        t.subscription(everything("US-HSI").setKind(SubscriberKind.OTHER).setAllianceMember(false).build());
        crossPort(HandlingCode.TLP_AMBER, List.of());
        assertThat(delivered("DEHAM")).hasSize(1);
        assertThat(t.alertsOf("US-HSI").isEmpty()).isTrue();
    }

    @Test
    void subscriptionFiltersByTypeSeverityPortAndOrigin() {
        t.subscription(everything("DEHAM").setAlertTypes(List.of(AlertType.VESSEL_REPEAT)).build());
        t.subscription(everything("FRLEH").setMinimumSeverity(Severity.CRITICAL).build());
        t.subscription(everything("ESALG").setPorts(List.of("NLRTM")).build());
        t.subscription(everything("PTSIE").setPorts(List.of("GRPIR")).build());
        t.subscription(everything("ITGIT").setOrigins(List.of("EC")).build());
        t.subscription(everything("ITGOA").setOrigins(List.of("BR")).build());
        crossPort(HandlingCode.TLP_GREEN, List.of());
        assertThat(t.alertsOf("DEHAM").isEmpty()).isTrue();
        assertThat(t.alertsOf("FRLEH").isEmpty()).isTrue();
        assertThat(delivered("ESALG")).hasSize(1);
        assertThat(t.alertsOf("PTSIE").isEmpty()).isTrue();
        assertThat(delivered("ITGIT")).hasSize(1);
        assertThat(t.alertsOf("ITGOA").isEmpty()).isTrue();
    }

    @Test
    void aMinimumScoreHoldsBackWeakerCasesWhichStayQueryableAndAudited() {
        t.subscription(everything("DEHAM").build());
        crossPort(HandlingCode.TLP_GREEN, List.of());
        double score = delivered("DEHAM").get(0).getScore();
        auditOf("DEHAM");

        t.subscription(everything("DEHAM").setMinimumScore(score + 0.1).build());
        String held = crossPort(HandlingCode.TLP_GREEN, List.of());
        assertThat(t.alertsOf("DEHAM").isEmpty()).isTrue();
        assertThat(auditOf("DEHAM")).singleElement().satisfies(d -> {
            assertThat(d.getWithheldBecause()).contains("below the subscription's minimum");
            assertThat(d.getRevision()).isEqualTo(1);
        });
        assertThat(t.readAlerts()).as("on the alliance's topic, for the API").anyMatch(a -> a.getEntityId().equals(held));

        t.subscription(everything("DEHAM").setMinimumScore(score).build());
        crossPort(HandlingCode.TLP_GREEN, List.of());
        assertThat(delivered("DEHAM")).hasSize(1);
    }

    @Test
    void aDailyCapDeliversTheDaysFirstCasesHoldsTheRestAndTheirRevisions() {
        t.subscription(everything("DEHAM").setDailyCap(2).build());
        crossPort(HandlingCode.TLP_GREEN, List.of());
        String second = crossPort(HandlingCode.TLP_GREEN, List.of());
        String third = crossPort(HandlingCode.TLP_GREEN, List.of());
        assertThat(delivered("DEHAM")).hasSize(2);
        List<AlertDelivery> audit = auditOf("DEHAM");
        assertThat(audit).filteredOn(d -> d.getWithheldBecause() != null).singleElement()
                .satisfies(d -> assertThat(d.getWithheldBecause()).contains("daily cap of 2"));

        // New evidence: the delivered case's next revision still goes, the held one's stays held.
        t.seizure(seizure("C-2", "DEHAM", T0.plus(Duration.ofDays(3))).setContainerNumber(second).setVesselImo(null).setConsignee(null).build());
        t.seizure(seizure("C-3", "DEHAM", T0.plus(Duration.ofDays(3))).setContainerNumber(third).setVesselImo(null).setConsignee(null).build());
        List<Alert> revisions = delivered("DEHAM");
        assertThat(revisions).singleElement().satisfies(a -> {
            assertThat(a.getEntityId()).isEqualTo(second);
            assertThat(a.getRevision()).isEqualTo(2);
        });
        assertThat(auditOf("DEHAM")).filteredOn(d -> d.getWithheldBecause() != null).extracting(AlertDelivery::getRevision)
                .containsExactly(2);

        // The next day has its own cap.
        crossPort(HandlingCode.TLP_GREEN, List.of(), T0.plus(Duration.ofDays(1)));
        assertThat(delivered("DEHAM")).hasSize(1);
    }

    @Test
    void aChangedSubscriptionAppliesToTheNextAlertWithoutARestart() {
        t.subscription(everything("DEHAM").setAlertTypes(List.of(AlertType.VESSEL_REPEAT)).build());
        crossPort(HandlingCode.TLP_GREEN, List.of());
        assertThat(t.alertsOf("DEHAM").isEmpty()).isTrue();

        t.subscription(everything("DEHAM").build());
        crossPort(HandlingCode.TLP_GREEN, List.of());
        assertThat(delivered("DEHAM")).hasSize(1);

        t.driver.createInputTopic(eu.portalliance.topics.Topics.SUBSCRIPTIONS,
                new org.apache.kafka.common.serialization.StringSerializer(),
                new org.apache.kafka.common.serialization.ByteArraySerializer()).pipeInput("DEHAM", null);
        crossPort(HandlingCode.TLP_GREEN, List.of());
        assertThat(t.alertsOf("DEHAM").isEmpty()).isTrue();
    }

    @Test
    void aVesselRepeatReachesTheNextPortsOfCall() {
        t.seizure(seizure("V-1", "BEANR", T0).setConsignee(null).build());
        t.seizure(seizure("V-2", "NLRTM", T0.plus(Duration.ofDays(3))).setConsignee(null).setContainerNumber("TGHU8792473")
                .setNextPortsOfCall(List.of("PLGDN", "USNYC")).build());
        List<Alert> atGdansk = t.alertsOf("PLGDN").readValuesToList();
        assertThat(atGdansk).extracting(Alert::getType).containsExactly(AlertType.VESSEL_REPEAT);
        // USNYC is no alliance member and has no subscription: it has no alerts topic to write to.
        assertThat(t.audit().readValuesToList()).extracting(AlertDelivery::getRecipient).doesNotContain("USNYC")
                .contains("PLGDN");
    }

    @Test
    void partyAlertsShowOutsidersAStableReferenceInsteadOfTheName() {
        t.subscription(everything("DEHAM").build());
        Party p = Party.newBuilder().setName("Banana Import NV").setEori("BE0123456789").setCountry("BE").build();
        SeizureReport first = seizure("P-1", "BEANR", T0).setContainerNumber("TGHU8792473").setVesselImo(null).setConsignee(p).build();
        SeizureReport second = seizure("P-2", "ESALG", T0.plusSeconds(60)).setContainerNumber("MAEU1234567").setVesselImo(null).setConsignee(p).build();
        SeizureReport third = seizure("P-3", "PTSIE", T0.plusSeconds(120)).setContainerNumber("GESU5607584").setVesselImo(null).setConsignee(p).build();
        t.seizure(first);
        t.seizure(second);
        t.seizure(third);
        List<Alert> atHamburg = t.alertsOf("DEHAM").readValuesToList().stream()
                .filter(a -> a.getEntityType() == EntityType.PARTY).toList();
        assertThat(atHamburg).hasSize(2);
        assertThat(atHamburg.get(0).getEntityId()).startsWith("PARTY-REF-").isEqualTo(atHamburg.get(1).getEntityId());
        assertThat(atHamburg.get(0).toString()).doesNotContain("Banana Import").doesNotContain("BE0123456789");
        List<Alert> atAntwerp = t.alertsOf("BEANR").readValuesToList().stream()
                .filter(a -> a.getEntityType() == EntityType.PARTY).toList();
        assertThat(atAntwerp.get(0).getEntityId()).isEqualTo("EORI:BE0123456789");
    }
}
