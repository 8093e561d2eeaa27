package eu.portalliance.ports.simulation;

import eu.portalliance.avro.Concealment;
import eu.portalliance.avro.DetectionMethod;
import eu.portalliance.avro.DrugType;
import eu.portalliance.avro.HandlingCode;
import eu.portalliance.avro.Indicator;
import eu.portalliance.avro.SubjectType;
import java.util.List;

/**
 * The shares the simulator draws from, taken from the public figures in docs/domain.md: which ports see most
 * traffic (Antwerp-Bruges and Rotterdam first), where the cocaine comes from (Ecuador, Colombia, Brazil, Panama),
 * how it is hidden (rip-on/rip-off first, the reefer unit often), how much is seized at once (25 kg to 13 t).
 */
final class TrafficModel {
    private TrafficModel() {
    }

    static Weighted<String> ports(List<String> allowed) {
        Weighted<String> w = new Weighted<>();
        Object[][] shares = {{"BEANR", 22}, {"NLRTM", 20}, {"DEHAM", 12}, {"ESALG", 8}, {"ESVLC", 7}, {"FRLEH", 6},
            {"DEBRV", 5}, {"ITGIT", 4}, {"ITGOA", 3}, {"ESBCN", 3}, {"GRPIR", 3}, {"PTSIE", 2}, {"FRMRS", 2}, {"BEZEE", 2},
            {"NLVLI", 1}, {"PTLIS", 1}, {"PLGDN", 1}, {"SEGOT", 1}};
        for (Object[] s : shares) {
            if (allowed.contains((String) s[0])) {
                w.add((String) s[0], ((Integer) s[1]).doubleValue());
            }
        }
        // Ports outside the founding list (a new member) get a small share.
        allowed.stream().filter(p -> java.util.Arrays.stream(shares).noneMatch(s -> s[0].equals(p))).forEach(p -> w.add(p, 1));
        return w;
    }

    static final Weighted<String> ORIGINS = new Weighted<String>()
            .add("ECGYE", 18).add("ECPSJ", 6).add("ECPBO", 4).add("COCTG", 8).add("COSMR", 4).add("COTRB", 3)
            .add("COBUN", 4).add("BRSSZ", 10).add("BRPNG", 3).add("BRITJ", 3).add("PAMIT", 6).add("PABLB", 3)
            .add("CRMOB", 4).add("CRLIO", 2).add("DOCAU", 3).add("CNSHA", 8).add("USNYC", 4).add("INNSA", 3).add("ZADUR", 2);

    static final Weighted<String> TRANSSHIPMENT = new Weighted<String>()
            .add("PAMIT", 4).add("PABLB", 2).add("MAPTM", 3).add("DOCAU", 1).add("JMKIN", 1);

    static final Weighted<String> HS_CODES = new Weighted<String>()
            .add("0803", 35).add("0804", 10).add("0901", 10).add("0306", 5).add("4407", 10).add("6908", 10)
            .add("8703", 10).add("2204", 5).add("3923", 5);

    static final Weighted<DrugType> DRUGS = new Weighted<DrugType>()
            .add(DrugType.COCAINE, 85).add(DrugType.CANNABIS, 8).add(DrugType.HEROIN, 3).add(DrugType.SYNTHETIC_OPIOIDS, 2)
            .add(DrugType.METHAMPHETAMINE, 2);

    static final Weighted<Concealment> CONCEALMENT = new Weighted<Concealment>()
            .add(Concealment.RIP_ON_RIP_OFF, 40).add(Concealment.IN_LEGIT_CARGO, 25).add(Concealment.REEFER_UNIT, 12)
            .add(Concealment.CONTAINER_STRUCTURE, 10).add(Concealment.CLONE_CONTAINER, 3).add(Concealment.HULL, 2)
            .add(Concealment.OTHER, 8);

    static final Weighted<DetectionMethod> DETECTION = new Weighted<DetectionMethod>()
            .add(DetectionMethod.SCAN_XRAY, 35).add(DetectionMethod.RISK_PROFILE, 20).add(DetectionMethod.INTELLIGENCE, 15)
            .add(DetectionMethod.CANINE, 10).add(DetectionMethod.SEAL_CHECK, 8).add(DetectionMethod.RANDOM, 7)
            .add(DetectionMethod.FOREIGN_TIP, 5);

    static final Weighted<HandlingCode> HANDLING = new Weighted<HandlingCode>()
            .add(HandlingCode.TLP_GREEN, 50).add(HandlingCode.TLP_AMBER, 35).add(HandlingCode.TLP_AMBER_STRICT, 10)
            .add(HandlingCode.TLP_RED, 5);

    static final Weighted<SubjectType> SUBJECTS = new Weighted<SubjectType>()
            .add(SubjectType.CONTAINER, 85).add(SubjectType.VESSEL, 5).add(SubjectType.PARTY, 5).add(SubjectType.BILL_OF_LADING, 5);

    static final List<Indicator> ORDINARY_INDICATORS = List.of(Indicator.SEAL_MISMATCH, Indicator.RESEALED_WITHOUT_CUSTOMS,
            Indicator.SCAN_IMAGE_MISMATCH, Indicator.ROUTE_RISK, Indicator.DWELL_ANOMALY, Indicator.INTRUDER_NEAR_STACK,
            Indicator.NEW_CONSIGNEE, Indicator.VOLUME_JUMP);

    static final List<Indicator> INSIDER_INDICATORS = List.of(Indicator.RELEASE_RIGHT_REASSIGNED,
            Indicator.GATE_OUT_BEFORE_RELEASE, Indicator.TOS_RECORD_EDITED);

    /** Real carriers' owner codes with the U category; numbers get a valid ISO 6346 check digit. */
    static final List<String> OWNERS = List.of("MSKU", "MSCU", "MEDU", "CMAU", "CGMU", "HLXU", "HLBU", "CSQU", "OOLU",
            "EGSU", "EMCU", "TGHU", "TCLU", "SEGU", "MAEU", "ONEU", "YMLU", "ZIMU", "SUDU", "TRHU");

    static final List<String> COMPANY_WORDS = List.of("Agro", "Fruta", "Tropical", "Global", "Nordic", "Iberia",
            "Atlantic", "Andes", "Pacific", "Verde", "Sol", "Euro", "Delta", "Prime", "Fresh", "Ocean", "Terra", "Royal");

    static final List<String> COMPANY_KINDS = List.of("Import", "Trading", "Foods", "Logistics", "Distribution",
            "Export", "Produce", "Commodities");

    static final List<String> LEGAL_FORMS = List.of("BV", "NV", "GmbH", "SL", "SA", "SRL", "Ltd", "SAS");

    static final List<String> CONSIGNEE_COUNTRIES = List.of("NL", "BE", "DE", "ES", "FR", "IT", "PT", "GR", "PL", "SE");
}
