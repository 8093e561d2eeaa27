package eu.portalliance.topology.rules;

import static org.assertj.core.api.Assertions.assertThat;

import eu.portalliance.topology.cases.CaseScore;
import eu.portalliance.topology.query.RouteKey;
import eu.portalliance.topology.scoreboard.Weeks;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Alert text, attributes and store keys are data: the same input must give the same bytes on every machine, whatever
 * language its operator runs it in. A Dutch or German desktop writes decimal commas, a Thai one its own digits.
 */
class LocaleIndependentTextTest {
    private final Locale before = Locale.getDefault();

    @AfterEach
    void restore() {
        Locale.setDefault(before);
    }

    @Test
    void numbersInAlertTextKeepTheirDecimalPointUnderADecimalCommaLocale() {
        Locale.setDefault(Locale.GERMANY);
        assertThat(Sightings.describe(S.seizure("e1", "NLRTM", 0).setKilograms(12.5).build()))
                .isEqualTo("seizure at NLRTM (12.5 kg cocaine)");

        Finding surge = new RouteSurgeRule(0.01, 0.5, 3).evaluate(new RouteKey("ECGYE", "BEANR"), 0, 7,
                RouteSurgeRuleTest.window(8), List.of(1, 0, 0, 0)).orElseThrow();
        assertThat(surge.attributes()).containsEntry("baseline", "0.25");
        assertThat(surge.summary()).contains("(800.0 kg)", "baseline of 0.3 per window");

        double precision = CaseScore.smoothedPrecision(9, 0);
        assertThat(CaseScore.of(new CaseScore.Facts(1, 2, 100, false, false, false, 0, precision, null, null)).reasons())
                .contains(String.format(Locale.ROOT, "× %.2f for the leading rule's precision (91 %%)", 0.6 + 0.8 * precision))
                .noneMatch(reason -> reason.matches(".*\\d,\\d.*"));
    }

    @Test
    void weekLabelsAreAsciiUnderALocaleWithItsOwnDigits() {
        Locale.setDefault(Locale.forLanguageTag("th-TH-u-nu-thai"));
        assertThat(Weeks.label(Weeks.of(Instant.parse("2025-01-15T12:00:00Z")))).isEqualTo("2025-W03");
    }
}
