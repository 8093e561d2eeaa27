package eu.portalliance.topology.routing;

import eu.portalliance.avro.Alert;
import eu.portalliance.avro.EntityType;
import eu.portalliance.avro.Party;
import eu.portalliance.topology.sightings.PartyKeys;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Replaces named parties with stable references for recipients that were not involved and have no need-to-know
 * (GDPR; Law Enforcement Directive 2016/680). The reference is a keyed hash (HMAC) of the party's key: the same
 * party always gets the same reference, so recipients can still correlate, but nobody without the alliance's key can
 * turn it back into a name by hashing guesses.
 */
public final class Redaction {
    private final SecretKeySpec key;

    public Redaction(String secret) {
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    public String reference(String partyKey) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return "PARTY-REF-" + HexFormat.of().formatHex(mac.doFinal(partyKey.getBytes(StandardCharsets.UTF_8)), 0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required of every JVM", e);
        }
    }

    /** The alert with every party name, EORI and party key replaced by its reference, in every field. */
    public Alert redact(Alert alert) {
        // Longest first, so a party key ("EORI:BE…") is replaced whole before the EORI inside it.
        Map<String, String> replacements = new TreeMap<>(Comparator.comparingInt(String::length).reversed()
                .thenComparing(Comparator.naturalOrder()));
        if (alert.getEntityType() == EntityType.PARTY) {
            replacements.put(alert.getEntityId(), reference(alert.getEntityId()));
        }
        for (Party p : alert.getParties()) {
            String ref = reference(PartyKeys.of(p));
            replacements.put(PartyKeys.of(p), ref);
            replacements.put(p.getName(), ref);
            if (p.getEori() != null) {
                replacements.put(p.getEori(), ref);
            }
        }
        UnaryOperator<String> scrub = text -> {
            if (text == null) {
                return null;
            }
            String out = text;
            for (Map.Entry<String, String> r : replacements.entrySet()) {
                out = out.replace(r.getKey(), r.getValue());
            }
            return out;
        };
        Map<String, String> attributes = new LinkedHashMap<>();
        alert.getAttributes().forEach((k, v) -> attributes.put(k, scrub.apply(v)));
        return Alert.newBuilder(alert)
                .setEntityId(scrub.apply(alert.getEntityId()))
                .setSummary(scrub.apply(alert.getSummary()))
                .setRecommendedAction(scrub.apply(alert.getRecommendedAction()))
                .setSeverityReasons(alert.getSeverityReasons().stream().map(scrub).toList())
                .setAttributes(attributes)
                .setParties(alert.getParties().stream()
                        .map(p -> Party.newBuilder().setName(reference(PartyKeys.of(p))).setEori(null).setCountry(p.getCountry()).build())
                        .toList())
                .build();
    }
}
