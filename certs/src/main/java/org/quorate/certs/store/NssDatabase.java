package org.quorate.certs.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A certificate database of the C tools (NSS, empty password) and the one-time export of its contents
 * through NSS's own {@code pk12util} and {@code certutil}. We shell out rather than load libsoftokn3 through
 * SunPKCS11 because the export then works with any JDK, fails with NSS's own messages, and is only needed
 * once: afterwards the daemons read plain PKCS#12 files.
 */
public final class NssDatabase {
    /** The file whose presence marks a database: sql format (cert9.db) or legacy dbm (cert8.db). */
    static final List<String> MARKERS = List.of("cert9.db", "cert8.db");

    private final Path directory;
    private final Optional<NssTools> tools;

    private NssDatabase(Path directory, Optional<NssTools> tools) {
        this.directory = directory;
        this.tools = tools;
    }

    /** True when {@code directory} holds an NSS database, detected as the C scripts do. */
    public static boolean presentIn(Path directory) {
        return MARKERS.stream().anyMatch(marker -> Files.isRegularFile(directory.resolve(marker)));
    }

    static NssDatabase in(Path directory) {
        return new NssDatabase(directory, NssTools.onSystemPath());
    }

    static NssDatabase in(Path directory, Optional<NssTools> tools) {
        return new NssDatabase(directory, tools);
    }

    /** NSS's database name: {@code sql:} for cert9.db, {@code dbm:} for the legacy cert8.db. */
    String databaseName() {
        String prefix = Files.isRegularFile(directory.resolve("cert9.db")) ? "sql:" : "dbm:";
        return prefix + directory;
    }

    /** True when the database holds a certificate with this nickname. */
    boolean hasCertificate(String nickname) throws CertStoreException {
        return run(List.of("certutil", "-L", "-d", databaseName(), "-n", nickname)).ok();
    }

    /** The certificate with this nickname, DER encoded. */
    byte[] exportCertificate(String nickname) throws CertStoreException {
        NssTools.Result result = run(List.of("certutil", "-L", "-d", databaseName(), "-n", nickname, "-r"));
        if (!result.ok() || result.stdout().length == 0) {
            throw new CertStoreException("Can't export certificate \"" + nickname + "\" from NSS database "
                    + directory + ": " + result.describe());
        }
        return result.stdout();
    }

    /** Key and certificate chain of this nickname as PKCS#12 with an empty password. */
    byte[] exportKey(String nickname) throws CertStoreException {
        Path scratch = null;
        try {
            // createTempDirectory gives mode 0700, so the exported key is never readable by others
            scratch = Files.createTempDirectory("quorate-nss-export");
            Path out = scratch.resolve("export.p12");
            NssTools.Result result = run(List.of("pk12util", "-o", out.toString(), "-n", nickname, "-d", databaseName(),
                    "-W", "", "-K", ""));
            if (!result.ok() || !Files.isRegularFile(out)) {
                throw new CertStoreException("Can't export key \"" + nickname + "\" from NSS database "
                        + directory + ": " + result.describe());
            }
            return Files.readAllBytes(out);
        } catch (IOException e) {
            throw new CertStoreException("Can't export key \"" + nickname + "\" from NSS database " + directory
                    + ": " + e.getMessage(), e);
        } finally {
            deleteQuietly(scratch);
        }
    }

    private NssTools.Result run(List<String> command) throws CertStoreException {
        NssTools found = tools.orElseThrow(() -> new CertStoreException("Can't run " + command.get(0)
                + " (from the libnss3-tools package) to read NSS database " + directory + ": not found on PATH"));
        List<String> arguments = command.subList(1, command.size());
        return command.get(0).equals("pk12util") ? found.pk12util(arguments) : found.certutil(arguments);
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            List<Path> all = new ArrayList<>(paths.sorted(Comparator.reverseOrder()).toList());
            for (Path path : all) {
                Files.deleteIfExists(path);
            }
        } catch (IOException ignored) {
            // a leftover 0700 temporary directory is harmless
        }
    }
}
