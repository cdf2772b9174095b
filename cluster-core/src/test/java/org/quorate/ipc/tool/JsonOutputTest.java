package org.quorate.ipc.tool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonOutputTest {
    private static String apply(OutputFormat format, String payload) throws Exception {
        byte[] in = payload.getBytes(StandardCharsets.UTF_8);
        return new String(JsonOutput.filter(format, "/run/x.sock").apply(in), StandardCharsets.UTF_8);
    }

    @Test
    void textPassesThroughUntouched() throws Exception {
        assertThat(apply(OutputFormat.TEXT, "QNetd address:\t*:5403\n")).isEqualTo("QNetd address:\t*:5403\n");
    }

    @Test
    void jsonIsPrintedCompactOrIndentedWithATrailingNewline() throws Exception {
        assertThat(apply(OutputFormat.JSON, "{ \"a\" : [1, 2] }")).isEqualTo("{\"a\":[1,2]}\n");
        assertThat(apply(OutputFormat.JSON_PRETTY, "{\"a\":1}")).isEqualTo("{\n  \"a\" : 1\n}\n");
    }

    @Test
    void aTextAnswerToAJsonRequestNamesTheSocketAndTheFormat() {
        assertThatThrownBy(() -> apply(OutputFormat.JSON, "QNetd address:\t*:5403\n"))
                .isInstanceOf(AdminToolClient.InvalidPayloadException.class)
                .hasMessageContaining("/run/x.sock").hasMessageContaining("--output-format json");
        assertThatThrownBy(() -> apply(OutputFormat.JSON_PRETTY, "[1]"))
                .hasMessageContaining("did not answer in JSON");
    }
}
