package org.quorate.daemon;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

/** Applies the daemons' {@code -d} flags to the logback configuration shipped in each jar. */
public final class Logging {
    private Logging() {
    }

    /** @param debugFlags how many times {@code -d} was given (or {@code debug: on} in corosync.conf) */
    public static void configure(int debugFlags) {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Logger quorate = (Logger) LoggerFactory.getLogger("org.quorate");
        if (debugFlags > 0) {
            quorate.setLevel(Level.DEBUG);
        }
        JournalPriorityConverter.raiseDebug(debugFlags > 1);
        if (root.getLevel() == null) {
            root.setLevel(Level.INFO);
        }
    }
}
