package eu.portalliance.platform.security;

import eu.portalliance.topics.Topics;
import eu.portalliance.topology.AllianceConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * Who may do what: each port writes only its own input topics and reads only its own alerts; the topology and
 * the registry have their own principals with just what they need.
 */
public final class AccessControl {
    private static final int ITERATIONS = 8192;

    private AccessControl() {
    }

    public static void upsertUser(Admin admin, String principal, String password) {
        await(admin.alterUserScramCredentials(List.of(new UserScramCredentialUpsertion(principal,
                new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, ITERATIONS), password))).all());
    }

    /**
     * Waits until the broker accepts a principal's credentials. A SCRAM upsert returns once the controller has it;
     * brokers learn it from the metadata log a moment later, and a client that connects in between is refused as
     * if its password were wrong.
     */
    public static void awaitAccepted(Map<String, Object> clientConfig, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.put("request.timeout.ms", 5_000);
        config.put("default.api.timeout.ms", 5_000);
        while (true) {
            try (Admin probe = Admin.create(config)) {
                probe.describeCluster().clusterId().get(5, TimeUnit.SECONDS);
                return;
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof SaslAuthenticationException) || System.nanoTime() > deadline) {
                    throw new IllegalStateException("the broker refuses a principal just created: "
                            + e.getCause().getMessage(), e.getCause());
                }
            } catch (TimeoutException e) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the broker did not answer within " + timeout, e);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
    }

    public static void grantPort(Admin admin, String locode) {
        String user = "User:" + Credentials.portPrincipal(locode);
        List<AclBinding> acls = new ArrayList<>();
        for (String topic : List.of(Topics.seizures(locode), Topics.suspicious(locode), Topics.alertOutcomes(locode),
                Topics.arrivals(locode), Topics.scanResults(locode))) {
            acls.add(allow(user, ResourceType.TOPIC, topic, PatternType.LITERAL, AclOperation.WRITE));
            acls.add(allow(user, ResourceType.TOPIC, topic, PatternType.LITERAL, AclOperation.DESCRIBE));
        }
        for (String topic : List.of(Topics.alerts(locode), Topics.scanRecommendations(locode))) {
            acls.add(allow(user, ResourceType.TOPIC, topic, PatternType.LITERAL, AclOperation.READ));
            acls.add(allow(user, ResourceType.TOPIC, topic, PatternType.LITERAL, AclOperation.DESCRIBE));
        }
        // A port's consumer groups are named after it, so one port cannot join (or reset) another's.
        acls.add(allow(user, ResourceType.GROUP, Credentials.portPrincipal(locode), PatternType.PREFIXED, AclOperation.READ));
        await(admin.createAcls(acls).all());
    }

    public static void grantTopology(Admin admin, String applicationId) {
        String user = "User:" + Credentials.TOPOLOGY;
        List<AclBinding> acls = new ArrayList<>();
        acls.add(allow(user, ResourceType.TOPIC, "ports.", PatternType.PREFIXED, AclOperation.READ));
        acls.add(allow(user, ResourceType.TOPIC, "ports.", PatternType.PREFIXED, AclOperation.WRITE));
        acls.add(allow(user, ResourceType.TOPIC, "ports.", PatternType.PREFIXED, AclOperation.DESCRIBE));
        acls.add(allow(user, ResourceType.TOPIC, "subscribers.", PatternType.PREFIXED, AclOperation.WRITE));
        acls.add(allow(user, ResourceType.TOPIC, "subscribers.", PatternType.PREFIXED, AclOperation.DESCRIBE));
        acls.add(allow(user, ResourceType.TOPIC, "alliance.", PatternType.PREFIXED, AclOperation.ALL));
        acls.add(allow(user, ResourceType.TOPIC, applicationId + "-", PatternType.PREFIXED, AclOperation.ALL));
        acls.add(allow(user, ResourceType.GROUP, applicationId, PatternType.PREFIXED, AclOperation.ALL));
        acls.add(allow(user, ResourceType.TRANSACTIONAL_ID, applicationId, PatternType.PREFIXED, AclOperation.ALL));
        acls.add(allow(user, ResourceType.CLUSTER, "kafka-cluster", PatternType.LITERAL, AclOperation.IDEMPOTENT_WRITE));
        acls.add(allow(user, ResourceType.CLUSTER, "kafka-cluster", PatternType.LITERAL, AclOperation.DESCRIBE));
        acls.add(allow(user, ResourceType.CLUSTER, "kafka-cluster", PatternType.LITERAL, AclOperation.DESCRIBE_CONFIGS));
        await(admin.createAcls(acls).all());
    }

    public static void grantRegistry(Admin admin) {
        String user = "User:" + Credentials.REGISTRY;
        await(admin.createAcls(List.of(
                allow(user, ResourceType.TOPIC, Topics.SCHEMAS, PatternType.LITERAL, AclOperation.ALL),
                allow(user, ResourceType.CLUSTER, "kafka-cluster", PatternType.LITERAL, AclOperation.IDEMPOTENT_WRITE))).all());
    }

    /** The Connect worker: its own internal topics and group, reading alliance topics for sinks, writing port inputs for CDC. */
    public static void grantConnect(Admin admin) {
        String user = "User:connect";
        await(admin.createAcls(List.of(
                allow(user, ResourceType.TOPIC, "connect-", PatternType.PREFIXED, AclOperation.ALL),
                allow(user, ResourceType.GROUP, "connect-", PatternType.PREFIXED, AclOperation.ALL),
                allow(user, ResourceType.GROUP, "port-alliance-connect", PatternType.PREFIXED, AclOperation.ALL),
                allow(user, ResourceType.TOPIC, "alliance.", PatternType.PREFIXED, AclOperation.READ),
                allow(user, ResourceType.TOPIC, "alliance.", PatternType.PREFIXED, AclOperation.DESCRIBE),
                allow(user, ResourceType.TOPIC, Topics.DLQ, PatternType.LITERAL, AclOperation.WRITE),
                allow(user, ResourceType.TOPIC, "ports.", PatternType.PREFIXED, AclOperation.WRITE),
                allow(user, ResourceType.TOPIC, "ports.", PatternType.PREFIXED, AclOperation.DESCRIBE),
                allow(user, ResourceType.CLUSTER, "kafka-cluster", PatternType.LITERAL, AclOperation.IDEMPOTENT_WRITE),
                allow(user, ResourceType.CLUSTER, "kafka-cluster", PatternType.LITERAL, AclOperation.DESCRIBE))).all());
    }

    public static void grantDefaults(Admin admin) {
        grantTopology(admin, AllianceConfig.DEFAULT_APPLICATION_ID);
        grantRegistry(admin);
    }

    private static AclBinding allow(String principal, ResourceType type, String name, PatternType pattern, AclOperation op) {
        return new AclBinding(new ResourcePattern(type, name, pattern),
                new AccessControlEntry(principal, "*", op, AclPermissionType.ALLOW));
    }

    private static void await(org.apache.kafka.common.KafkaFuture<Void> future) {
        try {
            future.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("access control change refused: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("access control change not acknowledged within 30 s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
