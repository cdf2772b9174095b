package org.quorate.qnetd.config;

import org.quorate.cli.Getopt;
import org.quorate.config.AdvancedSettingsParser;
import org.quorate.config.SettingsException;
import org.quorate.protocol.DecisionAlgorithm;
import org.quorate.protocol.MessageType;
import org.quorate.protocol.TlsSupported;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Parses corosync-qnetd's command line ({@code 46dfhvc:l:m:p:S:s:}) with the C daemon's texts and exit
 * codes, so the systemd unit's {@code $COROSYNC_QNETD_OPTIONS} and existing scripts keep working.
 * {@code -s} also accepts {@code required} (the man page's spelling, spec quirk Q1).
 */
public final class QnetdCommandLine {
    public static final String PROGRAM = "corosync-qnetd";
    public static final String VERSION = "3.0.3-quorate-0.1";
    public static final String USAGE = "usage: corosync-qnetd [-46dfhv] [-l listen_addr] [-p listen_port] [-s tls]\n"
            + "              [-c client_cert_required] [-m max_clients] [-S option=value[,option2=value2,...]]\n";

    /** What the command line asks for. */
    public sealed interface Outcome permits Run, Exit {
    }

    /** Start the daemon with these settings; {@code warnings} are logged once logging is up. */
    public record Run(QnetdSettings settings, List<String> warnings) implements Outcome {
    }

    /** Print {@code stdout} and {@code stderr}, then exit with {@code status} (no daemon). */
    public record Exit(int status, String stdout, String stderr) implements Outcome {
    }

    private QnetdCommandLine() {
    }

    public static Outcome parse(String[] args, QnetdSettings defaults) {
        Getopt getopt = new Getopt(PROGRAM, "46dfhvc:l:m:p:S:s:", Map.of("help", false, "version", false));
        List<String> warnings = new ArrayList<>();
        StringBuilder stderr = new StringBuilder();
        QnetdSettings.Builder b = defaults.toBuilder();
        QnetdSettings settings;
        try {
            // Options act in order before a later bad option is reported, as with the C daemon's getopt loop:
            // "-h -x" prints the usage only.
            Getopt.Scan scan = getopt.scan(args);
            for (Getopt.Option o : scan.options()) {
                if ("help".equals(o.longName())) {
                    return new Exit(0, USAGE + longHelp(), "");
                }
                if ("version".equals(o.longName())) {
                    return new Exit(0, versionText(), "");
                }
                switch (o.flag()) {
                    case '4' -> b.ipVersion = 4;
                    case '6' -> b.ipVersion = 6;
                    case 'd' -> b.debug++;
                    case 'f' -> b.foreground = true;
                    case 'h' -> {
                        return new Exit(1, USAGE, stderr.toString());
                    }
                    case 'v' -> {
                        return new Exit(1, versionText(), stderr.toString());
                    }
                    case 'c' -> b.clientCertRequired = bool(o.argument(),
                            "client_cert_required should be on/yes/1, off/no/0");
                    case 'l' -> b.listenAddress = o.argument();
                    case 'm' -> b.maxClients = number(o.argument(), 0, Integer.MAX_VALUE,
                            "max clients value " + o.argument() + " is invalid");
                    case 'p' -> b.port = (int) number(o.argument(), 1, 65535, "host port must be in range 1-65535");
                    case 's' -> b.tls = tlsMode(o.argument());
                    case 'S' -> {
                        // Each warning is printed as soon as its item is read, before a later error, as in C.
                        for (AdvancedSettingsParser.Item item : AdvancedSettingsParser.split(o.argument())) {
                            b.advanced.apply(item).ifPresent(warning -> {
                                warnings.add(warning);
                                stderr.append(PROGRAM).append(": ").append(warning).append('\n');
                            });
                        }
                    }
                    default -> throw new IllegalStateException("getopt returned " + o.flag());
                }
            }
            if (scan.failed()) {
                throw scan.error();
            }
            settings = b.buildChecked();
        } catch (Getopt.GetoptException e) {
            return new Exit(1, USAGE, stderr + e.getMessage() + "\n");
        } catch (SettingsException e) {
            return new Exit(1, "", stderr + PROGRAM + ": " + e.getMessage() + "\n");
        }
        return new Run(settings, List.copyOf(warnings));
    }

    /** The {@code -v} text, with the same algorithm and message lists as the C daemon. */
    public static String versionText() {
        String algorithms = Stream.of(DecisionAlgorithm.values())
                .map(a -> a.displayName() + " (" + a.code() + ")").collect(Collectors.joining(", "));
        String messages = Stream.of(MessageType.values())
                .map(m -> m.displayName() + " (" + m.code() + ")").collect(Collectors.joining(", "));
        return "Corosync Qdevice Network Daemon, version '" + VERSION + "'\n\n"
                + "Supported algorithms: " + algorithms + "\n"
                + "Supported message types: " + messages + "\n";
    }

    private static String longHelp() {
        return "\n"
                + "  -4, -6            listen on IPv4 / IPv6 only (default: dual-stack wildcard)\n"
                + "  -d                debug logging (twice: debug messages at info priority)\n"
                + "  -f                stay in the foreground (always true for Quorate; logs go to stdout)\n"
                + "  -h                print usage and exit 1 (as the C daemon); --help exits 0\n"
                + "  -v                print version and exit 1 (as the C daemon); --version exits 0\n"
                + "  -l ADDR           listen address\n"
                + "  -p PORT           listen port (default 5403)\n"
                + "  -s on|off|req     TLS mode (default on; 'required' accepted too)\n"
                + "  -c on|off         require client certificates (default on)\n"
                + "  -m N              maximum TCP clients, 0 = unlimited\n"
                + "  -S name=value,... advanced settings (see man corosync-qnetd), plus Quorate's\n"
                + "                    metrics_address=127.0.0.1:9403 for a Prometheus endpoint\n"
                + "\nEnvironment: QUORATE_COROSYNC_CONF_DIR (default /etc/corosync), QUORATE_RUN_DIR\n"
                + "(default /var/run/corosync-qnetd).\n";
    }

    private static boolean bool(String value, String error) throws SettingsException {
        Boolean b = AdvancedSettingsParser.parseBoolean(value);
        if (b == null) {
            throw new SettingsException(error);
        }
        return b;
    }

    private static long number(String value, long min, long max, String error) throws SettingsException {
        Long v = AdvancedSettingsParser.parseLong(value, min, max);
        if (v == null) {
            throw new SettingsException(error);
        }
        return v;
    }

    private static TlsSupported tlsMode(String value) throws SettingsException {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "on" -> TlsSupported.SUPPORTED;
            case "off" -> TlsSupported.UNSUPPORTED;
            case "req", "required" -> TlsSupported.REQUIRED;
            default -> throw new SettingsException("tls must be one of on, off, req");
        };
    }
}
