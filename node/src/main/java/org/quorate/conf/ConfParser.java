package org.quorate.conf;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;

/**
 * Reads a corosync.conf into a {@link ConfDocument}: corosync's line grammar (exec/coroparse.c of 3.1.7),
 * then the flattening into cmap keys with its parse-time type checks, so that every file corosync refuses
 * at parse time is refused here with the same message. Bounded: one line at a time, at most 511 bytes.
 */
public final class ConfParser {
    private ConfParser() {
    }

    /** Reads {@code file} (UTF-8), detecting the dialect; user names of uidgid sections from /etc/passwd. */
    public static ConfDocument parse(Path file) {
        try {
            String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
            return parse(file.toString(), text);
        } catch (IOException e) {
            throw new ConfException(ConfException.Stage.GRAMMAR, file.toString(), 0, null,
                "Can't read file " + file + ": " + e.getMessage());
        }
    }

    /** Parses {@code text}, named {@code fileName} in messages, detecting the dialect. */
    public static ConfDocument parse(String fileName, String text) {
        parseTree(fileName, text, () -> { }); // corosync's refusal comes before any dialect question
        return parse(fileName, text, Dialect.detect(fileName, text), UserDb.system());
    }

    /** Parses {@code text} as {@code dialect} (a Proxmox file must also pass Proxmox's reader). */
    public static ConfDocument parse(String fileName, String text, Dialect dialect, UserDb users) {
        ConfDocument doc = new ConfDocument(fileName, text, dialect, users);
        doc.adoptRoot(parseTree(fileName, text, doc::markEdited));
        if (dialect == Dialect.PROXMOX) {
            ProxmoxFormat.read(fileName, text);
        }
        doc.cmapEntries(); // refuse now what corosync refuses at parse time
        return doc;
    }

    /** The tree of {@code text} by corosync's grammar; {@code onChange} is told of every later edit. */
    static ConfSection parseTree(String fileName, String text, Runnable onChange) {
        ConfSection root = new ConfSection("", 0, 0, onChange);
        Deque<String> names = new ArrayDeque<>();
        Deque<Integer> lines = new ArrayDeque<>();
        Deque<List<ConfNode>> bodies = new ArrayDeque<>();
        List<ConfNode> body = new ArrayList<>();
        int lineNo = 0;
        int start = 0;
        while (start < text.length()) {
            int nl = text.indexOf('\n', start);
            boolean last = nl < 0;
            String raw = last ? text.substring(start) : text.substring(start, nl);
            start = last ? text.length() : nl + 1;
            lineNo++;
            LineGrammar.Line line;
            try {
                line = LineGrammar.classify(raw, last);
            } catch (LineGrammar.LineError e) {
                throw new ConfException(ConfException.Stage.GRAMMAR, fileName, lineNo, path(names), e.getMessage());
            }
            if (line instanceof LineGrammar.Ignored ig) {
                body.add(ig.comment() ? new ConfComment(raw.strip(), lineNo) : new ConfBlank(lineNo));
            } else if (line instanceof LineGrammar.Item item) {
                body.add(new ConfItem(item.key(), item.value(), lineNo));
            } else if (line instanceof LineGrammar.Open o) {
                names.push(o.name());
                lines.push(lineNo);
                bodies.push(body);
                body = new ArrayList<>();
            } else {
                if (names.isEmpty()) {
                    throw new ConfException(ConfException.Stage.GRAMMAR, fileName, lineNo, null, "Unexpected closing brace");
                }
                ConfSection s = new ConfSection(names.pop(), lines.pop(), lineNo, onChange);
                body.forEach(s::adopt);
                body = bodies.pop();
                body.add(s);
            }
        }
        if (!names.isEmpty()) {
            throw new ConfException(ConfException.Stage.GRAMMAR, fileName, lineNo, path(names), "Missing closing brace");
        }
        body.forEach(root::adopt);
        return root;
    }

    private static String path(Deque<String> names) {
        if (names.isEmpty()) {
            return null;
        }
        List<String> l = new ArrayList<>(names);
        Collections.reverse(l);
        return String.join(".", l);
    }
}
