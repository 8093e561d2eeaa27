package eu.portalliance.topology;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What an operator may tune, each with a named default (the figures in docs/domain.md). Built with
 * {@link #builder}; every setting is decided here and nowhere else.
 */
public final class AllianceConfig {
    public static final String DEFAULT_APPLICATION_ID = "port-alliance-topology";
    /** How far apart two sightings of one entity may be and still correlate (R1, C1, R12). */
    public static final Duration DEFAULT_ENTITY_WINDOW = Duration.ofDays(90);
    /** How late a sighting may arrive, beyond the window, and still be correlated. */
    public static final Duration DEFAULT_ENTITY_GRACE = Duration.ofDays(7);
    /** How far ahead of the wall clock an event time may be before it is rejected. */
    public static final Duration DEFAULT_MAX_FUTURE_SKEW = Duration.ofHours(24);
    /** Tumbling window of the route-surge rule (R13). */
    public static final Duration DEFAULT_SURGE_WINDOW = Duration.ofDays(7);
    /** How late a seizure may arrive, in stream time, before its surge window is first judged. */
    public static final Duration DEFAULT_SURGE_GRACE = Duration.ofDays(2);
    /** Earlier windows that make a route's trailing baseline. */
    public static final int DEFAULT_SURGE_BASELINE_WINDOWS = 4;
    /** The largest chance, at a route's usual rate, of a window's count that still makes it a surge (R13 v2). */
    public static final double DEFAULT_SURGE_SIGNIFICANCE = 0.01;
    /** The usual rate assumed, per window, for a route with less history than that: a new route needs several seizures. */
    public static final double DEFAULT_SURGE_BASELINE_FLOOR = 0.5;
    /** The fewest seizures a window must hold to be a surge. */
    public static final int DEFAULT_SURGE_MINIMUM = 3;
    /** The shortest sea passage between alliance ports that are not neighbours: closer than that is a clone (R6). */
    public static final Duration DEFAULT_CLONE_WITHIN = Duration.ofHours(24);
    /**
     * Seizures per risk flag across the alliance (about ten a day against a thousand flags): how many seizures a
     * vessel's or party's own flags would bring anyway, so its case weighs only what goes beyond that.
     */
    public static final double DEFAULT_SEIZURES_PER_FLAG = 0.01;
    /** Sightings kept per entity. */
    public static final int DEFAULT_MAX_SIGHTINGS_PER_ENTITY = 200;

    private final String applicationId;
    private final String bootstrapServers;
    private final Path stateDir;
    private final int replicationFactor;
    private final int streamThreads;
    private final int standbyReplicas;
    private final String instanceId;
    private final Duration entityWindow;
    private final Duration entityGrace;
    private final Duration maxFutureSkew;
    private final Duration surgeWindow;
    private final Duration surgeGrace;
    private final int surgeBaselineWindows;
    private final double surgeSignificance;
    private final double surgeBaselineFloor;
    private final int surgeMinimum;
    private final Duration cloneWithin;
    private final double seizuresPerFlag;
    private final int maxSightingsPerEntity;
    private final String redactionSecret;

    private AllianceConfig(Builder b) {
        applicationId = b.applicationId;
        bootstrapServers = b.bootstrapServers;
        stateDir = b.stateDir;
        replicationFactor = b.replicationFactor;
        streamThreads = b.streamThreads;
        standbyReplicas = b.standbyReplicas;
        instanceId = b.instanceId;
        entityWindow = b.entityWindow;
        entityGrace = b.entityGrace;
        maxFutureSkew = b.maxFutureSkew;
        surgeWindow = b.surgeWindow;
        surgeGrace = b.surgeGrace;
        surgeBaselineWindows = b.surgeBaselineWindows;
        surgeSignificance = b.surgeSignificance;
        surgeBaselineFloor = b.surgeBaselineFloor;
        surgeMinimum = b.surgeMinimum;
        cloneWithin = b.cloneWithin;
        seizuresPerFlag = b.seizuresPerFlag;
        maxSightingsPerEntity = b.maxSightingsPerEntity;
        redactionSecret = b.redactionSecret;
    }

    /**
     * @param redactionSecret key of the party references given to recipients without need-to-know; every instance
     *                        of one alliance must use the same
     */
    public static Builder builder(String bootstrapServers, Path stateDir, String redactionSecret) {
        return new Builder(bootstrapServers, stateDir, redactionSecret);
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    public String applicationId() {
        return applicationId;
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public Path stateDir() {
        return stateDir;
    }

    public int replicationFactor() {
        return replicationFactor;
    }

    public int streamThreads() {
        return streamThreads;
    }

    public int standbyReplicas() {
        return standbyReplicas;
    }

    /** This instance's name in its consumer group, the same on every start; empty for a member known only while it runs. */
    public Optional<String> instanceId() {
        return Optional.ofNullable(instanceId);
    }

    public Duration entityWindow() {
        return entityWindow;
    }

    public Duration entityGrace() {
        return entityGrace;
    }

    public Duration maxFutureSkew() {
        return maxFutureSkew;
    }

    public Duration surgeWindow() {
        return surgeWindow;
    }

    public Duration surgeGrace() {
        return surgeGrace;
    }

    public int surgeBaselineWindows() {
        return surgeBaselineWindows;
    }

    public double surgeSignificance() {
        return surgeSignificance;
    }

    public double surgeBaselineFloor() {
        return surgeBaselineFloor;
    }

    public int surgeMinimum() {
        return surgeMinimum;
    }

    public Duration cloneWithin() {
        return cloneWithin;
    }

    public double seizuresPerFlag() {
        return seizuresPerFlag;
    }

    public int maxSightingsPerEntity() {
        return maxSightingsPerEntity;
    }

    public String redactionSecret() {
        return redactionSecret;
    }

    /** Starts from the defaults; set only what differs. */
    public static final class Builder {
        private String applicationId = DEFAULT_APPLICATION_ID;
        private final String bootstrapServers;
        private final Path stateDir;
        private int replicationFactor = 1;
        private int streamThreads = 1;
        private int standbyReplicas = 0;
        private String instanceId;
        private Duration entityWindow = DEFAULT_ENTITY_WINDOW;
        private Duration entityGrace = DEFAULT_ENTITY_GRACE;
        private Duration maxFutureSkew = DEFAULT_MAX_FUTURE_SKEW;
        private Duration surgeWindow = DEFAULT_SURGE_WINDOW;
        private Duration surgeGrace = DEFAULT_SURGE_GRACE;
        private int surgeBaselineWindows = DEFAULT_SURGE_BASELINE_WINDOWS;
        private double surgeSignificance = DEFAULT_SURGE_SIGNIFICANCE;
        private double surgeBaselineFloor = DEFAULT_SURGE_BASELINE_FLOOR;
        private int surgeMinimum = DEFAULT_SURGE_MINIMUM;
        private Duration cloneWithin = DEFAULT_CLONE_WITHIN;
        private double seizuresPerFlag = DEFAULT_SEIZURES_PER_FLAG;
        private int maxSightingsPerEntity = DEFAULT_MAX_SIGHTINGS_PER_ENTITY;
        private final String redactionSecret;

        private Builder(String bootstrapServers, Path stateDir, String redactionSecret) {
            this.bootstrapServers = Objects.requireNonNull(bootstrapServers, "bootstrapServers");
            this.stateDir = Objects.requireNonNull(stateDir, "stateDir");
            this.redactionSecret = Objects.requireNonNull(redactionSecret, "redactionSecret");
        }

        private Builder(AllianceConfig c) {
            this(c.bootstrapServers, c.stateDir, c.redactionSecret);
            applicationId = c.applicationId;
            replicationFactor = c.replicationFactor;
            streamThreads = c.streamThreads;
            standbyReplicas = c.standbyReplicas;
            instanceId = c.instanceId;
            entityWindow = c.entityWindow;
            entityGrace = c.entityGrace;
            maxFutureSkew = c.maxFutureSkew;
            surgeWindow = c.surgeWindow;
            surgeGrace = c.surgeGrace;
            surgeBaselineWindows = c.surgeBaselineWindows;
            surgeSignificance = c.surgeSignificance;
            surgeBaselineFloor = c.surgeBaselineFloor;
            surgeMinimum = c.surgeMinimum;
            cloneWithin = c.cloneWithin;
            seizuresPerFlag = c.seizuresPerFlag;
            maxSightingsPerEntity = c.maxSightingsPerEntity;
        }

        /** Instances that share it share the partitions. */
        public Builder applicationId(String id) {
            applicationId = id;
            return this;
        }

        /** Replication of the topology's internal topics: 3 on a production cluster, 1 on a single broker. */
        public Builder replicationFactor(int n) {
            replicationFactor = n;
            return this;
        }

        public Builder streamThreads(int n) {
            streamThreads = n;
            return this;
        }

        /** Warm copies of each task's state on other instances, so a failover does not rebuild from scratch. */
        public Builder standbyReplicas(int n) {
            standbyReplicas = n;
            return this;
        }

        /**
         * A static member of the group (KIP-345): restarted, after a crash too, the instance takes its own tasks back at
         * once rather than waiting for its old self's session to expire.
         * Each instance of an application needs its own; null for a dynamic member.
         */
        public Builder instanceId(String id) {
            instanceId = id;
            return this;
        }

        public Builder entityWindow(Duration d) {
            entityWindow = d;
            return this;
        }

        public Builder entityGrace(Duration d) {
            entityGrace = d;
            return this;
        }

        public Builder maxFutureSkew(Duration d) {
            maxFutureSkew = d;
            return this;
        }

        public Builder surgeWindow(Duration d) {
            surgeWindow = d;
            return this;
        }

        public Builder surgeGrace(Duration d) {
            surgeGrace = d;
            return this;
        }

        public Builder surgeBaselineWindows(int n) {
            surgeBaselineWindows = n;
            return this;
        }

        public Builder surgeSignificance(double p) {
            surgeSignificance = p;
            return this;
        }

        public Builder surgeBaselineFloor(double perWindow) {
            surgeBaselineFloor = perWindow;
            return this;
        }

        public Builder surgeMinimum(int n) {
            surgeMinimum = n;
            return this;
        }

        public Builder cloneWithin(Duration d) {
            cloneWithin = d;
            return this;
        }

        public Builder seizuresPerFlag(double rate) {
            seizuresPerFlag = rate;
            return this;
        }

        public Builder maxSightingsPerEntity(int n) {
            maxSightingsPerEntity = n;
            return this;
        }

        public AllianceConfig build() {
            return new AllianceConfig(this);
        }
    }
}
