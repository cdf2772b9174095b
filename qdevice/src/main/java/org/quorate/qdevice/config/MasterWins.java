package org.quorate.qdevice.config;

/** {@code -S master_wins}: let the model decide (the net model: off), or force it. */
public enum MasterWins {
    MODEL, FORCE_ON, FORCE_OFF;

    /** What is passed to {@code votequorum_qdevice_master_wins}: on only when forced on, as in C. */
    public boolean allowed() {
        return this == FORCE_ON;
    }
}
