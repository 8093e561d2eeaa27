package eu.portalliance.ids;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ContainerNumberTest {

    @ParameterizedTest
    @ValueSource(strings = {"CSQU3054383", "MSKU9070323", "TGHU8792473", "MAEU1234567", "HLXU2008419", "GESU5607584"})
    void acceptsPublishedNumbers(String number) {
        assertThat(ContainerNumber.problem(number)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"CSQU3054384", "CSQU3054380", "CSQU3054833", "MSKU9070324"})
    void rejectsWrongCheckDigitNamingTheExpectedOne(String number) {
        assertThat(ContainerNumber.problem(number)).hasValueSatisfying(p -> assertThat(p).contains("check digit"));
    }

    @Test
    void wrongCheckDigitMessageGivesTheRightDigit() {
        assertThat(ContainerNumber.problem("CSQU3054384")).hasValueSatisfying(p -> assertThat(p).contains("ISO 6346 gives 3"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"CSQX3054383", "CSQ3054383", "CSQU305438", "csqu3054383", "CSQU30543833", "C5QU3054383", ""})
    void rejectsWrongShape(String number) {
        assertThat(ContainerNumber.problem(number)).hasValueSatisfying(p -> assertThat(p).isNotBlank());
    }

    @Test
    void rejectsNull() {
        assertThat(ContainerNumber.problem(null)).contains("container number is missing");
    }

    @Test
    void letterValuesSkipMultiplesOfEleven() {
        assertThat(ContainerNumber.charValue('A')).isEqualTo(10);
        assertThat(ContainerNumber.charValue('B')).isEqualTo(12);
        assertThat(ContainerNumber.charValue('K')).isEqualTo(21);
        assertThat(ContainerNumber.charValue('L')).isEqualTo(23);
        assertThat(ContainerNumber.charValue('U')).isEqualTo(32);
        assertThat(ContainerNumber.charValue('V')).isEqualTo(34);
        assertThat(ContainerNumber.charValue('Z')).isEqualTo(38);
    }

    @Test
    void builtNumbersAreValid() {
        for (int serial = 0; serial < 2000; serial += 7) {
            assertThat(ContainerNumber.isValid(ContainerNumber.of("ABCU", serial))).isTrue();
        }
        assertThat(ContainerNumber.of("CSQU", 305438)).isEqualTo("CSQU3054383");
    }

    @Test
    void builtNumbersAreAsciiUnderALocaleWithItsOwnDigits() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("th-TH-u-nu-thai"));
            assertThat(ContainerNumber.of("CSQU", 305438)).isEqualTo("CSQU3054383");
        } finally {
            Locale.setDefault(before);
        }
    }
}
