package dev.orderflow.api.contract;

import org.apache.velocity.VelocityContext;
import org.apache.velocity.app.VelocityEngine;
import org.apache.velocity.runtime.RuntimeConstants;
import org.apache.velocity.runtime.RuntimeConstants.SpaceGobbling;

import java.io.StringWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Renders an API Gateway mapping template with plain Apache Velocity, giving it small stand-ins for
 * the {@code $input}, {@code $util} and {@code $context} that API Gateway provides.
 *
 * <p>Every template is rendered twice, with Velocity 2's whitespace rules (what the local gateway
 * uses) and with Velocity 1.x's (closest to API Gateway), and both must give the same text: stray
 * newlines in front of {@code Action=SendMessage} would break the SQS call in one place only.
 * Strict mode makes an unknown reference an error rather than literal text.
 *
 * <p>The class and its stand-ins are public because Velocity calls their methods by reflection.
 */
public final class MappingTemplates {

    public static final String REQUEST_ID = "c6af9ac6-7b61-11e6-9a41-93e8deadbeef";
    public static final long REQUEST_TIME_EPOCH = 1_763_806_530_123L;
    public static final String CALLER = "3f1e9d2c-8b7a-4c65-9e0f-1a2b3c4d5e6f";

    private static final Pattern MATCHES_CALL = Pattern.compile("\\.matches\\(\"([^\"]*)\"\\)");
    private static final VelocityEngine VELOCITY_2 = engine(SpaceGobbling.LINES);
    private static final VelocityEngine VELOCITY_1 = engine(SpaceGobbling.BC);

    private MappingTemplates() {
    }

    /** A request as a mapping template sees it. */
    public static Request request(String path) {
        return new Request(path);
    }

    /** The text a template produced, and what it set under {@code $context.responseOverride}. */
    public record Rendered(String body, Object statusOverride, Map<String, Object> headerOverrides) {
    }

    public static Rendered render(String template, Request request) {
        Rendered underVelocity2 = render(VELOCITY_2, template, request);
        Rendered underVelocity1 = render(VELOCITY_1, template, request);
        if (!underVelocity2.equals(underVelocity1)) {
            throw new IllegalStateException("The template renders differently under Velocity 1.x whitespace rules:\n"
                    + underVelocity2 + "\n" + underVelocity1);
        }
        return underVelocity2;
    }

    /** The regular expressions a template checks values with ({@code .matches("...")}), anchored as a schema pattern is. */
    public static List<String> checkedPatterns(String template) {
        return MATCHES_CALL.matcher(template).results().map(call -> "^" + call.group(1) + "$").toList();
    }

    private static Rendered render(VelocityEngine engine, String template, Request request) {
        Map<String, Object> headerOverrides = new HashMap<>();
        Map<String, Object> responseOverride = new HashMap<>(Map.of("header", headerOverrides));
        Map<String, Object> context = Map.of(
                "requestId", REQUEST_ID,
                "requestTimeEpoch", REQUEST_TIME_EPOCH,
                "path", request.path,
                "authorizer", Map.of("claims", Map.of("sub", CALLER)),
                "responseOverride", responseOverride);

        VelocityContext variables = new VelocityContext();
        variables.put("input", new InputVariable(request));
        variables.put("util", new UtilVariable());
        variables.put("context", context);
        StringWriter out = new StringWriter();
        engine.evaluate(variables, out, "mapping-template", template);
        return new Rendered(out.toString(), responseOverride.get("status"), Map.copyOf(headerOverrides));
    }

    private static VelocityEngine engine(SpaceGobbling whitespace) {
        VelocityEngine engine = new VelocityEngine();
        engine.setProperty(RuntimeConstants.SPACE_GOBBLING, whitespace.name().toLowerCase());
        engine.setProperty(RuntimeConstants.RUNTIME_REFERENCES_STRICT, true);
        engine.init();
        return engine;
    }

    /** The method request: its path, path parameters, headers (names as the client wrote them) and body. */
    public static final class Request {
        private final String path;
        private final Map<String, String> pathParameters = new LinkedHashMap<>();
        private final Map<String, String> queryParameters = new LinkedHashMap<>();
        private final Map<String, String> headers = new LinkedHashMap<>();
        private String body = "";

        private Request(String path) {
            this.path = path;
        }

        public Request pathParameter(String name, String value) {
            pathParameters.put(name, value);
            return this;
        }

        public Request header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        public Request body(String json) {
            this.body = json;
            return this;
        }
    }

    /** {@code $input}: the request's parameters and body. */
    public static final class InputVariable {
        private final Request request;

        InputVariable(Request request) {
            this.request = request;
        }

        /** {@code $input.params()}: path, querystring and header parameters. */
        public Map<String, Map<String, String>> params() {
            return Map.of("path", request.pathParameters, "querystring", request.queryParameters,
                    "header", request.headers);
        }

        /** {@code $input.params('name')}: a path, else query string, else header parameter. */
        public String params(String name) {
            for (Map<String, String> parameters : params().values()) {
                if (parameters.containsKey(name)) {
                    return parameters.get(name);
                }
            }
            return "";
        }

        /** {@code $input.json('$')}: the body as JSON; the templates select nothing narrower. */
        public String json(String jsonPath) {
            if (!"$".equals(jsonPath)) {
                throw new UnsupportedOperationException("stand-in knows only $input.json('$'), not " + jsonPath);
            }
            return request.body;
        }

        /** {@code $input.body}. */
        public String getBody() {
            return request.body;
        }
    }

    /** {@code $util}: the two functions the templates use. */
    public static final class UtilVariable {

        public String urlEncode(String text) {
            return URLEncoder.encode(text, StandardCharsets.UTF_8);
        }

        /** JavaScript string escaping, as API Gateway's (note: it also escapes ' and /). */
        public String escapeJavaScript(String text) {
            StringBuilder escaped = new StringBuilder(text.length());
            for (char c : text.toCharArray()) {
                switch (c) {
                    case '"', '\'', '\\', '/' -> escaped.append('\\').append(c);
                    case '\n' -> escaped.append("\\n");
                    case '\r' -> escaped.append("\\r");
                    case '\t' -> escaped.append("\\t");
                    default -> escaped.append(c < 0x20 || c > 0x7e ? String.format("\\u%04X", (int) c) : c);
                }
            }
            return escaped.toString();
        }
    }
}
