package org.quorate.conf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every valid corpus file parses, and an unedited parse-write gives back exactly its bytes. */
class CorpusRoundTripTest {
    static final Path CORPUS = Path.of("src/test/resources/conf");

    static List<Path> files(String dir) throws IOException {
        try (Stream<Path> s = Files.list(CORPUS.resolve(dir))) {
            return s.filter(p -> p.toString().endsWith(".conf")).sorted().toList();
        }
    }

    static List<Path> valid() throws IOException {
        return files("valid");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valid")
    void unEditedWriteIsByteIdentical(Path file) throws IOException {
        byte[] original = Files.readAllBytes(file);
        ConfDocument doc = ConfParser.parse(file);
        assertThat(doc.isEdited()).isFalse();
        assertThat(doc.text().getBytes(java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(original);
        assertThat(doc.cmap()).containsKey("totem.version");
        assertThat(CorosyncConfig.of(doc).totem().get(TotemKey.VERSION)).isEqualTo(2);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valid")
    void anEditedWriteReadsBackToTheSameKeysPlusTheEdit(Path file) {
        ConfDocument doc = ConfParser.parse(file);
        var before = new java.util.TreeMap<>(doc.cmap());
        long version = doc.bumpConfigVersion();
        String written = doc.text();
        ConfDocument again = ConfParser.parse(file.toString(), written, doc.dialect(), UserDb.system());
        before.put("totem.config_version", Long.toString(version));
        assertThat(again.cmap()).isEqualTo(before);
        // the canonical form is a fixed point: writing the re-read document gives the same text
        again.bumpConfigVersion();
        assertThat(again.text()).isEqualTo(written.replace("config_version: " + version,
            "config_version: " + (version + 1)));
    }
}
