package org.quorate.testsupport.process;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Reads the outputs captured from the real C programs (results/reference/*.txt of the realstack
 * lab, copied to test resources). Each section starts with a {@code ##### <title>} line and ends
 * with one blank separator line before the next section. The files live in the calling module's test
 * resources under {@code /reference/}; they are found because tests run with one class path.
 */
public final class ReferenceOutputs {
    private ReferenceOutputs() {
    }

    public static String section(String file, String title) {
        String text = load(file);
        String header = "##### " + title + "\n";
        int start = text.indexOf(header);
        if (start < 0) {
            throw new IllegalArgumentException("no section '" + title + "' in " + file);
        }
        start += header.length();
        int next = text.indexOf("\n##### ", start);
        // The captured output ends with its own newline; the next "\n" is the separator line.
        return next < 0 ? text.substring(start) : text.substring(start, next);
    }

    private static String load(String file) {
        try (InputStream in = ReferenceOutputs.class.getResourceAsStream("/reference/" + file)) {
            if (in == null) {
                throw new IllegalArgumentException("missing test resource /reference/" + file);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
