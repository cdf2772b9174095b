package org.quorate.votequorum.status;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A results/reference file of the realstack lab: real corosync 3.1.7 outputs, one section per command after a
 * {@code ##### host# command} line, each followed by the lab's blank separator line.
 */
record ReferenceOutputs(Instant taken, Map<String, String> sections) {
    private static final Pattern TAKEN = Pattern.compile("\\((\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ),");

    static ReferenceOutputs load(String name) {
        String text;
        try (InputStream in = ReferenceOutputs.class.getResourceAsStream("reference/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no reference file " + name);
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Map<String, String> sections = new LinkedHashMap<>();
        String header = null;
        StringBuilder body = new StringBuilder();
        Instant taken = null;
        for (String line : text.split("\n", -1)) {
            if (line.startsWith("##### ")) {
                if (header != null) {
                    sections.put(header, trimSeparator(body));
                } else {
                    Matcher m = TAKEN.matcher(line);
                    if (m.find()) {
                        taken = Instant.parse(m.group(1));
                    }
                }
                header = line.substring(6);
                body.setLength(0);
            } else if (header != null) {
                body.append(line).append('\n');
            }
        }
        if (header != null) {
            sections.put(header, trimSeparator(body));
        }
        return new ReferenceOutputs(taken, sections);
    }

    private static String trimSeparator(StringBuilder body) {
        String s = body.toString();
        // every section ends with its own last newline plus the lab's blank separator line
        return s.endsWith("\n\n") ? s.substring(0, s.length() - 1) : s;
    }
}
