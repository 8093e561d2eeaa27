package eu.portalliance.topology.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import eu.portalliance.topics.Topics;
import eu.portalliance.validation.RejectReason;
import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.Set;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;

class RejectCounterTest {

    @Test
    void rejectsAreCountedPerPortAndReasonAndPublishedAsKafkaMetrics() throws Exception {
        try (RejectCounter counter = new RejectCounter()) {
            counter.increment(RejectReason.UNREADABLE, Topics.seizures("BEANR"));
            counter.increment(RejectReason.UNREADABLE, Topics.suspicious("BEANR"));
            counter.increment(RejectReason.PORT_MISMATCH, Topics.seizures("NLRTM"));

            assertThat(counter.byPort()).isEqualTo(Map.of("BEANR", Map.of("UNREADABLE", 2L), "NLRTM", Map.of("PORT_MISMATCH", 1L)));
            assertThat(counter.count(RejectReason.UNREADABLE)).isEqualTo(2);

            MBeanServer jmx = ManagementFactory.getPlatformMBeanServer();
            Set<ObjectName> beans = jmx.queryNames(new ObjectName(RejectCounter.METRIC_PREFIX + ":type=" + RejectCounter.METRIC_GROUP
                    + ",port=BEANR,reason=UNREADABLE,*"), null);
            assertThat(beans).hasSize(1);
            assertThat(jmx.getAttribute(beans.iterator().next(), RejectCounter.METRIC)).isEqualTo(2.0);
        }
    }

    @Test
    void aFloodIsLoggedAsAFewExamplesPerReason() {
        LogBudget budget = new LogBudget();
        int logged = 0;
        for (int i = 0; i < 1_000; i++) {
            logged += budget.shouldLog(RejectReason.UNREADABLE) ? 1 : 0;
        }
        assertThat(logged).isEqualTo(LogBudget.PER_REASON_PER_MINUTE);
        assertThat(budget.shouldLog(RejectReason.INVALID_IMO)).as("another reason has its own budget").isTrue();
    }
}
