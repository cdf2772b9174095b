package org.quorate.votequorum;

/** The two timers votequorum keeps; arming one that is armed replaces it, as corosync deletes it first. */
public enum TimerKind {
    /** The quorum device's poll deadline: {@code quorum.device.timeout}, or {@code sync_timeout} during a sync. */
    QDEVICE,
    /** last_man_standing's window after a membership change. */
    LAST_MAN_STANDING
}
