package org.quorate.qdevice.config;

import org.quorate.cli.Getopt;
import org.quorate.config.Settings;
import org.quorate.config.SettingsException;

import java.util.Map;

/**
 * corosync-qdevice's command line ({@code dfhS:}) with the C daemon's texts and exit codes; the
 * systemd unit passes {@code $COROSYNC_QDEVICE_OPTIONS} here unchanged.
 */
public final class QdeviceCommandLine {
    public static final String PROGRAM = "corosync-qdevice";
    public static final String USAGE = "usage: corosync-qdevice [-dfh] [-S option=value[,option2=value2,...]]\n";

    /** What the command line asks for. */
    public sealed interface Outcome permits Run, Exit {
    }

    public record Run(QdeviceSettings settings) implements Outcome {
    }

    public record Exit(int status, String stdout, String stderr) implements Outcome {
    }

    private QdeviceCommandLine() {
    }

    public static Outcome parse(String[] args, QdeviceSettings defaults) {
        Getopt getopt = new Getopt(PROGRAM, "dfhS:", Map.of("help", false));
        int debug = defaults.debug();
        boolean foreground = defaults.foreground();
        Settings.Builder values = defaults.values().toBuilder();
        try {
            // Options act in order before a later bad option is reported, as with the C daemon's getopt loop:
            // "-h -x" prints the usage only.
            Getopt.Scan scan = getopt.scan(args);
            for (Getopt.Option o : scan.options()) {
                if ("help".equals(o.longName())) {
                    return new Exit(0, USAGE + longHelp(), "");
                }
                switch (o.flag()) {
                    case 'd' -> debug++;
                    case 'f' -> foreground = true;
                    case 'h' -> {
                        return new Exit(1, USAGE, "");
                    }
                    case 'S' -> values.applyAll(o.argument());
                    default -> throw new IllegalStateException("getopt returned " + o.flag());
                }
            }
            if (scan.failed()) {
                throw scan.error();
            }
            return new Run(new QdeviceSettings(debug, foreground, values.build()));
        } catch (Getopt.GetoptException e) {
            return new Exit(1, USAGE, e.getMessage() + "\n");
        } catch (SettingsException e) {
            return new Exit(1, "", PROGRAM + ": " + e.getMessage() + "\n");
        }
    }

    private static String longHelp() {
        return "\n"
                + "  -d                debug logging (twice: debug messages at info priority)\n"
                + "  -f                stay in the foreground (always true for Quorate; logs go to stdout)\n"
                + "  -h                print usage and exit 1 (as the C daemon); --help exits 0\n"
                + "  -S name=value,... advanced settings (see man corosync-qdevice)\n"
                + "\nThe cluster side (qnetd host, algorithm, tie-breaker, timeouts, heuristics) is read from\n"
                + "corosync's quorum.device.* keys, as the C daemon does.\n"
                + "Environment: QUORATE_COROSYNC_CONF_DIR (default /etc/corosync), QUORATE_QDEVICE_RUN_DIR\n"
                + "(default /var/run/corosync-qdevice).\n";
    }
}
