package org.quorate.config;

/** What Quorate does with a setting the C daemon has, shown in the settings table. */
public enum Support {
    /** Read and acted upon as the C daemon does. */
    IMPLEMENTED("yes"),
    /** Parsed and range-checked as in C (so command lines stay valid), then unused: the C mechanism does not exist here. */
    ACCEPTED_IGNORED("accepted, ignored"),
    /** The C daemon accepts it with a "deprecated and has no effect" warning; so does Quorate. */
    DEPRECATED("deprecated, no effect"),
    /** Quorate's own addition; the C daemon rejects the name. */
    QUORATE_ONLY("Quorate only");

    private final String label;

    Support(String label) {
        this.label = label;
    }

    /** The word in the table's "used" column. */
    public String label() {
        return label;
    }
}
