package org.quorate.bench.pki;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateEncodingException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.quorate.certs.CertLayout;

/**
 * Builds the C qnetd's NSS database from the bench CA: an empty-password database, the server key with
 * its chain imported by {@code pk12util} (nickname "QNetd Cert", the C daemon's default), and the CA
 * trusted for client certificates ("QNet CA", trust CT,c,c as {@code corosync-qnetd-certutil -i} sets it).
 */
public final class NssDatabaseBuilder {
    private static final long TOOL_TIMEOUT_SECONDS = 60;

    private NssDatabaseBuilder() {
    }

    public static void build(BenchPki pki, Path dir) throws IOException {
        Files.createDirectories(dir);
        // no "sql:" prefix: NSS 3.87 defaults to sql, and the prefix written into pkcs11.txt makes the C
        // daemon's NSS_Init fail with "Failure to load dynamic library"
        String db = dir.toString();
        Path password = dir.resolve(CertLayout.PASSWORD);
        Files.writeString(password, "");
        run(List.of("certutil", "-N", "-d", db, "-f", password.toString()));
        Path caFile = dir.resolve("qnet-ca.der");
        try {
            Files.write(caFile, pki.caCertificate().getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IOException("Can't encode the bench CA certificate", e);
        }
        run(List.of("certutil", "-A", "-d", db, "-f", password.toString(), "-n", CertLayout.CA_NICKNAME,
                "-t", "CT,c,c", "-i", caFile.toString()));
        run(List.of("pk12util", "-i", pki.serverPkcs12().toString(), "-d", db, "-W", "", "-K", ""));
        // The JDK writes PKCS#12 friendlyNames in lower case, so the import is named "qnetd cert"; the C
        // daemon looks its certificate up as "QNetd Cert" and fails start-up without this rename.
        String imported = CertLayout.SERVER_NICKNAME.toLowerCase(java.util.Locale.ROOT);
        if (!imported.equals(CertLayout.SERVER_NICKNAME) && exitCode(List.of("certutil", "-L", "-d", db, "-n",
                CertLayout.SERVER_NICKNAME)) != 0) {
            run(List.of("certutil", "--rename", "-d", db, "-f", password.toString(), "-n", imported, "--new-n",
                    CertLayout.SERVER_NICKNAME));
        }
    }

    private static int exitCode(List<String> command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        process.getInputStream().readAllBytes();
        try {
            return process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running " + command.get(0), e);
        }
    }

    private static void run(List<String> command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        try {
            if (!process.waitFor(TOOL_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException(command.get(0) + " did not finish in " + TOOL_TIMEOUT_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running " + command.get(0), e);
        }
        if (process.exitValue() != 0) {
            throw new IOException(String.join(" ", new ArrayList<>(command)) + " failed with exit code "
                    + process.exitValue() + (output.isEmpty() ? "" : ": " + output));
        }
    }
}
