package eu.portalliance.topology;

import java.nio.file.Path;
import java.time.Duration;

/**
 * What an operator may tune. Windows and thresholds default to the figures in design/domain.md.
 *
 * @param entityWindow    how far apart two sightings of one entity may be and still correlate (R1, C1, R12)
 * @param entityGrace     how late a sighting may arrive, beyond the window, and still be correlated
 * @param maxFutureSkew   how far ahead of the wall clock an event time may be before it is rejected
 * @param surgeWindow     tumbling window of the route-surge rule (R13)
 * @param surgeGrace      how late a seizure may arrive for its surge window
 * @param surgeBaselineWindows how many earlier windows make the trailing baseline
 * @param surgeFactor     how many times the baseline a window must reach to be a surge
 * @param surgeMinimum    the fewest seizures a window must hold to be a surge
 * @param vesselRepeatThreshold seizures on one vessel within the window that make it a repeat (R12)
 * @param redactionSecret key of the party references given to recipients without need-to-know; every instance
 *                        of one alliance must use the same
 */
public record AllianceConfig(
        String applicationId,
        String bootstrapServers,
        Path stateDir,
        int replicationFactor,
        int streamThreads,
        Duration entityWindow,
        Duration entityGrace,
        Duration maxFutureSkew,
        Duration surgeWindow,
        Duration surgeGrace,
        int surgeBaselineWindows,
        double surgeFactor,
        int surgeMinimum,
        int vesselRepeatThreshold,
        int maxSightingsPerEntity,
        String redactionSecret) {

    public static final String DEFAULT_APPLICATION_ID = "port-alliance-topology";

    public static AllianceConfig defaults(String bootstrapServers, Path stateDir, String redactionSecret) {
        return new AllianceConfig(DEFAULT_APPLICATION_ID, bootstrapServers, stateDir, 1, 1,
                Duration.ofDays(90), Duration.ofDays(7), Duration.ofHours(24),
                Duration.ofDays(7), Duration.ofDays(2), 4, 3.0, 3, 2, 200, redactionSecret);
    }

    public AllianceConfig withApplicationId(String id) {
        return new AllianceConfig(id, bootstrapServers, stateDir, replicationFactor, streamThreads, entityWindow,
                entityGrace, maxFutureSkew, surgeWindow, surgeGrace, surgeBaselineWindows, surgeFactor, surgeMinimum,
                vesselRepeatThreshold, maxSightingsPerEntity, redactionSecret);
    }

    public AllianceConfig withReplication(int replicationFactor, int streamThreads) {
        return new AllianceConfig(applicationId, bootstrapServers, stateDir, replicationFactor, streamThreads,
                entityWindow, entityGrace, maxFutureSkew, surgeWindow, surgeGrace, surgeBaselineWindows, surgeFactor,
                surgeMinimum, vesselRepeatThreshold, maxSightingsPerEntity, redactionSecret);
    }

    public AllianceConfig withStateDir(Path dir) {
        return new AllianceConfig(applicationId, bootstrapServers, dir, replicationFactor, streamThreads,
                entityWindow, entityGrace, maxFutureSkew, surgeWindow, surgeGrace, surgeBaselineWindows, surgeFactor,
                surgeMinimum, vesselRepeatThreshold, maxSightingsPerEntity, redactionSecret);
    }
}
