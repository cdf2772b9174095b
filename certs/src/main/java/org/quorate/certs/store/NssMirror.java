package org.quorate.certs.store;

import static org.quorate.certs.CertLayout.PASSWORD;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.quorate.certs.pki.CertificateCodec;

/**
 * The NSS database (cert9.db, key4.db, pkcs11.txt; empty password in pwdfile.txt) that Quorate's certificate
 * tools write beside their PKCS#12/PEM files, with the C scripts' nicknames and trust, so that pcs, crmsh
 * and the C programs recognise the store and a host can go back to the C packages. The PKCS#12 files stay
 * what Quorate's daemons read; this database is written from them, with NSS's own tools.
 *
 * <p>Where the tools are missing, {@link #available()} says so once through {@code notice} and every
 * operation writes PKCS#12 only.
 */
public final class NssMirror {
    /** The files {@code certutil -N} creates in the sql format, as the C scripts list them. */
    public static final List<String> DATABASE_FILES = List.of("cert9.db", "key4.db", "pkcs11.txt");

    private final Optional<NssTools> tools;
    private final Consumer<String> notice;
    private final Terminal terminal;
    private boolean noticeGiven;

    private NssMirror(Optional<NssTools> tools, Consumer<String> notice, Terminal terminal) {
        this.tools = tools;
        this.notice = notice;
        this.terminal = terminal;
    }

    /**
     * Where the NSS tools' own words go: the terminal of a certutil command, so that it shows what the C
     * script shows (the script lets certutil/pk12util print). Text is passed as printed, line ends included.
     */
    public record Terminal(Consumer<String> out, Consumer<String> err) {
        /** For the daemons' first start and for checks: NSS's chatter is nobody's business there. */
        public static final Terminal SILENT = new Terminal(text -> { }, text -> { });
    }

    /** With the tools on this process's PATH; {@code notice} hears once when they are missing. */
    public static NssMirror onSystemPath(Consumer<String> notice) {
        return new NssMirror(NssTools.onSystemPath(), notice, Terminal.SILENT);
    }

    public static NssMirror with(Optional<NssTools> tools, Consumer<String> notice) {
        return new NssMirror(tools, notice, Terminal.SILENT);
    }

    /** Like {@link #with(Optional, Consumer)}, passing the tools' output of the C scripts' steps to {@code terminal}. */
    public static NssMirror with(Optional<NssTools> tools, Consumer<String> notice, Terminal terminal) {
        return new NssMirror(tools, notice, terminal);
    }

    /** Where the C script's NSS lines for steps done in Java go. */
    Terminal terminal() {
        return terminal;
    }

    /** Passes a tool's output through when the run stands for a step of the C script. */
    private void echo(NssTools.Result result, boolean echo) {
        if (!echo) {
            return;
        }
        if (result.stdout().length > 0) {
            terminal.out().accept(new String(result.stdout(), java.nio.charset.StandardCharsets.UTF_8));
        }
        if (result.stderr().length > 0) {
            terminal.err().accept(new String(result.stderr(), java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    /** True when the NSS tools were found; otherwise says {@link NssTools#MISSING} (once) and returns false. */
    public boolean available() {
        if (tools.isPresent()) {
            return true;
        }
        if (!noticeGiven) {
            noticeGiven = true;
            notice.accept(NssTools.MISSING);
        }
        return false;
    }

    /** True when {@code dir} holds an sql-format database (cert9.db). */
    static boolean presentIn(Path dir) {
        return Files.isRegularFile(dir.resolve(DATABASE_FILES.get(0)));
    }

    /**
     * {@code certutil -N} with the empty password in {@code pwdfile.txt} (which must exist), then the C
     * script's chmod/chown of the database files.
     *
     * @param echo the script's own {@code certutil -N}: its output ("password file contains no data") is shown
     */
    void create(Path dir, Set<PosixFilePermission> fileMode, Path ownerReference, boolean echo)
            throws CertStoreException {
        NssTools nss = tools.orElseThrow();
        NssTools.Result created = nss.certutil(List.of("-N", "-d", dir.toString(), "-f",
                dir.resolve(PASSWORD).toString()));
        echo(created, echo);
        check(created, "create the NSS database in " + dir);
        for (String file : DATABASE_FILES) {
            Path path = dir.resolve(file);
            if (!Files.isRegularFile(path)) {
                throw new CertStoreException("Can't find certificate database files. Certificate database (" + dir
                        + ") cannot be created (" + file + " is missing after certutil -N)");
            }
            try {
                StoreFiles.setMode(path, fileMode);
            } catch (java.io.IOException e) {
                throw new CertStoreException("Can't set the mode of " + path + ": " + e.getMessage(), e);
            }
            if (ownerReference != null) {
                StoreFiles.chownLike(path, ownerReference);
            }
        }
    }

    /**
     * {@code pk12util -i}: key and chain of a bundle; nicknames come from its friendlyNames.
     *
     * @param echo the script's own {@code pk12util -i} (-m): its output ("PKCS12 IMPORT SUCCESSFUL") is shown
     */
    void importPkcs12(Path dir, Path bundle, String expectedNickname, boolean echo) throws CertStoreException {
        NssTools nss = tools.orElseThrow();
        NssTools.Result imported = nss.pk12util(List.of("-i", bundle.toString(), "-d", dir.toString(), "-W", "",
                "-k", dir.resolve(PASSWORD).toString()));
        echo(imported, echo);
        check(imported, "import " + bundle + " into the NSS database in " + dir);
        // A bundle whose friendlyName was lower-cased (the JDK's KeyStore does that) imports under that
        // name; the C programs look the certificate up by its exact nickname.
        String lower = expectedNickname.toLowerCase(Locale.ROOT);
        if (certificate(dir, expectedNickname).isEmpty() && certificate(dir, lower).isPresent()) {
            check(nss.certutil(List.of("--rename", "-d", dir.toString(), "-f", dir.resolve(PASSWORD).toString(),
                    "-n", lower, "--new-n", expectedNickname)), "rename \"" + lower + "\" in " + dir);
        }
        if (certificate(dir, expectedNickname).isEmpty()) {
            throw new CertStoreException("NSS database " + dir + " has no \"" + expectedNickname
                    + "\" after importing " + bundle);
        }
    }

    /**
     * {@code certutil -A}: a certificate without key (PEM or DER file).
     *
     * @param echo the script's own {@code certutil -A} (node -i): its output is shown
     */
    void addCertificate(Path dir, String nickname, String trust, Path certificateFile, boolean echo)
            throws CertStoreException {
        NssTools nss = tools.orElseThrow();
        NssTools.Result added = nss.certutil(List.of("-A", "-d", dir.toString(), "-f",
                dir.resolve(PASSWORD).toString(), "-n", nickname, "-t", trust, "-i", certificateFile.toString()));
        echo(added, echo);
        check(added, "add \"" + nickname + "\" to the NSS database in " + dir);
    }

    /** {@code certutil -M -t}: the trust flags of a nickname. */
    void setTrust(Path dir, String nickname, String trust) throws CertStoreException {
        NssTools nss = tools.orElseThrow();
        check(nss.certutil(List.of("-M", "-d", dir.toString(), "-f", dir.resolve(PASSWORD).toString(), "-n",
                nickname, "-t", trust)), "set the trust of \"" + nickname + "\" in " + dir);
    }

    /** Deletes every certificate (and its key, where there is one) under {@code nickname}. */
    void delete(Path dir, String nickname) throws CertStoreException {
        NssTools nss = tools.orElseThrow();
        String password = dir.resolve(PASSWORD).toString();
        for (int round = 0; round < 16 && certificate(dir, nickname).isPresent(); round++) {
            if (!nss.certutil(List.of("-F", "-d", dir.toString(), "-f", password, "-n", nickname)).ok()) {
                check(nss.certutil(List.of("-D", "-d", dir.toString(), "-f", password, "-n", nickname)),
                        "delete \"" + nickname + "\" from the NSS database in " + dir);
            }
        }
    }

    /** The certificate under {@code nickname} (DER), empty when there is none. */
    Optional<byte[]> certificate(Path dir, String nickname) throws CertStoreException {
        NssTools.Result result = tools.orElseThrow().certutil(List.of("-L", "-d", dir.toString(), "-n", nickname,
                "-r"));
        return result.ok() && result.stdout().length > 0 ? Optional.of(result.stdout()) : Optional.empty();
    }

    /**
     * Where the NSS database in {@code dir} differs from what the PKCS#12/PEM files hold: one sentence per
     * nickname whose certificate is missing or different. Empty when they agree, when there is no sql
     * database, or when the tools are missing (nothing to compare with).
     *
     * @param expected nickname to the certificate Quorate's files hold, with the file's name
     */
    public List<String> differences(Path dir, Map<String, Expected> expected) throws CertStoreException {
        List<String> differences = new ArrayList<>();
        if (tools.isEmpty() || !presentIn(dir)) {
            return differences;
        }
        for (Map.Entry<String, Expected> entry : expected.entrySet()) {
            String nickname = entry.getKey();
            Expected ours = entry.getValue();
            Optional<byte[]> theirs = certificate(dir, nickname);
            String oursText = describe(encoded(ours.certificate()));
            if (theirs.isEmpty()) {
                differences.add("NSS database " + dir + " has no \"" + nickname + "\"; " + ours.file() + " holds "
                        + oursText);
            } else if (!java.util.Arrays.equals(theirs.get(), encoded(ours.certificate()))) {
                differences.add("NSS database " + dir + " holds \"" + nickname + "\" " + describe(theirs.get())
                        + ", but " + ours.file() + " holds " + oursText);
            }
        }
        return differences;
    }

    /** A certificate Quorate's files hold, and the file's name for messages. */
    public record Expected(X509Certificate certificate, String file) {
    }

    private static byte[] encoded(X509Certificate certificate) throws CertStoreException {
        try {
            return certificate.getEncoded();
        } catch (CertificateEncodingException e) {
            throw new CertStoreException("Can't encode " + certificate.getSubjectX500Principal(), e);
        }
    }

    /** "(CN=Qnetd Server, serial 102, SHA-256 AB:CD:...)", the fingerprint as {@code certutil -L -n} prints it. */
    private static String describe(byte[] der) {
        String fingerprint;
        try {
            fingerprint = HexFormat.ofDelimiter(":").withUpperCase()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(der));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
        try {
            X509Certificate certificate = CertificateCodec.certificate(der);
            return "(" + certificate.getSubjectX500Principal().getName() + ", serial "
                    + certificate.getSerialNumber() + ", SHA-256 " + fingerprint + ")";
        } catch (IllegalArgumentException e) {
            return "(SHA-256 " + fingerprint + ")";
        }
    }

    private static void check(NssTools.Result result, String what) throws CertStoreException {
        if (!result.ok()) {
            throw new CertStoreException("Can't " + what + ": " + result.describe());
        }
    }
}
