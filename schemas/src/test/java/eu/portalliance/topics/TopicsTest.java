package eu.portalliance.topics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TopicsTest {
    @Test
    void portTopicsFollowTheNamingScheme() {
        assertThat(Topics.seizures("BEANR")).isEqualTo("ports.BEANR.seizures.v1");
        assertThat(Topics.portOf("ports.NLRTM.suspicious.v1")).contains("NLRTM");
        assertThat(Topics.portOf("ports.NLRTM.alert-outcomes.v1")).contains("NLRTM");
        assertThat(Topics.portOf("alliance.alerts.v1")).isEmpty();
    }

    @Test
    void theInputPatternMatchesEveryPortsEventsAndNothingElse() {
        assertThat(Topics.PORT_EVENTS.matcher(Topics.seizures("ESALG")).matches()).isTrue();
        assertThat(Topics.PORT_EVENTS.matcher(Topics.suspicious("PTSIE")).matches()).isTrue();
        assertThat(Topics.PORT_EVENTS.matcher(Topics.alerts("PTSIE")).matches()).isFalse();
        assertThat(Topics.PORT_EVENTS.matcher(Topics.ALERTS).matches()).isFalse();
    }

    @Test
    void portsGetTheirOwnAlertTopicOthersASubscriberTopic() {
        assertThat(Topics.alertsFor("NLRTM")).isEqualTo("ports.NLRTM.alerts.v1");
        assertThat(Topics.alertsFor("EUROPOL")).isEqualTo("subscribers.EUROPOL.alerts.v1");
        assertThat(Topics.isRecipientAlertsTopic(Topics.alertsFor("NLRTM"))).isTrue();
        assertThat(Topics.isRecipientAlertsTopic(Topics.alertsFor("EUROPOL"))).isTrue();
        assertThat(Topics.isRecipientAlertsTopic(Topics.ALERTS)).isFalse();
        assertThat(Topics.isRecipientAlertsTopic(Topics.seizures("NLRTM"))).isFalse();
    }

    @Test
    void referenceTopicsAreCompacted() {
        assertThat(Topics.allianceTopics()).filteredOn(TopicSpec::compacted).extracting(TopicSpec::name)
                .containsExactlyInAnyOrder(Topics.RISK_ORIGINS, Topics.PORTS, Topics.SUBSCRIPTIONS, Topics.RULE_PRECISION,
                        Topics.SCREENING_PROFILE, Topics.SCREENING_INTELLIGENCE, Topics.SCREENING_PRECISION);
    }
}
