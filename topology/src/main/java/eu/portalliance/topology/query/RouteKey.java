package eu.portalliance.topology.query;

import eu.portalliance.avro.EntityType;
import eu.portalliance.ids.UnLocode;
import java.util.Objects;

/** An origin → alliance port route, as the route-surge rule (R13) and the analysts' route queries see it. */
public record RouteKey(String origin, String port) {
    private static final String ARROW = ">";

    public RouteKey {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(port, "port");
    }

    /** How a route reads in alerts and answers, e.g. {@code ECGYE>BEANR}. */
    @Override
    public String toString() {
        return origin + ARROW + port;
    }

    public static RouteKey parse(String text) {
        int at = text.indexOf(ARROW);
        if (at < 0) {
            throw new IllegalArgumentException("not a route: " + text + " (expected ORIGIN>PORT)");
        }
        return new RouteKey(text.substring(0, at), text.substring(at + ARROW.length()));
    }

    /** The route as an entity: what its windows are stored under. */
    public EntityRef entity() {
        return new EntityRef(EntityType.ROUTE, toString());
    }

    /** The origin's country when it is a port (LOCODE), else the origin itself. */
    public String originCountry() {
        return UnLocode.isValid(origin) ? UnLocode.country(origin) : origin;
    }
}
