package eu.portalliance.platform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import eu.portalliance.platform.CliRun;
import org.junit.jupiter.api.Test;

/** A mistyped command line is one line that says what is wrong and where the flags are listed, and exit code 2. */
class CommandLineErrorsTest {

    @Test
    void aBadEnumValueIsOneLineNotTheWholeUsage() {
        CliRun run = CliRun.of("subscribe", "--id", "EUROPOL", "--kind", "BOGUS");
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err().lines().toList()).containsExactly("alliance subscribe: Invalid value for option '--kind': "
                + "expected one of [PORT, EUROPOL, NATIONAL_HQ, OTHER] (case-sensitive) but was 'BOGUS' "
                + "(bin/alliance subscribe --help lists the flags)");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void aMissingRequiredFlagAndAnUnknownCommandAreOneLineEach() {
        CliRun missing = CliRun.of("outcome", "--port", "NLRTM");
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err().lines().toList()).hasSize(1).first().asString()
                .startsWith("alliance outcome: Missing required option").endsWith("(bin/alliance outcome --help lists the flags)");

        CliRun unknown = CliRun.of("subscibe", "--id", "X");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err().lines().toList()).hasSize(1).first().asString()
                .startsWith("alliance: Unmatched arguments").endsWith("(bin/alliance --help lists the flags)");
    }

    @Test
    void aMinimumScoreAboveTheHighestScoreIsRefusedBeforeAnythingIsWritten() {
        // No broker on this address: the check has to come before any connection, or this would fail differently.
        CliRun run = CliRun.of("subscribe", "--id", "EUROPOL", "--kind", "EUROPOL", "--min-score", "170",
                "--bootstrap", "127.0.0.1:1", "--registry", "http://127.0.0.1:1");
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err().lines().toList()).containsExactly(
                "alliance: --min-score 170: scores run from 0 to 100, so nothing would reach EUROPOL; give 0 to 100");
    }
}
