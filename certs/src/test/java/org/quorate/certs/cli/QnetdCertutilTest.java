package org.quorate.certs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quorate.certs.pki.CertificateCodec;
import org.quorate.certs.pki.Pkcs12;
import org.quorate.certs.store.QnetdCertStore;

class QnetdCertutilTest {
    @TempDir
    Path conf;

    private Path db() {
        return conf.resolve("qnetd/nssdb");
    }

    @Test
    void initCreatesCaAndServerCertificateWithTheCToolsShape() throws Exception {
        CliRun run = CliRun.qnetd(conf, "-i");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo("Creating " + db() + "\n"
                + "Creating new key and cert db\n"
                + "Creating new noise file " + db().resolve("noise.txt") + "\n"
                + "Creating new CA\n"
                + "Is this a CA certificate [y/N]?\n"
                + "Enter the path length constraint, enter to skip [<0 for unlimited path]: > "
                + "Is this a critical extension [y/N]?\n"
                + "QNetd CA certificate is exported as " + db().resolve("qnetd-cacert.crt") + "\n");
        assertThat(Files.readString(db().resolve("serial.txt")).trim()).isEqualTo("102");
        assertThat(Files.size(db().resolve("pwdfile.txt"))).isZero();
        assertThat(Files.readString(db().resolve("noise.txt")).trim()).matches("[0-9a-f]{40}");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(db()))).isEqualTo("rwxrwx---");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(db().resolve("qnetd-ca.p12"))))
                .isEqualTo("rw-rw----");

        QnetdCertStore store = QnetdCertStore.load(db());
        X509Certificate ca = store.caCertificate();
        X509Certificate server = store.serverKey().certificate();
        assertThat(ca.getSubjectX500Principal().getName()).isEqualTo("CN=QNet CA");
        assertThat(ca.getSerialNumber()).hasToString("101");
        assertThat(ca.getBasicConstraints()).isZero();
        assertThat(ca.getCriticalExtensionOIDs()).containsExactly("2.5.29.19");
        assertThat(ca.getSigAlgName()).isEqualTo("SHA256withRSA");
        assertThat(ca.getNotAfter().toInstant().atZone(ZoneOffset.UTC))
                .isEqualTo(CliRun.NOW.atZone(ZoneOffset.UTC).plusMonths(1200));
        assertThat(server.getSubjectX500Principal().getName()).isEqualTo("CN=Qnetd Server");
        assertThat(server.getSerialNumber()).hasToString("102");
        assertThat(server.getCriticalExtensionOIDs()).isNull();
        assertThat(server.getNonCriticalExtensionOIDs()).isNull();
        assertThat(((java.security.interfaces.RSAPublicKey) server.getPublicKey()).getModulus().bitLength())
                .isEqualTo(2048);
        server.verify(ca.getPublicKey());
    }

    @Test
    void caExportIsListingThenPemWithCrlfLikeCertutil() throws Exception {
        CliRun.qnetd(conf, "-i");
        String export = Files.readString(db().resolve("qnetd-cacert.crt"), StandardCharsets.US_ASCII);
        X509Certificate ca = QnetdCertStore.load(db()).caCertificate();

        assertThat(export).startsWith("Certificate:\n    Data:\n        Version: 3 (0x2)\n"
                + "        Serial Number: 101 (0x65)\n");
        assertThat(export).contains("Data: Is a CA with a maximum path length of 0.");
        String pem = export.substring(export.indexOf("-----BEGIN CERTIFICATE-----"));
        assertThat(pem).endsWith("-----END CERTIFICATE-----\r\n");
        assertThat(pem.lines().count()).isGreaterThan(3);
        assertThat(pem.replace("\r\n", "")).doesNotContain("\n");
        assertThat(CertificateCodec.certificate(export.getBytes(StandardCharsets.US_ASCII))).isEqualTo(ca);
    }

    @Test
    void secondInitRefusesAndChangesNothing() throws Exception {
        CliRun.qnetd(conf, "-i");
        byte[] before = Files.readAllBytes(db().resolve("qnetd-ca.p12"));

        CliRun again = CliRun.qnetd(conf, "-i");

        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.err()).isEqualTo("Certificate database (" + db()
                + ") already exists. Delete it to initialize new db\n");
        assertThat(Files.readAllBytes(db().resolve("qnetd-ca.p12"))).isEqualTo(before);
    }

    @Test
    void initRefusesWhenAnNssDatabaseIsThere() throws Exception {
        Files.createDirectories(db());
        Files.write(db().resolve("cert9.db"), new byte[] {1});

        CliRun run = CliRun.qnetd(conf, "-i");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("already exists");
        assertThat(db().resolve("qnetd-ca.p12")).doesNotExist();
    }

    @Test
    void groupFlagDropsTheGroupWriteBit() throws Exception {
        assertThat(CliRun.qnetd(conf, "-G", "-i").exitCode()).isZero();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(db()))).isEqualTo("rwxr-x---");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(db().resolve("qnetd-server.p12"))))
                .isEqualTo("rw-r-----");
    }

    @Test
    void signRefusalsUseTheScriptsMessagesAndExitCodes() throws Exception {
        Path csr = conf.resolve("req.crq");
        Files.write(csr, new byte[] {0x30, 0x03, 0x02, 0x01, 0x01});

        assertThat(CliRun.qnetd(conf, "-s", "-c", conf.resolve("missing.crq").toString(), "-n", "c1"))
                .isEqualTo(new CliRun(2, "", "Can't open certificate file " + conf.resolve("missing.crq") + "\n"));
        assertThat(CliRun.qnetd(conf, "-s", "-n", "c1"))
                .isEqualTo(new CliRun(2, "", "Can't open certificate file \n"));
        assertThat(CliRun.qnetd(conf, "-sc", csr.toString(), "-n", ""))
                .isEqualTo(new CliRun(2, "", "You have to specify cluster name\n"));
        assertThat(CliRun.qnetd(conf, "-sc", csr.toString(), "-n", "c1")).isEqualTo(new CliRun(1, "",
                "Certificate database doesn't exists. Use corosync-qnetd-certutil -i to create it\n"));

        CliRun.qnetd(conf, "-i");
        CliRun corrupt = CliRun.qnetd(conf, "-sc", csr.toString(), "-n", "c1");
        assertThat(corrupt.exitCode()).isEqualTo(1);
        assertThat(corrupt.err()).startsWith("Certificate request file " + csr + " is corrupt: ");
        assertThat(db().resolve("cluster-c1.crt")).doesNotExist();
        assertThat(Files.readString(db().resolve("serial.txt")).trim()).isEqualTo("102");
    }

    @Test
    void optionErrorsAndUsage() {
        assertThat(CliRun.qnetd(conf, "-x")).isEqualTo(new CliRun(1, "", "Invalid option: -x\n"));
        assertThat(CliRun.qnetd(conf, "-i", "-c")).isEqualTo(new CliRun(1, "", "Option -c requires an argument.\n"));
        assertThat(CliRun.qnetd(conf, "--bogus").err()).isEqualTo("Invalid option: --\n");
        CliRun help = CliRun.qnetd(conf, "-h", "-x");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).startsWith("corosync-qnetd-certutil: [-i|-s] [-c certificate] [-G] [-n cluster_name]\n\n"
                + " -i                  Initialize QNetd CA and generate server certificate\n");
        assertThat(CliRun.qnetd(conf).out()).isEqualTo(help.out());
        assertThat(CliRun.qnetd(conf, "--help").out()).isEqualTo(help.out());
        assertThat(db()).doesNotExist();
    }

    @Test
    void corruptStoreIsReportedWithItsFileName() throws Exception {
        CliRun.qnetd(conf, "-i");
        Files.write(db().resolve("qnetd-server.p12"), new byte[] {1, 2, 3});

        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> QnetdCertStore.load(db())))
                .hasMessageStartingWith("Server key store " + db().resolve("qnetd-server.p12") + " is corrupt: ");
        assertThat(Pkcs12.readCertificates(Files.readAllBytes(db().resolve("qnetd-ca.p12")))).hasSize(1);
    }
}
