package eu.portalliance.reference;

import eu.portalliance.avro.PortInfo;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The founding alliance ports and the origin ports named in public seizure cases (see docs/domain.md). */
public final class KnownPorts {
    public record Port(String locode, String name, boolean member, List<String> neighbours) {
        public String country() {
            return locode.substring(0, 2);
        }

        public PortInfo toAvro() {
            return PortInfo.newBuilder().setLocode(locode).setName(name).setCountry(country())
                    .setAllianceMember(member).setNeighbours(neighbours).build();
        }
    }

    public static final List<Port> ALLIANCE = List.of(
            member("BEANR", "Antwerp-Bruges", "BEZEE", "NLRTM", "NLVLI"),
            member("BEZEE", "Zeebrugge", "BEANR", "NLVLI"),
            member("NLRTM", "Rotterdam", "BEANR", "NLVLI", "DEHAM"),
            member("NLVLI", "Vlissingen", "NLRTM", "BEANR"),
            member("DEHAM", "Hamburg", "DEBRV", "NLRTM"),
            member("DEBRV", "Bremerhaven", "DEHAM"),
            member("FRLEH", "Le Havre", "BEANR", "FRMRS"),
            member("FRMRS", "Marseille", "ESBCN", "ITGOA"),
            member("ESALG", "Algeciras", "ESVLC", "PTSIE"),
            member("ESVLC", "Valencia", "ESALG", "ESBCN"),
            member("ESBCN", "Barcelona", "ESVLC", "FRMRS"),
            member("PTSIE", "Sines", "PTLIS", "ESALG"),
            member("PTLIS", "Lisbon", "PTSIE"),
            member("ITGOA", "Genoa", "ITGIT", "FRMRS"),
            member("ITGIT", "Gioia Tauro", "ITGOA", "GRPIR"),
            member("GRPIR", "Piraeus", "ITGIT"),
            member("PLGDN", "Gdansk", "DEHAM"),
            member("SEGOT", "Gothenburg", "DEHAM"));

    public static final List<Port> ORIGINS = List.of(
            origin("ECGYE", "Guayaquil"), origin("ECPSJ", "Posorja"), origin("ECPBO", "Puerto Bolivar"),
            origin("COCTG", "Cartagena"), origin("COSMR", "Santa Marta"), origin("COTRB", "Turbo"),
            origin("COBUN", "Buenaventura"), origin("CRMOB", "Moin"), origin("CRLIO", "Limon"),
            origin("PAMIT", "Manzanillo"), origin("PABLB", "Balboa"), origin("BRSSZ", "Santos"),
            origin("BRPNG", "Paranagua"), origin("BRITJ", "Itajai"), origin("DOCAU", "Caucedo"),
            origin("MAPTM", "Tanger Med"));

    private static final Map<String, Port> BY_LOCODE = java.util.stream.Stream.concat(ALLIANCE.stream(), ORIGINS.stream())
            .collect(Collectors.toUnmodifiableMap(Port::locode, Function.identity()));

    private KnownPorts() {
    }

    public static Optional<Port> find(String locode) {
        return Optional.ofNullable(BY_LOCODE.get(locode));
    }

    public static List<String> allianceLocodes() {
        return ALLIANCE.stream().map(Port::locode).toList();
    }

    private static Port member(String locode, String name, String... neighbours) {
        return new Port(locode, name, true, List.of(neighbours));
    }

    private static Port origin(String locode, String name) {
        return new Port(locode, name, false, List.of());
    }
}
