package eu.portalliance.platform.security;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Broker settings for the secure alliance:
 * <ul>
 *   <li>SASL/SCRAM-SHA-512 for clients and between brokers on the main listener;</li>
 *   <li>a TLS listener ({@value #TLS_LISTENER}) where ports authenticate with SCRAM or, for clients whose SCRAM
 *       cannot talk to Kafka 4 (librdkafka before 2.6.1: kcat, Python, .NET, Go), with SASL/PLAIN — the password
 *       then travels inside TLS and is checked against the port's own client settings file;</li>
 *   <li>SASL/PLAIN on the controller listener (KRaft cannot use SCRAM there: its credentials live in the metadata
 *       the controller serves);</li>
 *   <li>Kafka's KRaft authorizer, counting what it refuses, with nothing allowed unless an ACL says so.</li>
 * </ul>
 */
public record BrokerSecurity(String adminPassword, int tlsPort, Path dataDir, LocalCa ca, String refusalsId) {
    public static final String LISTENER = "SASL_PLAINTEXT";
    public static final String TLS_LISTENER = "TLS";

    /** Listeners besides the main one and the controller, as {@code NAME://host:port}. */
    public String extraListeners(String host) {
        return TLS_LISTENER + "://" + host + ":" + tlsPort;
    }

    public Map<String, String> brokerSettings() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("listener.security.protocol.map",
                "SASL_PLAINTEXT:SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT," + TLS_LISTENER + ":SASL_SSL");
        p.put("inter.broker.listener.name", LISTENER);
        p.put("sasl.mechanism.inter.broker.protocol", Credentials.MECHANISM);
        p.put("listener.name.sasl_plaintext.sasl.enabled.mechanisms", Credentials.MECHANISM);
        p.put("listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config",
                "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + Credentials.ADMIN
                        + "\" password=\"" + adminPassword + "\";");
        p.putAll(tlsListener());
        p.put("sasl.mechanism.controller.protocol", "PLAIN");
        p.put("listener.name.controller.sasl.enabled.mechanisms", "PLAIN");
        p.put("listener.name.controller.plain.sasl.jaas.config",
                "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + Credentials.ADMIN
                        + "\" password=\"" + adminPassword + "\" user_" + Credentials.ADMIN + "=\"" + adminPassword + "\";");
        p.put("authorizer.class.name", CountingAuthorizer.class.getName());
        p.put(RefusedAccess.BROKER_SETTING, refusalsId);
        p.put("super.users", "User:" + Credentials.ADMIN);
        p.put("allow.everyone.if.no.acl.found", "false");
        return p;
    }

    private Map<String, String> tlsListener() {
        String prefix = "listener.name." + TLS_LISTENER.toLowerCase(Locale.ROOT) + ".";
        Map<String, String> p = new LinkedHashMap<>();
        p.put(prefix + "sasl.enabled.mechanisms", "PLAIN," + Credentials.MECHANISM);
        p.put(prefix + "plain.sasl.jaas.config", "org.apache.kafka.common.security.plain.PlainLoginModule required "
                + PortPasswordCheck.FOLDER_OPTION + "=\"" + dataDir.toAbsolutePath() + "\";");
        p.put(prefix + "plain.sasl.server.callback.handler.class", PortPasswordCheck.class.getName());
        p.put(prefix + "scram-sha-512.sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required;");
        p.put(prefix + "ssl.keystore.type", "PEM");
        p.put(prefix + "ssl.keystore.certificate.chain", ca.brokerChainPem());
        p.put(prefix + "ssl.keystore.key", ca.brokerKeyPem());
        return p;
    }

    /** The admin's SCRAM credential, written into the metadata log when the folder is formatted. */
    public List<String> scramAtFormat() {
        return List.of(Credentials.MECHANISM + "=[name=" + Credentials.ADMIN + ",password=" + adminPassword + "]");
    }
}
