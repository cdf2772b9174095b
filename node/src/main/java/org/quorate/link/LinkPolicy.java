package org.quorate.link;


/** How packets to one host are spread over its eligible links (totem.link_mode), with knet's codes. */
public enum LinkPolicy {
    /** One link: the eligible one with the highest priority number; ties go to the lowest link id. */
    PASSIVE(0, "passive"),
    /** Every packet on every eligible link; the receiver removes duplicates. */
    ACTIVE(1, "active"),
    /** Packets rotate over the eligible links. */
    RR(2, "rr");

    private final int code;
    private final String confName;

    LinkPolicy(int code, String confName) {
        this.code = code;
        this.confName = confName;
    }

    public int code() {
        return code;
    }

    /** The value of {@code totem.link_mode}. */
    public String confName() {
        return confName;
    }

    /** Reads {@code totem.link_mode}; corosync accepts exactly these three words. */
    public static LinkPolicy fromConf(String value) {
        for (LinkPolicy p : values()) {
            if (p.confName.equals(value)) {
                return p;
            }
        }
        throw new IllegalArgumentException("totem.link_mode: \"" + value + "\" is not one of passive, active, rr");
    }
}
