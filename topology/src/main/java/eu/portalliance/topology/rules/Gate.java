package eu.portalliance.topology.rules;

import eu.portalliance.topology.avro.Sighting;

/**
 * Whether an entity rule can fire for a new sighting, decided from the entity's related sightings seen one at a time,
 * so the correlator loads an entity's whole history only when some rule can fire. A gate must never say no when
 * {@link EntityRule#evaluate} would find something: {@code GateContractTest} checks each rule's gate against its
 * evaluation.
 */
public interface Gate {
    enum Decision { MAY_FIRE, WONT_FIRE, UNDECIDED }

    /** Sees one related sighting (within the window of the new one); returns the decision if it is now known. */
    Decision see(Sighting related);

    /** Every related sighting was seen: the decision. */
    Decision finish();

    /** The gate of a rule that cannot be decided early: it may always fire. */
    Gate ALWAYS = new Gate() {
        @Override
        public Decision see(Sighting related) {
            return Decision.MAY_FIRE;
        }

        @Override
        public Decision finish() {
            return Decision.MAY_FIRE;
        }
    };

    /** The gate of a rule that does not apply to this sighting. */
    Gate NEVER = new Gate() {
        @Override
        public Decision see(Sighting related) {
            return Decision.WONT_FIRE;
        }

        @Override
        public Decision finish() {
            return Decision.WONT_FIRE;
        }
    };
}
