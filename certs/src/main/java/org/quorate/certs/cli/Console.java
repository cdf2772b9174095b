package org.quorate.certs.cli;

import java.io.PrintStream;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import org.quorate.certs.CertLayout;
import org.quorate.certs.store.NssMirror;
import org.quorate.certs.store.NssTools;

/**
 * What a command talks to: its output streams, the name it was started under ({@code $0} in the scripts'
 * messages, passed by the launcher as {@value #PROGRAM_PROPERTY}), the directory layout, the time and the
 * NSS tools (certutil, pk12util) that write the NSS database beside the PKCS#12 files.
 */
record Console(PrintStream out, PrintStream err, String program, CertLayout layout, Supplier<Instant> clock,
        Optional<NssTools> nssTools) {
    static final String PROGRAM_PROPERTY = "quorate.prog";

    static Console system(String defaultProgram) {
        return new Console(System.out, System.err, System.getProperty(PROGRAM_PROPERTY, defaultProgram),
                CertLayout.fromEnvironment(), Instant::now, NssTools.onSystemPath());
    }

    /**
     * Writes the NSS database with the tools found; says on stderr, once, when they are missing. What NSS's
     * tools print in the C scripts' steps reaches this terminal, as it does from the scripts.
     */
    NssMirror nssMirror() {
        return NssMirror.with(nssTools, err::println, new NssMirror.Terminal(out::print, err::print));
    }

    /**
     * Runs a command; an unexpected failure (a bug, or a JDK without RSA/AES) becomes one line on stderr
     * and exit code 1 instead of a stack trace.
     */
    int guarded(java.util.function.IntSupplier command) {
        try {
            return command.getAsInt();
        } catch (RuntimeException e) {
            return fail(ExitCodes.FAILURE, program + ": internal error: " + e);
        }
    }

    /** Like {@code echo ... >&2; exit code}. */
    int fail(int exitCode, String message) {
        err.println(message);
        return exitCode;
    }
}
