package eu.portalliance.screening;

import eu.portalliance.avro.CriterionMatch;
import eu.portalliance.avro.ScanImage;
import eu.portalliance.avro.ScanRecommendation;
import eu.portalliance.avro.ScanResult;
import java.time.Instant;

/**
 * A result begins as a copy of what its recommendation said: the hit rates count it per profile version and
 * criterion, and the scoreboard per origin and week of arrival, without the alliance keeping every recommendation.
 */
public final class ScanResults {
    private ScanResults() {
    }

    /** A result for {@code r}, checked at {@code at}; the caller sets what the check found. */
    public static ScanResult.Builder answering(ScanRecommendation r, Instant at) {
        return ScanResult.newBuilder().setRecommendationId(r.getRecommendationId()).setPort(r.getPort())
                .setContainerNumber(r.getContainerNumber()).setResultTime(at).setProfileVersion(r.getProfileVersion())
                .setCriteria(r.getCriteria().stream().map(CriterionMatch::getCriterion).distinct().toList())
                .setControlPick(r.getControlPick()).setOriginCountry(r.getOriginCountry()).setRiskOrigin(r.getRiskOrigin())
                .setEta(r.getEta()).setScanned(false).setImage(ScanImage.NOT_SCANNED);
    }
}
