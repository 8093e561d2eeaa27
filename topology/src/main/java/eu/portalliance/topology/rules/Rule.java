package eu.portalliance.topology.rules;

/** A correlation rule: named, versioned and described, so every alert can say exactly what raised it. */
public interface Rule {
    String id();

    int version();

    String description();
}
