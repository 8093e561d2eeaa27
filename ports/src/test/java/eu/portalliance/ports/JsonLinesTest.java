package eu.portalliance.ports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.portalliance.avro.ArrivalNotice;
import eu.portalliance.avro.Concealment;
import eu.portalliance.avro.HandlingCode;
import eu.portalliance.avro.Indicator;
import eu.portalliance.avro.SeizureReport;
import eu.portalliance.avro.SuspiciousContainerEvent;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class JsonLinesTest {
    static final String SEIZURE = """
            {"type":"seizure","eventId":"BEANR-SZ-1","agency":"CUSTOMS","eventTime":"2024-03-01T10:15:30Z",\
            "containerNumber":"CSQU3054383","route":{"portOfLoading":"ECGYE","transshipmentPorts":["PAMIT"]},\
            "consignee":{"name":"Fruit Import BV","eori":"NL123456789"},"drugType":"COCAINE","kilograms":142.5,\
            "concealment":"rip-on rip-off","handlingCode":"TLP_AMBER"}""";

    @Test
    void readsAHandWrittenSeizure() throws Exception {
        SeizureReport s = (SeizureReport) JsonLines.parse(SEIZURE, "BEANR");
        assertThat(s.getReportingPort()).isEqualTo("BEANR");
        assertThat(s.getEventTime()).isEqualTo(Instant.parse("2024-03-01T10:15:30Z"));
        assertThat(s.getRoute().getTransshipmentPorts()).containsExactly("PAMIT");
        assertThat(s.getConsignee().getEori()).isEqualTo("NL123456789");
        assertThat(s.getConcealment()).isEqualTo(Concealment.RIP_ON_RIP_OFF);
        assertThat(s.getHandlingCode()).isEqualTo(HandlingCode.TLP_AMBER);
        assertThat(s.getPackages()).isZero();
        assertThat(s.getVesselImo()).isNull();
        assertThat(s.getSharedWith()).isEmpty();
    }

    @Test
    void readsASuspicionWithEpochMillis() throws Exception {
        SuspiciousContainerEvent e = (SuspiciousContainerEvent) JsonLines.parse("""
                {"type":"suspicion","eventId":"X","reportingPort":"NLRTM","agency":"CUSTOMS","eventTime":1709288130000,\
                "subjectType":"CONTAINER","containerNumber":"CSQU3054383","indicators":["SEAL_MISMATCH"],"handlingCode":"TLP_GREEN"}""", "NLRTM");
        assertThat(e.getEventTime().toEpochMilli()).isEqualTo(1709288130000L);
        assertThat(e.getIndicators()).containsExactly(Indicator.SEAL_MISMATCH);
    }

    @Test
    void readsAnArrivalNoticeWithItsDefaults() throws Exception {
        ArrivalNotice a = (ArrivalNotice) JsonLines.parse("""
                {"type":"arrival","eventId":"NLRTM-ENS-1","noticeTime":"2025-03-01T06:00:00Z","vesselImo":"9321483",                "eta":"2025-03-04T06:00:00Z","containerNumber":"MSCU7301240","route":{"portOfLoading":"ECGYE"},                "declaredHsCode":"0803","reefer":true}""", "NLRTM");
        assertThat(a.getReportingPort()).isEqualTo("NLRTM");
        assertThat(a.getEta()).isEqualTo(Instant.parse("2025-03-04T06:00:00Z"));
        assertThat(a.getReefer()).isTrue();
        assertThat(a.getHandlingCode()).as("commercial data: AMBER unless the port says otherwise").isEqualTo(HandlingCode.TLP_AMBER);
        assertThat(a.getRoute().getTransshipmentPorts()).isEmpty();
    }

    @Test
    void namesTheProblem() {
        assertThatThrownBy(() -> JsonLines.parse(SEIZURE.replace("\"kilograms\":142.5,", ""), "BEANR"))
                .hasMessageStartingWith("field 'kilograms' is missing");
        assertThatThrownBy(() -> JsonLines.parse(SEIZURE.replace("containerNumber", "conatinerNumber"), "BEANR"))
                .hasMessageStartingWith("unknown field 'conatinerNumber'");
        assertThatThrownBy(() -> JsonLines.parse(SEIZURE.replace("\"COCAINE\"", "\"SNOW\""), "BEANR"))
                .hasMessageContaining("field 'drugType' is \"SNOW\"; use one of [COCAINE");
        assertThatThrownBy(() -> JsonLines.parse(SEIZURE.replace("2024-03-01T10:15:30Z", "01/03/2024"), "BEANR"))
                .hasMessageContaining("not an ISO-8601 UTC time");
        assertThatThrownBy(() -> JsonLines.parse(SEIZURE.replace("\"route\":{\"portOfLoading\":\"ECGYE\"", "\"route\":{\"portOfLoading\":7"), "BEANR"))
                .hasMessageContaining("field 'route.portOfLoading' must be a string");
        assertThatThrownBy(() -> JsonLines.parse(SEIZURE.replace("\"type\":\"seizure\"", "\"type\":\"rumour\""), "BEANR"))
                .hasMessageContaining("use \"seizure\", \"suspicion\" or \"arrival\"");
        assertThatThrownBy(() -> JsonLines.parse("{not json", "BEANR")).hasMessageStartingWith("not valid JSON at column 2: ");
        // A line cut short: one line of message, with where it broke, not Jackson's source marker.
        assertThatThrownBy(() -> JsonLines.parse("{\"type\":\"seizure\",\"eventId\":\"x\"", "BEANR"))
                .hasMessage("not valid JSON at column 32: Unexpected end-of-input: expected close marker for Object; "
                        + "each line must be one complete JSON object")
                .message().doesNotContain("Source", "\n");
    }
}
