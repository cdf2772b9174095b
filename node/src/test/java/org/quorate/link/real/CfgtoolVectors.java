package org.quorate.link.real;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The captured {@code corosync-cfgtool} vectors in src/test/resources/link/cfgtool: for each lab state
 * ("up": all links connected; "cut": link 0 cut between node 1 and node 2), each node 1..3 and each form
 * ({@code -s}, {@code -s -b}, {@code -n}), one file {@code <state>-node<N>-<form>.txt}.
 */
final class CfgtoolVectors {
    static final Path SOURCE_DIR = Path.of("src", "test", "resources", "link", "cfgtool");
    static final String RESOURCE_DIR = "/link/cfgtool/";

    enum State {
        UP("up"), CUT("cut");

        final String word;

        State(String word) {
            this.word = word;
        }
    }

    enum Form {
        STATUS("s", List.of("-s")), BRIEF("sb", List.of("-s", "-b")), NODES("n", List.of("-n"));

        final String word;
        final List<String> args;

        Form(String word, List<String> args) {
            this.word = word;
            this.args = args;
        }
    }

    private CfgtoolVectors() {
    }

    static String fileName(State state, int node, Form form) {
        return state.word + "-node" + node + "-" + form.word + ".txt";
    }

    /** The captured text, from the test classpath. */
    static String read(State state, int node, Form form) {
        String name = RESOURCE_DIR + fileName(state, node, form);
        try (var in = CfgtoolVectors.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("no captured vector " + name + " on the test classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(name, e);
        }
    }

    /** Writes a vector into the source tree (record mode; the module directory is the working directory). */
    static void write(State state, int node, Form form, String text) {
        try {
            Files.createDirectories(SOURCE_DIR);
            Files.writeString(SOURCE_DIR.resolve(fileName(state, node, form)), text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write vector " + fileName(state, node, form), e);
        }
    }
}
