package org.quorate.conf;

/**
 * The effective totem timers (exec/totemconfig.c {@code totem_volatile_config_read}): what corosync
 * publishes under {@code runtime.config.totem.*}. {@code configuredNodes} is the number of nodes with a
 * ring0_addr, not the live membership.
 */
public record TotemTimers(long tokenEff, long tokenRetransmit, long hold, long consensus, long join, long merge,
                          long downcheck, long maxNetworkDelay) {

    /** Derives the timers of {@code totem} for a nodelist of {@code configuredNodes} link-0 members. */
    public static TotemTimers of(TotemConfig totem, int configuredNodes) {
        long token = totem.get(TotemKey.TOKEN);
        if (configuredNodes > 2) {
            token += (configuredNodes - 2) * totem.get(TotemKey.TOKEN_COEFFICIENT);
        }
        long retransmitsBeforeLoss = totem.get(TotemKey.TOKEN_RETRANSMITS_BEFORE_LOSS_CONST);
        long retransmit = totem.configured(TotemKey.TOKEN_RETRANSMIT) ? totem.get(TotemKey.TOKEN_RETRANSMIT)
            : (long) (token / (retransmitsBeforeLoss + 0.2));
        long hold = totem.configured(TotemKey.HOLD) ? totem.get(TotemKey.HOLD) : (long) (retransmit * 0.8 - 10);
        long consensus = totem.configured(TotemKey.CONSENSUS) ? totem.get(TotemKey.CONSENSUS)
            : (long) (float) (1.2 * token);
        return new TotemTimers(token, retransmit, hold, consensus, totem.get(TotemKey.JOIN), totem.get(TotemKey.MERGE),
            totem.get(TotemKey.DOWNCHECK), totem.get(TotemKey.MAX_NETWORK_DELAY));
    }
}
