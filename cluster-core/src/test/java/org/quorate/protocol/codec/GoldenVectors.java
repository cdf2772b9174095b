package org.quorate.protocol.codec;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Loads the byte vectors captured from the real C daemons (copied from /work/shared/vectors). */
final class GoldenVectors {
    static final List<String> REPLY_FILES = List.of(
            "ask_for_vote_reply", "echo_reply", "heuristics_change_reply", "init_reply",
            "init_reply_duplicate", "init_reply_error", "node_list_reply", "preinit_reply",
            "preinit_reply_tls_off", "server_error_decode", "server_error_missing_option",
            "server_error_tls_required", "server_error_too_long", "server_error_unknown_empty",
            "server_error_unsupported_message", "set_option_reply", "vote_info", "vote_info_nack");

    /** One frame of an exchange; {@code fromClient} is true for "C>S". */
    record Frame(boolean fromClient, byte[] bytes) {
        int typeCode() {
            return ((bytes[0] & 0xFF) << 8) | (bytes[1] & 0xFF);
        }
    }

    /** One .hex file: a comment, the request frame(s) and the real server's reply frame(s). */
    record Exchange(String name, String comment, List<Frame> frames) {
        List<Frame> requests() {
            return frames.stream().filter(Frame::fromClient).toList();
        }

        List<Frame> replies() {
            return frames.stream().filter(f -> !f.fromClient()).toList();
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** One message of the captured plain session. */
    record SessionMessage(int index, boolean fromClient, String name, byte[] bytes) {
        @Override
        public String toString() {
            return index + " " + (fromClient ? "C>S " : "S>C ") + name;
        }
    }

    private static final Pattern JSON_LINE = Pattern.compile(
            "\"dir\": \"(C->S|S->C)\".*?\"msg\": \"([A-Z_]+)\".*?\"hex\": \"([0-9a-f]+)\"");

    private GoldenVectors() {
    }

    static List<Exchange> replies() {
        List<Exchange> out = new ArrayList<>();
        for (String name : REPLY_FILES) {
            String comment = "";
            List<Frame> frames = new ArrayList<>();
            for (String line : read("/vectors/qnetd-replies/" + name + ".hex").split("\n")) {
                if (line.startsWith("#")) {
                    comment = line.substring(1).trim();
                } else if (line.startsWith("C>S ") || line.startsWith("S>C ")) {
                    frames.add(new Frame(line.startsWith("C>S"), hex(line.substring(4).trim())));
                }
            }
            out.add(new Exchange(name, comment, frames));
        }
        return out;
    }

    static List<SessionMessage> plainSession() {
        List<SessionMessage> out = new ArrayList<>();
        for (String line : read("/vectors/sessions/plain.messages.jsonl").split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            Matcher m = JSON_LINE.matcher(line);
            if (!m.find()) {
                throw new IllegalStateException("unparsable session line: " + line);
            }
            out.add(new SessionMessage(out.size(), m.group(1).equals("C->S"), m.group(2), hex(m.group(3))));
        }
        return out;
    }

    static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex.replace(" ", ""));
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    private static String read(String resource) {
        try (InputStream in = GoldenVectors.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
