package eu.portalliance.ports.simulation;

import eu.portalliance.avro.ArrivalNotice;
import eu.portalliance.avro.HandlingCode;
import eu.portalliance.avro.Party;
import eu.portalliance.avro.Route;
import eu.portalliance.ids.ContainerNumber;
import eu.portalliance.ids.ImoNumber;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * A vessel call's pre-arrival notices: one per container, announced together days before the vessel berths. The
 * manifest mixes containers loaded at risk origins (Ecuador, Colombia, Brazil, Panama, Costa Rica, the Dominican
 * Republic) with the rest; fruit travels in reefers; part of the cargo is transshipped at the hubs. Containers named
 * in {@code include} (the alliance's planted intelligence, say) are placed in the manifest from a risk origin.
 */
public final class VesselCall {
    /** Loading ports on the cocaine routes, as in the simulator's origins. */
    static final Weighted<String> RISK_ORIGINS = new Weighted<String>()
            .add("ECGYE", 18).add("ECPSJ", 6).add("COCTG", 8).add("COSMR", 4).add("COBUN", 4).add("BRSSZ", 10)
            .add("PAMIT", 6).add("CRMOB", 4).add("DOCAU", 3);
    static final Weighted<String> OTHER_ORIGINS = new Weighted<String>()
            .add("CNSHA", 20).add("CNNGB", 12).add("SGSIN", 10).add("USNYC", 6).add("INNSA", 6).add("ZADUR", 4)
            .add("TRIST", 4).add("MYPKG", 6);
    private static final Weighted<String> OTHER_HS = new Weighted<String>()
            .add("8471", 10).add("8703", 10).add("6403", 8).add("9403", 8).add("3923", 6).add("4407", 6).add("6908", 5);

    public record Settings(long seed, String port, String vesselImo, String voyage, Instant noticeTime, int containers,
                           double riskShare, List<String> include) {
        public Settings {
            if (containers < 1 || containers > 30_000) {
                throw new IllegalArgumentException("a vessel call has 1 to 30,000 containers, not " + containers);
            }
            if (riskShare < 0 || riskShare > 1) {
                throw new IllegalArgumentException("riskShare is a share from 0 to 1, not " + riskShare);
            }
            include = List.copyOf(include);
            if (include.size() > containers) {
                throw new IllegalArgumentException(include.size() + " containers to include do not fit in a call of " + containers);
            }
        }
    }

    private VesselCall() {
    }

    /** Whether a notice of a simulated call was loaded at one of the risk origins its manifest draws from. */
    public static boolean fromRiskOrigin(ArrivalNotice notice) {
        return RISK_ORIGINS.contains(notice.getRoute().getPortOfLoading());
    }

    /** A vessel IMO number the seed fixes. */
    public static String vessel(long seed) {
        return ImoNumber.of(800_000 + new SplittableRandom(seed).nextInt(99_999));
    }

    public static List<ArrivalNotice> notices(Settings s) {
        SplittableRandom random = new SplittableRandom(s.seed());
        Instant eta = s.noticeTime().plus(Duration.ofDays(3));
        List<ArrivalNotice> out = new ArrayList<>(s.containers());
        int planted = 0;
        for (int i = 0; i < s.containers(); i++) {
            // Planted containers are spread over the manifest, not bunched at its start.
            boolean plant = planted < s.include().size() && i == (planted + 1) * s.containers() / (s.include().size() + 1);
            boolean risky = plant || random.nextDouble() < s.riskShare();
            String loading = risky ? RISK_ORIGINS.pick(random) : OTHER_ORIGINS.pick(random);
            String hs = risky && random.nextDouble() < 0.6 ? TrafficModel.HS_CODES.pick(random) : OTHER_HS.pick(random);
            boolean fruit = hs.startsWith("08");
            List<String> transshipped = random.nextDouble() < 0.3 ? List.of(TrafficModel.TRANSSHIPMENT.pick(random)) : List.of();
            String container = plant ? s.include().get(planted++)
                    : ContainerNumber.of(TrafficModel.OWNERS.get(random.nextInt(TrafficModel.OWNERS.size())), random.nextInt(1_000_000));
            out.add(ArrivalNotice.newBuilder()
                    .setEventId(s.port() + "-ENS-" + s.vesselImo() + "-" + s.voyage() + "-" + (i + 1))
                    .setReportingPort(s.port()).setNoticeTime(s.noticeTime())
                    .setVesselImo(s.vesselImo()).setVoyage(s.voyage()).setEta(eta)
                    .setContainerNumber(container)
                    .setBillOfLading("BL" + s.voyage() + String.format(Locale.ROOT, "%06d", i + 1))
                    .setRoute(Route.newBuilder().setPortOfLoading(loading).setTransshipmentPorts(transshipped).build())
                    .setDeclaredHsCode(hs)
                    .setConsignee(consignee(random))
                    .setReefer(fruit ? random.nextDouble() < 0.9 : random.nextDouble() < 0.03)
                    .setGrossMassKg(8_000 + random.nextInt(22_000))
                    .setHandlingCode(HandlingCode.TLP_AMBER)
                    .build());
        }
        return out;
    }

    private static Party consignee(SplittableRandom random) {
        int id = random.nextInt(400);
        String country = TrafficModel.CONSIGNEE_COUNTRIES.get(id % TrafficModel.CONSIGNEE_COUNTRIES.size());
        return Party.newBuilder().setName(TrafficModel.COMPANY_WORDS.get(id % TrafficModel.COMPANY_WORDS.size()) + " "
                        + TrafficModel.COMPANY_KINDS.get(id % TrafficModel.COMPANY_KINDS.size()) + " " + (id + 1) + " "
                        + TrafficModel.LEGAL_FORMS.get(id % TrafficModel.LEGAL_FORMS.size()))
                .setCountry(country).build();
    }
}
