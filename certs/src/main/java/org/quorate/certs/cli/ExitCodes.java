package org.quorate.certs.cli;

/** The scripts' exit codes. */
final class ExitCodes {
    /** Done, or usage shown. */
    static final int OK = 0;
    /** Invalid option, missing option argument, database in the wrong state, failed operation. */
    static final int FAILURE = 1;
    /** Missing input file or cluster name, missing quick start hosts. */
    static final int MISSING_INPUT = 2;

    private ExitCodes() {
    }
}
