package org.quorate.link.tool;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.PrintStream;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Where event lines go: stdout, stamped like corosync's log ({@code Dec 04 22:01:25.123}), or one JSON object
 * per line ({@code {"time":"...","event":"host: 2 link: 0 is down"}}) with --output-format json.
 */
final class EventSink implements Consumer<String> {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("MMM dd HH:mm:ss.SSS", Locale.ROOT)
            .withZone(ZoneId.systemDefault());
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PrintStream out;
    private final boolean json;

    EventSink(PrintStream out, boolean json) {
        this.out = out;
        this.json = json;
    }

    @Override
    public synchronized void accept(String event) {
        Instant now = Instant.now();
        if (json) {
            out.println(JSON.createObjectNode().put("time", now.toString()).put("event", event));
        } else {
            out.println(STAMP.format(now) + " " + event);
        }
        out.flush();
    }
}
