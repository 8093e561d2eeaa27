package eu.portalliance.topology;

import eu.portalliance.avro.Alert;
import eu.portalliance.avro.AlertDelivery;
import eu.portalliance.avro.AlertOutcome;
import eu.portalliance.avro.ArrivalNotice;
import eu.portalliance.avro.ScanRecommendation;
import eu.portalliance.avro.ScanResult;
import eu.portalliance.avro.ScreeningPrecision;
import eu.portalliance.avro.ScreeningProfile;
import eu.portalliance.topology.avro.IntelligenceFact;
import eu.portalliance.topology.avro.ScoreboardRow;
import eu.portalliance.topology.avro.ScreeningTally;
import eu.portalliance.topology.avro.WithheldMatch;
import eu.portalliance.avro.RulePrecision;
import eu.portalliance.avro.Subscription;
import eu.portalliance.topology.avro.Delivery;
import eu.portalliance.topology.routing.DeliveredAlertSerializer;
import eu.portalliance.avro.PortInfo;
import eu.portalliance.avro.RiskOrigin;
import eu.portalliance.avro.SeizureReport;
import eu.portalliance.avro.SuspiciousContainerEvent;
import eu.portalliance.registry.SchemaRegistryClient;
import eu.portalliance.serde.AvroSerde;
import eu.portalliance.topology.avro.RouteWindow;
import eu.portalliance.topology.avro.Sighting;
import eu.portalliance.topology.avro.CaseState;
import eu.portalliance.topology.avro.OriginWeek;
import eu.portalliance.topology.avro.SightingSet;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/** Every serde the topology uses, built once from one registry client and passed explicitly at every step. */
public final class AllianceSerdes {
    public final Serde<String> key = Serdes.String();

    public final Serde<SeizureReport> seizure;
    public final Serde<SuspiciousContainerEvent> suspicion;
    public final Serde<Alert> alert;
    public final Serde<RiskOrigin> riskOrigin;
    public final Serde<PortInfo> port;
    public final Serde<Sighting> sighting;
    public final Serde<SightingSet> sightingSet;
    public final Serde<CaseState> caseState;
    public final Serde<OriginWeek> originWeek;
    public final Serde<Delivery> delivery;
    public final Serde<RouteWindow> routeWindow;
    public final Serde<Subscription> subscription;
    public final Serde<AlertOutcome> outcome;
    public final Serde<RulePrecision> precision;
    public final Serde<AlertDelivery> audit;
    public final Serde<ArrivalNotice> arrival;
    public final Serde<ScanRecommendation> scanRecommendation;
    public final Serde<ScreeningProfile> screeningProfile;
    public final Serde<IntelligenceFact> intelligence;
    public final Serde<ScanResult> scanResult;
    public final Serde<ScreeningPrecision> screeningPrecision;
    public final Serde<ScreeningTally> tally;
    public final Serde<ScoreboardRow> scoreboardRow;
    public final Serde<WithheldMatch> withheldMatch;
    /** Writes a delivery as the plain Alert its recipient reads; never read back by the topology. */
    public final Serde<Delivery> deliveredAlert;

    public AllianceSerdes(SchemaRegistryClient registry) {
        seizure = AvroSerde.value(registry, SeizureReport.class);
        suspicion = AvroSerde.value(registry, SuspiciousContainerEvent.class);
        alert = AvroSerde.value(registry, Alert.class);
        riskOrigin = AvroSerde.value(registry, RiskOrigin.class);
        port = AvroSerde.value(registry, PortInfo.class);
        sighting = AvroSerde.value(registry, Sighting.class);
        sightingSet = AvroSerde.value(registry, SightingSet.class);
        caseState = AvroSerde.value(registry, CaseState.class);
        originWeek = AvroSerde.value(registry, OriginWeek.class);
        delivery = AvroSerde.value(registry, Delivery.class);
        routeWindow = AvroSerde.value(registry, RouteWindow.class);
        subscription = AvroSerde.value(registry, Subscription.class);
        outcome = AvroSerde.value(registry, AlertOutcome.class);
        precision = AvroSerde.value(registry, RulePrecision.class);
        audit = AvroSerde.value(registry, AlertDelivery.class);
        arrival = AvroSerde.value(registry, ArrivalNotice.class);
        scanRecommendation = AvroSerde.value(registry, ScanRecommendation.class);
        screeningProfile = AvroSerde.value(registry, ScreeningProfile.class);
        intelligence = AvroSerde.value(registry, IntelligenceFact.class);
        scanResult = AvroSerde.value(registry, ScanResult.class);
        screeningPrecision = AvroSerde.value(registry, ScreeningPrecision.class);
        tally = AvroSerde.value(registry, ScreeningTally.class);
        scoreboardRow = AvroSerde.value(registry, ScoreboardRow.class);
        withheldMatch = AvroSerde.value(registry, WithheldMatch.class);
        deliveredAlert = Serdes.serdeFrom(new DeliveredAlertSerializer(alert.serializer(), registry), (topic, bytes) -> {
            throw new UnsupportedOperationException("deliveries are written, never read");
        });
    }
}
