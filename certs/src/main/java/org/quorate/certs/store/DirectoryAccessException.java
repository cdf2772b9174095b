package org.quorate.certs.store;

import java.nio.file.Path;

/**
 * The certificate directory is missing or closed to the daemon's user. {@link #cDaemonLine()} is what the C
 * daemon logs for the same errno; {@link #getMessage()} names the path (and owner, mode and user).
 */
public final class DirectoryAccessException extends CertStoreException {
    private static final long serialVersionUID = 1L;

    private final transient FileAccess.DirectoryProblem problem;

    private DirectoryAccessException(FileAccess.DirectoryProblem problem) {
        super(problem.message(FileAccess.currentUser()));
        this.problem = problem;
    }

    /** Throws when {@code dir} cannot be listed and entered by this process. */
    static void check(Path dir) throws DirectoryAccessException {
        var problem = FileAccess.checkDirectory(dir);
        if (problem.isPresent()) {
            throw new DirectoryAccessException(problem.get());
        }
    }

    public FileAccess.DirectoryProblem problem() {
        return problem;
    }

    public String cDaemonLine() {
        return problem.cDaemonLine();
    }
}
