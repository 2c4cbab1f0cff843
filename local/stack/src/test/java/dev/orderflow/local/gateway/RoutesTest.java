package dev.orderflow.local.gateway;

import com.fasterxml.jackson.databind.node.MissingNode;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RoutesTest {

    private final Routes<String> routes = new Routes<>(targets(
            "GET /orders", "GET /orders/{orderId}", "GET /orders/latest", "DELETE /orders/{orderId}", "GET /files/{path+}"));

    @Test
    void literalSegment_winsOverAParameter() {
        assertThat(routes.match("GET", "/orders/latest")).hasValueSatisfying(match -> {
            assertThat(match.target()).isEqualTo("GET /orders/latest");
            assertThat(match.pathParameters()).isEmpty();
        });
    }

    @Test
    void parameterSegment_isReadDecoded_andAnEncodedSlashStaysInside() {
        assertThat(routes.match("GET", "/orders/a%2Fb+c").orElseThrow().pathParameters())
                .containsExactly(Map.entry("orderId", "a/b+c"));
    }

    @Test
    void trailingSlash_countsForNothing() {
        assertThat(routes.match("GET", "/orders/").orElseThrow().target()).isEqualTo("GET /orders");
    }

    @Test
    void knownPathWithAnotherMethod_orLongerPath_hasNoRoute() {
        assertThat(routes.match("PUT", "/orders")).isEmpty();
        assertThat(routes.match("GET", "/orders/a/b")).isEmpty();
        assertThat(routes.match("GET", "/")).isEmpty();
    }

    @Test
    void greedyParameter_takesTheRestOfThePath() {
        assertThat(routes.match("GET", "/files/a/b/c").orElseThrow().pathParameters())
                .containsExactly(Map.entry("path", "a/b/c"));
        assertThat(routes.match("GET", "/files")).isEmpty();
    }

    private static Map<Operation, String> targets(String... methodAndPaths) {
        Map<Operation, String> targets = new LinkedHashMap<>();
        for (String methodAndPath : methodAndPaths) {
            String[] parts = methodAndPath.split(" ");
            targets.put(new Operation(parts[0], parts[1], Operation.Security.NONE, Operation.Validation.NONE,
                    List.of(), false, Map.of(), MissingNode.getInstance()), methodAndPath);
        }
        return targets;
    }
}
