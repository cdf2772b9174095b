package org.quorate.certs.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import org.quorate.certs.CertLayout;
import org.quorate.certs.store.CertStoreException;
import org.quorate.certs.store.NodeDatabase;
import org.quorate.certs.store.StoreState;
import org.quorate.certs.store.StoreStateException;

/**
 * {@code corosync-qdevice-net-certutil}: a drop-in for the C package's script with the same options, messages
 * and exit codes. It writes PEM/PKCS#12 files, which Quorate's qdevice reads, and from them the NSS database
 * the C tools and pcs expect (see {@link CertLayout}, {@link org.quorate.certs.store.NssMirror}). Extensions:
 * {@code -S}/{@code -C} choose the quick start's remote shell and copy commands, and {@code --import-nss},
 * alone, converts the C tool's database once.
 */
public final class QdeviceNetCertutil {
    static final String COMMAND = "corosync-qdevice-net-certutil";
    private static final String OPTIONS = ":hiMmQrc:S:C:n:";

    private enum Operation { INIT, REQUEST, IMPORT_SIGNED, IMPORT_PKCS12, QUICK_START }

    private final Console console;
    private final QuickStart.Runner runner;

    QdeviceNetCertutil(Console console, QuickStart.Runner runner) {
        this.console = console;
        this.runner = runner;
    }

    public static void main(String[] args) {
        Console console = Console.system(COMMAND);
        System.exit(console.guarded(
                () -> new QdeviceNetCertutil(console, QuickStart.processRunner(console)).run(List.of(args))));
    }

    int run(List<String> args) {
        if (args.equals(List.of("--help"))) {
            return usage();
        }
        if (args.equals(List.of("--import-nss"))) {
            return withStore(Operation.INIT, () -> database().importNss());
        }
        Operation operation = null;
        String certificateFile = "";
        String clusterName = "";
        String remoteShell = QuickStart.DEFAULT_SHELL;
        String remoteCopy = QuickStart.DEFAULT_COPY;
        Getopts getopts = new Getopts(OPTIONS, args);
        for (Optional<Getopts.Event> event = getopts.next(); event.isPresent(); event = getopts.next()) {
            Getopts.Event option = event.get();
            if (option.kind() != Getopts.Kind.OPTION) {
                return console.fail(ExitCodes.FAILURE, option.errorMessage());
            }
            switch (option.name()) {
                case 'r' -> operation = Operation.REQUEST;
                case 'i' -> operation = Operation.INIT;
                case 'm' -> operation = Operation.IMPORT_PKCS12;
                case 'M' -> operation = Operation.IMPORT_SIGNED;
                case 'Q' -> operation = Operation.QUICK_START;
                case 'n' -> clusterName = option.argument().orElseThrow();
                case 'h' -> {
                    return usage();
                }
                case 'c' -> certificateFile = option.argument().orElseThrow();
                case 'S' -> remoteShell = option.argument().orElseThrow();
                case 'C' -> remoteCopy = option.argument().orElseThrow();
                default -> throw new IllegalStateException("option string and switch disagree: " + option);
            }
        }
        if (operation == null) {
            return usage();
        }
        Path input = Path.of(certificateFile);
        boolean inputMissing = certificateFile.isEmpty() || !Files.exists(input);
        String cluster = clusterName;
        switch (operation) {
            case INIT, IMPORT_SIGNED, IMPORT_PKCS12 -> {
                if (inputMissing) {
                    return console.fail(ExitCodes.MISSING_INPUT, "Can't open certificate file " + certificateFile);
                }
            }
            case REQUEST -> {
                if (cluster.isEmpty()) {
                    return console.fail(ExitCodes.MISSING_INPUT, "You have to specify cluster name");
                }
            }
            case QUICK_START -> {
                return quickStart(cluster, getopts.operands(), remoteShell, remoteCopy);
            }
        }
        return switch (operation) {
            case INIT -> withStore(operation, () -> database().initialize(input));
            case REQUEST -> withStore(operation, () -> database().createRequest(cluster));
            case IMPORT_SIGNED -> withStore(operation, () -> database().importSignedCertificate(input));
            case IMPORT_PKCS12 -> withStore(operation, () -> database().importPkcs12(input));
            case QUICK_START -> throw new IllegalStateException("handled above");
        };
    }

    private int quickStart(String cluster, List<String> operands, String shell, String copy) {
        String qnetd = operands.isEmpty() ? "" : operands.get(0);
        String master = operands.size() < 2 ? "" : operands.get(1);
        if (cluster.isEmpty()) {
            return console.fail(ExitCodes.MISSING_INPUT, "You have to specify cluster name");
        }
        if (qnetd.isEmpty()) {
            return console.fail(ExitCodes.MISSING_INPUT, "No QNetd server address provided.");
        }
        if (master.isEmpty()) {
            return console.fail(ExitCodes.MISSING_INPUT, "No nodes provided.");
        }
        List<String> others = operands.subList(2, operands.size());
        return new QuickStart(console, runner, QuickStart.words(shell), QuickStart.words(copy))
                .run(cluster, qnetd, master, others);
    }

    private interface StoreAction {
        void run() throws CertStoreException;
    }

    private int withStore(Operation operation, StoreAction action) {
        try {
            action.run();
            return ExitCodes.OK;
        } catch (StoreStateException e) {
            if (operation != Operation.INIT && e.state() == StoreState.EMPTY) {
                return console.fail(ExitCodes.FAILURE,
                        "Certificate database doesn't exists. Use " + console.program() + " -i to create it");
            }
            return console.fail(ExitCodes.FAILURE, e.getMessage());
        } catch (CertStoreException e) {
            return console.fail(ExitCodes.FAILURE, e.getMessage());
        }
    }

    private NodeDatabase database() {
        return new NodeDatabase(console.layout().nodeDir(), console.out()::println, console.err()::println,
                new SecureRandom(), console.nssMirror());
    }

    private int usage() {
        String p = console.program();
        String qnetdCommand = QnetdCertutil.COMMAND;
        String caExport = console.layout().qnetdDir().resolve(CertLayout.CA_EXPORT).toString();
        console.out().print(p + ": [-i|-m|-M|-r|-s|-Q] [-c certificate] [-n cluster_name]\n"
                + "\n"
                + " -i      Initialize node CA. Needs CA certificate from server\n"
                + " -m      Import cluster certificate on node (needs pk12 certificate)\n"
                + " -r      Generate cluster certificate request\n"
                + " -M      Import signed cluster certificate and export certificate with key to pk12 file\n"
                + " -Q      Quick start. Uses ssh/scp to initialze both qnetd and nodes.\n"
                + "\n"
                + " -c certificate      Ether CA, CRQ, CRT or pk12 certificate (operation dependant)\n"
                + " -n cluster_name     Name of cluster (for -r and -s operations)\n"
                + " -S remote_shell     Remote shell command for -Q (default " + QuickStart.DEFAULT_SHELL + ")\n"
                + " -C remote_copy      Remote copy command for -Q (default " + QuickStart.DEFAULT_COPY + ")\n"
                + "\n"
                + "Typical usage:\n"
                + "- Initialize database on QNetd server by running " + qnetdCommand + " -i\n"
                + "- Copy exported QNetd CA certificate (" + caExport + ") to every node\n"
                + "- On one of cluster node initialize database by running " + p + " -i -c "
                + CertLayout.CA_EXPORT + "\n"
                + "- Generate certificate request: " + p + " -r -n Cluster (Cluster name must match cluster_name key"
                + " in the corosync.conf)\n"
                + "- Copy exported CRQ to QNetd server\n"
                + "- On QNetd server sign and export cluster certificate by running " + qnetdCommand + " -s -c "
                + CertLayout.NODE_REQUEST + " -n Cluster\n"
                + "- Copy exported CRT to node where certificate request was created\n"
                + "- Import certificate on node where certificate request was created by running " + p
                + " -M -c cluster-Cluster.crt\n"
                + "- Copy output " + CertLayout.NODE_P12 + " to all other cluster nodes\n"
                + "- On all other nodes in cluster:\n"
                + "  - Init database by running " + p + " -i -c " + CertLayout.CA_EXPORT + "\n"
                + "  - Import cluster certificate and key: " + p + " -m -c " + CertLayout.NODE_P12 + "\n"
                + "\n"
                + "It is also possible to use Quick start (-Q). This needs properly configured ssh.\n"
                + "  " + p + " -Q -n Cluster qnetd_server node1 node2 ... nodeN\n"
                + "\n"
                + " --import-nss        Convert the NSS database of the C tools (cert9.db) once into\n"
                + "                     " + CertLayout.NODE_CA + " and " + CertLayout.NODE_P12
                + " (must be the only argument)\n"
                + "Files live in " + console.layout().nodeDir() + " (set QUORATE_COROSYNC_CONF_DIR to move "
                + console.layout().confDir() + ").\n");
        return ExitCodes.OK;
    }
}
