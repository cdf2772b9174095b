package org.quorate.qnetd.algorithm;

/** The cluster-wide ffsplit state (spec §7.3). */
public enum FfsplitClusterPhase {
    WAITING_FOR_CHANGE,
    WAITING_FOR_STABLE_MEMBERSHIP,
    SENDING_NACKS,
    SENDING_ACKS
}
