package eu.portalliance.platform.security;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Broker settings for the secure alliance: SASL/SCRAM-SHA-512 for clients and between brokers, SASL/PLAIN on the
 * controller listener (KRaft cannot use SCRAM there: its credentials live in the metadata the controller serves),
 * and the KRaft StandardAuthorizer with nothing allowed unless an ACL says so.
 */
public record BrokerSecurity(String adminPassword) {
    public static final String LISTENER = "SASL_PLAINTEXT";

    public Map<String, String> brokerSettings() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("listener.security.protocol.map", "SASL_PLAINTEXT:SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT");
        p.put("inter.broker.listener.name", LISTENER);
        p.put("sasl.mechanism.inter.broker.protocol", Credentials.MECHANISM);
        p.put("listener.name.sasl_plaintext.sasl.enabled.mechanisms", Credentials.MECHANISM);
        p.put("listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config",
                "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + Credentials.ADMIN
                        + "\" password=\"" + adminPassword + "\";");
        p.put("sasl.mechanism.controller.protocol", "PLAIN");
        p.put("listener.name.controller.sasl.enabled.mechanisms", "PLAIN");
        p.put("listener.name.controller.plain.sasl.jaas.config",
                "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + Credentials.ADMIN
                        + "\" password=\"" + adminPassword + "\" user_" + Credentials.ADMIN + "=\"" + adminPassword + "\";");
        p.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        p.put("super.users", "User:" + Credentials.ADMIN);
        p.put("allow.everyone.if.no.acl.found", "false");
        return p;
    }

    /** The admin's SCRAM credential, written into the metadata log when the folder is formatted. */
    public List<String> scramAtFormat() {
        return List.of(Credentials.MECHANISM + "=[name=" + Credentials.ADMIN + ",password=" + adminPassword + "]");
    }
}
