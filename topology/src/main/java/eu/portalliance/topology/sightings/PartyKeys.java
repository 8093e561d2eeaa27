package eu.portalliance.topology.sightings;

import eu.portalliance.avro.Party;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * One key per trading party, so the same consignee correlates across ports however each port spelled it:
 * the EORI number when there is one, otherwise the name without accents, punctuation or legal form.
 */
public final class PartyKeys {
    private static final Pattern LEGAL_FORM = Pattern.compile(
            "\\b(BV|NV|SA|SAS|SARL|SL|SLU|GMBH|AG|KG|LTD|LIMITED|LLC|INC|SRL|SPA|SP ZOO|AB|OY|AS|APS|LDA|CO|CORP)\\b");

    private static final Pattern KEY = Pattern.compile("(EORI|NAME):.+");
    // Compiled once: screening keys two parties per arrival notice, and String.replaceAll compiles on every call.
    private static final Pattern MARKS = Pattern.compile("\\p{M}");
    private static final Pattern NOT_ALPHANUMERIC = Pattern.compile("[^A-Z0-9 ]");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    /**
     * Names already normalised: a vessel call names the same few hundred consignees thousands of times, and the
     * Unicode decomposition and five pattern passes cost more than the rest of listing a notice's entities. Bounded:
     * past this many names it starts afresh.
     */
    private static final int MAX_REMEMBERED = 10_000;
    private static final Map<String, String> NORMALISED = new ConcurrentHashMap<>();

    private PartyKeys() {
    }

    /** What is wrong with a party key given by a user (as alerts show it), if anything. */
    public static Optional<String> problem(String key) {
        return key != null && KEY.matcher(key).matches() ? Optional.empty()
                : Optional.of("party key '" + key + "' must be EORI:<number> or NAME:<normalised name>/<country>, as alerts show it");
    }

    public static String of(Party party) {
        if (party.getEori() != null && !party.getEori().isBlank()) {
            return "EORI:" + party.getEori().trim().toUpperCase(Locale.ROOT).replace(" ", "");
        }
        if (NORMALISED.size() >= MAX_REMEMBERED) {
            NORMALISED.clear();
        }
        String name = NORMALISED.computeIfAbsent(party.getName(), PartyKeys::normalised);
        String country = party.getCountry() == null ? "" : "/" + party.getCountry().toUpperCase(Locale.ROOT);
        return "NAME:" + name + country;
    }

    private static String normalised(String raw) {
        String name = MARKS.matcher(Normalizer.normalize(raw, Normalizer.Form.NFD)).replaceAll("").toUpperCase(Locale.ROOT);
        name = SPACES.matcher(NOT_ALPHANUMERIC.matcher(name).replaceAll("")).replaceAll(" ").trim();
        return SPACES.matcher(LEGAL_FORM.matcher(name).replaceAll("")).replaceAll(" ").trim();
    }
}
