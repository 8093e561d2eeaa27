package eu.portalliance.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URL;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.AppenderRef;
import org.apache.logging.log4j.core.config.ConfigurationSource;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.xml.XmlConfiguration;
import org.junit.jupiter.api.Test;

/**
 * The shipped log configuration: a file log4j cannot parse leaves every process without logging (an XML comment may
 * not hold "--", for one), and the routes below are what keeps the console to what needs the user.
 */
class LogConfigurationTest {

    @Test
    void theShippedConfigurationParsesAndKeepsBenignWarningsInTheFile() throws Exception {
        URL shipped = getClass().getResource("/log4j2.xml");
        assertThat(shipped).isNotNull();
        try (InputStream in = shipped.openStream()) {
            DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in);
        }
        XmlConfiguration config;
        try (InputStream in = shipped.openStream()) {
            config = new XmlConfiguration(new LoggerContext("log-configuration-test"), new ConfigurationSource(in, shipped));
            config.initialize();
        }
        for (String fileOnly : new String[] {"LogFutureTimestampLogger", "org.apache.kafka.common.network.Selector"}) {
            LoggerConfig logger = config.getLoggers().get(fileOnly);
            assertThat(logger).as(fileOnly).isNotNull();
            assertThat(logger.getAppenderRefs()).extracting(AppenderRef::getRef).as(fileOnly).containsExactly("file");
            assertThat(logger.isAdditive()).as(fileOnly).isFalse();
        }
        // The tools turn the Kafka clients' retry warnings off on their console; the services keep them.
        LoggerConfig network = config.getLoggers().get("org.apache.kafka.clients.NetworkClient");
        assertThat(network.getAppenderRefs()).filteredOn(r -> r.getRef().equals("console")).singleElement()
                .extracting(r -> String.valueOf(r.getLevel())).isEqualTo("WARN");
    }
}
