package org.quorate.ipc.tool;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Checks that a daemon answered in JSON and prints it compact or indented. */
public final class JsonOutput {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonOutput() {
    }

    /**
     * The filter for {@code format}: text passes through; JSON must be an object (a C daemon answers in
     * text) and is re-printed compact or indented. {@code socket} names the daemon in the error.
     */
    public static AdminToolClient.PayloadFilter filter(OutputFormat format, String socket) {
        if (!format.isJson()) {
            return payload -> payload;
        }
        return payload -> {
            JsonNode tree;
            try {
                tree = MAPPER.readTree(payload);
            } catch (IOException e) {
                tree = null;
            }
            if (tree == null || !tree.isObject()) {
                throw new AdminToolClient.InvalidPayloadException("the daemon at " + socket
                        + " did not answer in JSON; --output-format " + format.optionValue()
                        + " needs a Quorate daemon (the C daemons only speak text)");
            }
            try {
                String text = format == OutputFormat.JSON_PRETTY
                        ? MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(tree)
                        : MAPPER.writeValueAsString(tree);
                return (text + "\n").getBytes(StandardCharsets.UTF_8);
            } catch (JsonProcessingException e) {
                throw new AdminToolClient.InvalidPayloadException("can't print the daemon's JSON: " + e.getMessage());
            }
        };
    }
}
