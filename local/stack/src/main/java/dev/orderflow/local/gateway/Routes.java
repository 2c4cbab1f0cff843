package dev.orderflow.local.gateway;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the operation for a method and path as API Gateway's resource tree does: literal segments before
 * {@code {param}}, a greedy {@code {param+}} last. A path that matches no resource, or a resource without that
 * method, has no route (API Gateway answers both with MISSING_AUTHENTICATION_TOKEN).
 */
final class Routes<T> {

    private final List<Route<T>> routes;

    Routes(Map<Operation, T> targets) {
        List<Route<T>> all = new ArrayList<>();
        targets.forEach((operation, target) -> all.add(new Route<>(operation, segments(operation.pathTemplate()), target)));
        all.sort(Comparator.comparingLong((Route<T> route) -> -route.literalSegments())
                .thenComparingInt(route -> route.greedy() ? 1 : 0));
        this.routes = List.copyOf(all);
    }

    /** A found route, with the path parameters it read (decoded). */
    record Match<T>(Operation operation, T target, Map<String, String> pathParameters) {
    }

    /**
     * The route for {@code method} and {@code rawPath} (still percent-encoded, so that an encoded slash stays inside
     * its segment).
     *
     * @throws IllegalArgumentException when a percent escape is malformed
     */
    Optional<Match<T>> match(String method, String rawPath) {
        List<String> segments = segments(rawPath).stream().map(Routes::decode).toList();
        for (Route<T> route : routes) {
            if (route.operation().method().equals(method)) {
                Map<String, String> parameters = route.bind(segments);
                if (parameters != null) {
                    return Optional.of(new Match<>(route.operation(), route.target(), parameters));
                }
            }
        }
        return Optional.empty();
    }

    /** A path segment decoded; unlike a query string, a {@code +} in a path is a plus. */
    private static String decode(String segment) {
        return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** A path's segments; a trailing slash counts for nothing. */
    private static List<String> segments(String path) {
        List<String> segments = new ArrayList<>();
        for (String segment : path.split("/")) {
            if (!segment.isEmpty()) {
                segments.add(segment);
            }
        }
        return segments;
    }

    private record Route<T>(Operation operation, List<String> template, T target) {

        long literalSegments() {
            return template.stream().filter(segment -> !segment.startsWith("{")).count();
        }

        boolean greedy() {
            return !template.isEmpty() && template.getLast().endsWith("+}");
        }

        /** The path parameters if {@code path} fits this template, else null. */
        Map<String, String> bind(List<String> path) {
            Map<String, String> parameters = new LinkedHashMap<>();
            for (int i = 0; i < template.size(); i++) {
                String expected = template.get(i);
                if (expected.endsWith("+}") && i == template.size() - 1) {
                    if (path.size() <= i) {
                        return null;
                    }
                    parameters.put(name(expected), String.join("/", path.subList(i, path.size())));
                    return parameters;
                }
                if (i >= path.size()) {
                    return null;
                }
                if (expected.startsWith("{")) {
                    parameters.put(name(expected), path.get(i));
                } else if (!expected.equals(path.get(i))) {
                    return null;
                }
            }
            return path.size() == template.size() ? parameters : null;
        }

        private static String name(String templateSegment) {
            return templateSegment.substring(1, templateSegment.length() - 1).replace("+", "");
        }
    }
}
