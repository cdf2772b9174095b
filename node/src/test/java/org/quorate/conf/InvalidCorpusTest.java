package org.quorate.conf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every invalid corpus file is refused with one message naming the file and a line. */
class InvalidCorpusTest {
    static List<Path> invalid() throws IOException {
        return CorpusRoundTripTest.files("invalid");
    }

    /** Our refusal of {@code file} (parse, then the typed views), or null when we accept it. */
    static String refusal(Path file) {
        try {
            ConfDocument doc = ConfParser.parse(file);
            CorosyncConfig.of(doc);
            return null;
        } catch (ConfException e) {
            return e.getMessage();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void isRefusedNamingFileAndLine(Path file) throws IOException {
        String message = refusal(file);
        assertThat(message).as("refusal of %s", file).isNotNull().contains(file.toString());
        String firstLine = Files.readAllLines(file).get(0);
        if (firstLine.startsWith("# expect: ")) {
            assertThat(message).contains(firstLine.substring("# expect: ".length()));
        }
    }
}
