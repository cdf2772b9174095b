package org.quorate.certs.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import org.quorate.certs.store.CertStoreException;
import org.quorate.certs.store.FileModes;
import org.quorate.certs.store.QnetdDatabase;
import org.quorate.certs.store.StoreState;
import org.quorate.certs.store.StoreStateException;

/**
 * {@code corosync-qnetd-certutil}: a drop-in for the C package's script with the same options, messages and
 * exit codes. It writes PKCS#12 files, which Quorate's daemons read, and from them the NSS database the C
 * tools and pcs expect (see {@link org.quorate.certs.store.NssMirror}; PKCS#12 only where the NSS tools are
 * missing).
 * One extension: {@code --import-nss}, alone, converts the C tool's database once.
 */
public final class QnetdCertutil {
    static final String COMMAND = "corosync-qnetd-certutil";
    private static final String OPTIONS = ":Ghisc:n:";

    private enum Operation { INIT, SIGN }

    private final Console console;

    QnetdCertutil(Console console) {
        this.console = console;
    }

    public static void main(String[] args) {
        Console console = Console.system(COMMAND);
        System.exit(console.guarded(() -> new QnetdCertutil(console).run(List.of(args))));
    }

    int run(List<String> args) {
        if (args.equals(List.of("--help"))) {
            return usage();
        }
        if (args.equals(List.of("--import-nss"))) {
            return importNss();
        }
        Operation operation = null;
        String certificateFile = "";
        String clusterName = "";
        boolean groupWriteBit = true;
        Getopts getopts = new Getopts(OPTIONS, args);
        for (Optional<Getopts.Event> event = getopts.next(); event.isPresent(); event = getopts.next()) {
            Getopts.Event option = event.get();
            if (option.kind() != Getopts.Kind.OPTION) {
                return console.fail(ExitCodes.FAILURE, option.errorMessage());
            }
            switch (option.name()) {
                case 'i' -> operation = Operation.INIT;
                case 's' -> operation = Operation.SIGN;
                case 'h' -> {
                    return usage();
                }
                case 'c' -> certificateFile = option.argument().orElseThrow();
                case 'G' -> groupWriteBit = false;
                case 'n' -> clusterName = option.argument().orElseThrow();
                default -> throw new IllegalStateException("option string and switch disagree: " + option);
            }
        }
        if (operation == null) {
            return usage();
        }
        QnetdDatabase database = database(FileModes.groupWriteBit(groupWriteBit));
        try {
            if (operation == Operation.INIT) {
                database.initialize(console.clock().get());
                return ExitCodes.OK;
            }
            if (certificateFile.isEmpty() || !Files.exists(Path.of(certificateFile))) {
                return console.fail(ExitCodes.MISSING_INPUT, "Can't open certificate file " + certificateFile);
            }
            if (clusterName.isEmpty()) {
                return console.fail(ExitCodes.MISSING_INPUT, "You have to specify cluster name");
            }
            database.sign(Path.of(certificateFile), clusterName, console.layout().clusterCertificate(clusterName),
                    console.clock().get());
            return ExitCodes.OK;
        } catch (StoreStateException e) {
            if (operation == Operation.SIGN && e.state() == StoreState.EMPTY) {
                return console.fail(ExitCodes.FAILURE,
                        "Certificate database doesn't exists. Use " + console.program() + " -i to create it");
            }
            return console.fail(ExitCodes.FAILURE, e.getMessage());
        } catch (CertStoreException e) {
            return console.fail(ExitCodes.FAILURE, e.getMessage());
        }
    }

    private int importNss() {
        try {
            database(FileModes.GROUP_WRITABLE).importNss();
            return ExitCodes.OK;
        } catch (CertStoreException e) {
            return console.fail(ExitCodes.FAILURE, e.getMessage());
        }
    }

    private QnetdDatabase database(FileModes modes) {
        return new QnetdDatabase(console.layout().qnetdDir(), modes, console.out()::println, console.err()::println,
                new SecureRandom(), console.nssMirror());
    }

    private int usage() {
        String p = console.program();
        console.out().print(p + ": [-i|-s] [-c certificate] [-G] [-n cluster_name]\n"
                + "\n"
                + " -i                  Initialize QNetd CA and generate server certificate\n"
                + " -s                  Sign cluster certificate (needs cluster certificate)\n"
                + " -c certificate      CRQ certificate file name\n"
                + " -G                  Do not set group write bit for new files\n"
                + " -n cluster_name     Name of cluster (for -s operation)\n");
        console.out().print("\n"
                + " --import-nss        Convert the NSS database of the C tools (cert9.db) once into\n"
                + "                     " + "qnetd-ca.p12 and qnetd-server.p12 (must be the only argument)\n"
                + "\n"
                + "Files live in " + console.layout().qnetdDir() + " (set QUORATE_COROSYNC_CONF_DIR to move "
                + console.layout().confDir() + ").\n");
        return ExitCodes.OK;
    }
}
