package dev.orderflow.local.gateway;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What goes back to the client: status, headers (in order, possibly several values) and body. */
record GatewayAnswer(int status, Map<String, List<String>> headers, byte[] body) {

    GatewayAnswer {
        headers = new LinkedHashMap<>(headers);
    }

    /** This answer with one more header, replacing any of the same name whatever its letter case. */
    GatewayAnswer withHeader(String name, String value) {
        Map<String, List<String>> copy = new LinkedHashMap<>(headers);
        copy.keySet().removeIf(existing -> existing.equalsIgnoreCase(name));
        copy.put(name, List.of(value));
        return new GatewayAnswer(status, copy, body);
    }

    boolean hasHeader(String name) {
        return headers.keySet().stream().anyMatch(existing -> existing.equalsIgnoreCase(name));
    }
}
