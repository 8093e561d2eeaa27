package eu.portalliance.ids;

import static org.assertj.core.api.Assertions.assertThat;

import eu.portalliance.reference.KnownPorts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UnLocodeTest {

    @Test
    void everyKnownPortIsValid() {
        KnownPorts.ALLIANCE.forEach(p -> assertThat(UnLocode.problem(p.locode())).as(p.locode()).isEmpty());
        KnownPorts.ORIGINS.forEach(p -> assertThat(UnLocode.problem(p.locode())).as(p.locode()).isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"beanr", "BEAN", "BEANRR", "BE-AN", "BEAN1", "BEAN0"})
    void rejectsWrongShape(String locode) {
        assertThat(UnLocode.problem(locode)).hasValueSatisfying(p -> assertThat(p).contains("2 country letters"));
    }

    @Test
    void rejectsUnknownCountry() {
        assertThat(UnLocode.problem("XXANR")).hasValueSatisfying(p -> assertThat(p).contains("not an ISO 3166-1 country code"));
    }

    @Test
    void digitsTwoToNineAreAllowed() {
        assertThat(UnLocode.problem("NLRT9")).isEmpty();
    }
}
