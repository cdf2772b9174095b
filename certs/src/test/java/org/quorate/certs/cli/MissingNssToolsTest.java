package org.quorate.certs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quorate.certs.store.NssTools;

/** A host without libnss3-tools (a bare JRE running the jar): PKCS#12 only, said once, same stdout and exit. */
class MissingNssToolsTest {
    @TempDir
    Path conf;

    private static final String KEY_GENERATION = "\n\nGenerating key.  This may take a few moments...\n\n";

    @Test
    void qnetdInitSaysOnceThatItWritesPkcs12Only() throws Exception {
        Path emptyBin = Files.createDirectories(conf.resolve("empty-bin"));

        CliRun run = CliRun.qnetdWithPath(conf, emptyBin.toString(), "-i");

        assertThat(run.exitCode()).isZero();
        // NSS's words for the steps done in Java stay (two keys); none of the NSS database's
        assertThat(run.err()).isEqualTo(NssTools.MISSING + "\n" + KEY_GENERATION + KEY_GENERATION);
        assertThat(run.out()).endsWith("QNetd CA certificate is exported as " + conf.resolve(
                "qnetd/nssdb/qnetd-cacert.crt") + "\n");
        assertThat(conf.resolve("qnetd/nssdb/qnetd-server.p12")).exists();
        assertThat(conf.resolve("qnetd/nssdb/cert9.db")).doesNotExist();
    }

    @Test
    void nodeOperationsSayItEachTimeButOnlyOnceAndPcsStillFindsItsLines() throws Exception {
        String emptyBin = Files.createDirectories(conf.resolve("empty-bin")).toString();
        CliRun.qnetdWithPath(conf, emptyBin, "-i");

        CliRun init = CliRun.nodeWithPath(conf, emptyBin, "-i", "-c",
                conf.resolve("qnetd/nssdb/qnetd-cacert.crt").toString());
        CliRun request = CliRun.nodeWithPath(conf, emptyBin, "-r", "-n", "lab");

        assertThat(init.exitCode()).isZero();
        assertThat(init.err()).isEqualTo(NssTools.MISSING + "\n");
        assertThat(request.exitCode()).isZero();
        assertThat(request.err()).isEqualTo(NssTools.MISSING + "\n" + KEY_GENERATION);
        assertThat(request.out()).containsPattern("(?m)^Certificate request stored in "
                + java.util.regex.Pattern.quote(conf.resolve("qdevice/net/nssdb/qdevice-net-node.crq").toString()) + "$");
        assertThat(conf.resolve("qdevice/net/nssdb/cert9.db")).doesNotExist();
    }
}
