package org.quorate.bench.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads a process's resident set size and CPU time from /proc, as ps and capacity.sh do. */
public final class ProcStat {
    /** USER_HZ: the unit of utime/stime in /proc/PID/stat; 100 on every Linux architecture we run on. */
    public static final long TICKS_PER_SECOND = 100;

    private ProcStat() {
    }

    /** VmRSS of /proc/PID/status in KiB. */
    public static long rssKib(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.substring(6).trim().split("\\s+")[0]);
            }
        }
        throw new IOException("no VmRSS in /proc/" + pid + "/status");
    }

    /** utime + stime of /proc/PID/stat, in clock ticks. */
    public static long cpuTicks(long pid) throws IOException {
        return cpuTicksOf(Files.readString(Path.of("/proc", Long.toString(pid), "stat")));
    }

    /**
     * Fields 14 and 15 of a stat line. The command name (field 2) is in parentheses and may contain
     * spaces, so fields are counted from the last ')'.
     */
    static long cpuTicksOf(String statLine) {
        String[] rest = statLine.substring(statLine.lastIndexOf(')') + 2).trim().split("\\s+");
        // rest[0] is field 3 (state); utime is field 14, stime field 15
        return Long.parseLong(rest[11]) + Long.parseLong(rest[12]);
    }

    /** Threads of the process (field "Threads:" of /proc/PID/status). */
    public static int threads(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("Threads:")) {
                return Integer.parseInt(line.substring(8).trim());
            }
        }
        return -1;
    }
}
