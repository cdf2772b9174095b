package org.quorate.qdevice.interop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.Year;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When corosync formed a ring, from its log ({@code timestamp: hires}, local time, no year):
 * {@code Nov 28 01:12:00.413 [15673] vm corosync notice  [TOTEM ] A new membership (1.22) was formed. ...}.
 */
final class CorosyncLog {
    private static final Pattern FORMED = Pattern.compile(
            "^(\\w{3}\\s+\\d{1,2} \\d\\d:\\d\\d:\\d\\d\\.\\d{3}) .*A new membership \\(([0-9a-f]+\\.[0-9a-f]+)\\) was formed");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy MMM d HH:mm:ss.SSS", Locale.ENGLISH);

    private CorosyncLog() {
    }

    /** The time the ring {@code ringId} ("1.22", as corosync-quorumtool prints it) was formed, if logged. */
    static Optional<Instant> ringFormed(Path log, String ringId) {
        try {
            for (String line : Files.readAllLines(log, StandardCharsets.ISO_8859_1)) {
                Matcher m = FORMED.matcher(line);
                if (m.find() && m.group(2).equals(ringId)) {
                    return Optional.of(parse(m.group(1)));
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + log, e);
        }
    }

    static Instant parse(String stamp) {
        String s = Year.now().getValue() + " " + stamp.replaceAll("\\s+", " ");
        return LocalDateTime.parse(s, STAMP).atZone(ZoneId.systemDefault()).toInstant();
    }
}
