package eu.portalliance.topology.routing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RedactionTest {
    @Test
    void referencesAreStablePerKeyAndDependOnTheSecret() {
        Redaction a = new Redaction("secret-a");
        assertThat(a.reference("EORI:NL1")).isEqualTo(a.reference("EORI:NL1")).startsWith("PARTY-REF-").hasSize(26);
        assertThat(a.reference("EORI:NL1")).isNotEqualTo(a.reference("EORI:NL2"));
        assertThat(new Redaction("secret-b").reference("EORI:NL1")).isNotEqualTo(a.reference("EORI:NL1"));
    }
}
