package eu.portalliance.topology.routing;

import static org.assertj.core.api.Assertions.assertThat;

import eu.portalliance.avro.DeliveryBasis;
import eu.portalliance.avro.HandlingCode;
import org.junit.jupiter.api.Test;

/** The TLP 2.0 matrix, recipient by recipient. */
class HandlingPolicyTest {
    @Test
    void redStaysWithTheOriginatingPortsAndANamedEuropol() {
        assertThat(HandlingPolicy.allowed(HandlingCode.TLP_RED, "BEANR", DeliveryBasis.INVOLVED, true)).isTrue();
        assertThat(HandlingPolicy.allowed(HandlingCode.TLP_RED, "EUROPOL", DeliveryBasis.NAMED, true)).isTrue();
        assertThat(HandlingPolicy.allowed(HandlingCode.TLP_RED, "NL-FIOD", DeliveryBasis.NAMED, true)).isFalse();
        assertThat(HandlingPolicy.allowed(HandlingCode.TLP_RED, "EUROPOL", DeliveryBasis.SUBSCRIBED, true)).isFalse();
        assertThat(HandlingPolicy.allowed(HandlingCode.TLP_RED, "DEHAM", DeliveryBasis.ADDRESSED, true)).isFalse();
    }

    @Test
    void amberStrictGoesToTheOrganisationsInvolved() {
        assertThat(HandlingPolicy.allowed(HandlingCode.TLP_AMBER_STRICT, "NL-FIOD", DeliveryBasis.NAMED, false)).isTrue();
        assertThat(HandlingPolicy.allowed(HandlingCode.TLP_AMBER_STRICT, "DEHAM", DeliveryBasis.SUBSCRIBED, true)).isFalse();
        assertThat(HandlingPolicy.allowed(HandlingCode.TLP_AMBER_STRICT, "DEHAM", DeliveryBasis.ADDRESSED, true)).isFalse();
    }

    @Test
    void amberGoesToMembers() {
        assertThat(HandlingPolicy.allowed(HandlingCode.TLP_AMBER, "DEHAM", DeliveryBasis.SUBSCRIBED, true)).isTrue();
        assertThat(HandlingPolicy.allowed(HandlingCode.TLP_AMBER, "DEHAM", DeliveryBasis.ADDRESSED, true)).isTrue();
        assertThat(HandlingPolicy.allowed(HandlingCode.TLP_AMBER, "US-HSI", DeliveryBasis.SUBSCRIBED, false)).isFalse();
    }

    @Test
    void greenAndClearGoToEveryone() {
        for (HandlingCode code : new HandlingCode[] {HandlingCode.TLP_GREEN, HandlingCode.TLP_CLEAR}) {
            assertThat(HandlingPolicy.allowed(code, "US-HSI", DeliveryBasis.SUBSCRIBED, false)).isTrue();
        }
    }
}
