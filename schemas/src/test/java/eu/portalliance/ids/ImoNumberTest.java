package eu.portalliance.ids;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ImoNumberTest {

    @ParameterizedTest
    @ValueSource(strings = {"9074729", "IMO 9074729", "IMO9074729", "9176187", "9321483"})
    void acceptsRealNumbers(String imo) {
        assertThat(ImoNumber.problem(imo)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"9074728", "9074720", "9047729"})
    void rejectsNearMisses(String imo) {
        assertThat(ImoNumber.problem(imo)).hasValueSatisfying(p -> assertThat(p).contains("check digit"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"907472", "90747290", "9O74729", "IMO", ""})
    void rejectsWrongShape(String imo) {
        assertThat(ImoNumber.problem(imo)).hasValueSatisfying(p -> assertThat(p).isNotBlank());
    }

    @Test
    void checkDigitOfTheExample() {
        // 9*7 + 0*6 + 7*5 + 4*4 + 7*3 + 2*2 = 139, last digit 9
        assertThat(ImoNumber.checkDigit("907472")).isEqualTo(9);
        assertThat(ImoNumber.of(907472)).isEqualTo("9074729");
    }

    @Test
    void builtNumbersAreAsciiUnderALocaleWithItsOwnDigits() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("th-TH-u-nu-thai"));
            assertThat(ImoNumber.of(907472)).isEqualTo("9074729");
        } finally {
            Locale.setDefault(before);
        }
    }
}
