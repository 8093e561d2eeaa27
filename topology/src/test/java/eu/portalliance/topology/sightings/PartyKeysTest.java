package eu.portalliance.topology.sightings;

import static org.assertj.core.api.Assertions.assertThat;

import eu.portalliance.avro.Party;
import org.junit.jupiter.api.Test;

class PartyKeysTest {
    @Test
    void eoriWinsOverTheName() {
        assertThat(PartyKeys.of(new Party("Anything", "nl 123456789", "NL"))).isEqualTo("EORI:NL123456789");
    }

    @Test
    void spellingsOfOneCompanyMeet() {
        assertThat(PartyKeys.of(new Party("Frutas Exóticas S.L.", null, "ES")))
                .isEqualTo(PartyKeys.of(new Party("FRUTAS EXOTICAS SL", null, "es")))
                .isEqualTo("NAME:FRUTAS EXOTICAS/ES");
    }

    @Test
    void differentCountriesStayApart() {
        assertThat(PartyKeys.of(new Party("Fruit Import BV", null, "NL")))
                .isNotEqualTo(PartyKeys.of(new Party("Fruit Import BV", null, "BE")));
    }
}
