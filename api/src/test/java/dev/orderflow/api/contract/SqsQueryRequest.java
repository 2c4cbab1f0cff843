package dev.orderflow.api.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** An SQS Query API call as a request template writes it: {@code Action=SendMessage&MessageBody=...}, form-encoded. */
record SqsQueryRequest(Map<String, String> parameters) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static SqsQueryRequest parse(String formBody) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : formBody.split("&")) {
            String[] nameAndValue = pair.split("=", 2);
            String value = nameAndValue.length == 2 ? URLDecoder.decode(nameAndValue[1], StandardCharsets.UTF_8) : "";
            if (parameters.put(URLDecoder.decode(nameAndValue[0], StandardCharsets.UTF_8), value) != null) {
                throw new IllegalArgumentException("Repeated parameter in " + formBody);
            }
        }
        return new SqsQueryRequest(parameters);
    }

    /** The MessageBody, parsed as JSON. */
    JsonNode message() {
        try {
            return JSON.readTree(parameters.get("MessageBody"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
