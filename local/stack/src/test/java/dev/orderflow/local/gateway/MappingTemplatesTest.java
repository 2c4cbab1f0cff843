package dev.orderflow.local.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class MappingTemplatesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final MappingTemplates templates = new MappingTemplates();

    @Test
    void inputJsonAndPath_selectFromThePayload() {
        InputVariable input = input("{\"items\": [{\"menuItemId\": \"m1\", \"quantity\": 2}], \"name\": \"a\\\"b\"}");

        assertThat(templates.render("$input.json('$.items[0]')", input, context()))
                .isEqualTo("{\"menuItemId\":\"m1\",\"quantity\":2}");
        assertThat(templates.render("$input.path('$.items[0].quantity')", input, context())).isEqualTo("2");
        assertThat(templates.render("$input.path('$').items.size()", input, context())).isEqualTo("1");
        assertThat(templates.render("$input.json('$.missing')|", input, context())).isEqualTo("|");
    }

    @Test
    void inputParams_findPathThenQueryThenHeader() {
        InputVariable input = new InputVariable(Map.of(
                "path", Map.of("orderId", "o1"), "querystring", Map.of("limit", "5"), "header", Map.of("Accept", "x/y")), "");

        assertThat(templates.render("$input.params('orderId') $input.params('limit') $input.params('Accept') [$input.params('nope')]",
                input, context())).isEqualTo("o1 5 x/y []");
        assertThat(templates.render("$input.params().header.Accept", input, context())).isEqualTo("x/y");
    }

    @Test
    void util_escapesEncodesAndParses() {
        InputVariable input = input("");
        Map<String, Object> context = context();
        context.put("text", "a\"b'c/d\u00e9\n");

        assertThat(templates.render("$util.escapeJavaScript($context.text)", input, context))
                .isEqualTo("a\\\"b\\'c\\/d\\u00E9\\n");
        assertThat(templates.render("$util.urlEncode('a b&c=d')", input, context())).isEqualTo("a+b%26c%3Dd");
        assertThat(templates.render("$util.urlDecode('a+b%26')", input, context())).isEqualTo("a b&");
        assertThat(templates.render("$util.base64Decode($util.base64Encode('h\u00e9'))", input, context())).isEqualTo("h\u00e9");
        assertThat(templates.render("$util.parseJson('{\"a\": [1, 2]}').a.get(1)", input, context())).isEqualTo("2");
    }

    @Test
    void ifOnAnEmptyString_isTrue_asInApiGatewaysVelocity() {
        assertThat(templates.render("#set($e = \"\")#if($e)yes#{else}no#end", input(""), context())).isEqualTo("yes");
    }

    @Test
    void responseOverride_setByATemplate_isSeenByTheCaller() {
        Map<String, Object> context = context();

        templates.render("#set($context.responseOverride.status = 500)#set($context.responseOverride.header.Location = \"/x\")",
                input(""), context);

        @SuppressWarnings("unchecked")
        Map<String, Object> override = (Map<String, Object>) context.get("responseOverride");
        assertThat(override).containsEntry("status", 500);
        assertThat(override.get("header")).isEqualTo(Map.of("Location", "/x"));
    }

    @Test
    void placeOrderTemplate_fromTheDocument_buildsTheSendMessageCall() throws Exception {
        String template = ApiDocument.fromClasspath(Deployment.local("us-east-1", "orders").placeholders()).operations()
                .stream().filter(operation -> operation.name().equals("POST /orders")).findFirst().orElseThrow()
                .integration().path("requestTemplates").path("application/json").asText();
        Map<String, Object> context = context();
        context.put("authorizer", Map.of("claims", Map.of("sub", "demo")));

        String rendered = templates.render(template, new InputVariable(Map.of("path", Map.of(), "querystring", Map.of(),
                "header", Map.of("Idempotency-key", "key-12345")), "{\"restaurantId\": \"r1\"}"), context);

        assertThat(rendered).startsWith("Action=SendMessage&MessageBody=");
        JsonNode message = JSON.readTree(URLDecoder.decode(rendered.substring(rendered.indexOf('=', 7) + 1), StandardCharsets.UTF_8));
        assertThat(message.path("orderId").asText()).isEqualTo("key-12345");
        assertThat(message.path("userId").asText()).isEqualTo("demo");
        assertThat(message.path("receivedAt").asLong()).isEqualTo(1_763_806_530_123L);
        assertThat(message.path("order").path("restaurantId").asText()).isEqualTo("r1");
    }

    private static InputVariable input(String body) {
        return new InputVariable(Map.of("path", Map.of(), "querystring", Map.of(), "header", Map.of()), body);
    }

    private static Map<String, Object> context() {
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("requestId", "req-1");
        context.put("requestTimeEpoch", 1_763_806_530_123L);
        Map<String, Object> override = new LinkedHashMap<>();
        override.put("header", new LinkedHashMap<String, Object>());
        context.put("responseOverride", override);
        return context;
    }
}
