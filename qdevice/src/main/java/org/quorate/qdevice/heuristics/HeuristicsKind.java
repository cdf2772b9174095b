package org.quorate.qdevice.heuristics;

import org.quorate.qdevice.backend.HeuristicsSettings;

/**
 * Why heuristics run (spec §6.2, §9). Each kind has its own slot in {@link HeuristicsExecutor}: a new
 * request of one kind supersedes a running one of the same kind, and never touches the other kinds.
 */
public enum HeuristicsKind {
    /** After a votequorum node-list callback; corosync sync is in progress by definition. */
    MEMBERSHIP,
    /** After the connection to qnetd is established; the result goes into the first MEMBERSHIP list. */
    CONNECT,
    /** The periodic run in mode {@code on}; a changed result produces HEURISTICS_CHANGE. */
    REGULAR;

    /** The timeout of a run: {@code sync_timeout} while corosync sync is in progress, else {@code timeout}. */
    public long timeoutMs(HeuristicsSettings settings, boolean syncInProgress) {
        return this == MEMBERSHIP || syncInProgress ? settings.syncTimeoutMs() : settings.timeoutMs();
    }
}
