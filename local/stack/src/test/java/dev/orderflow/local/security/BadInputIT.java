package dev.orderflow.local.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orderflow.local.stack.LocalStack;
import dev.orderflow.local.stack.LocalStackOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every way a request's content can be wrong or hostile, over real HTTP against the whole local stack: each row is
 * refused with its 4xx and a JSON {@code {"message": ...}}, never a 5xx, and leaves nothing behind (no message in
 * the queue, no new or changed item of either caller's in the orders table).
 *
 * <p>The poller is stopped while the rows run, so a message wrongly enqueued would stay in the queue and be seen.
 * The caller (client {@code demo}) has two orders and the other caller ({@code demo-other}) two, placed through the
 * API first, so that page tokens of both exist and a DELETE or PUT that slipped through would show in the table.
 *
 * <p>Where the local gateway deliberately differs from API Gateway:
 * <ul>
 *   <li>it checks parameter values against their schemas (Idempotency-Key, orderId, limit, status, nextToken), where
 *       API Gateway checks presence only; there the mapping templates (Idempotency-Key, PUT's orderId) and the
 *       orders-api function (orderId, limit, status, nextToken) refuse the same values with the same 400, so the
 *       statuses hold for both, only the messages differ;</li>
 *   <li>it answers 413 above the document's {@code x-orderflow-max-body-bytes} (64 KiB), where API Gateway takes up
 *       to 10 MB and its validator then answers 400 (the schemas bound every field, so no valid order is near
 *       either limit);</li>
 *   <li>it refuses a member given twice in one object as malformed JSON, so that the schema and the template cannot
 *       read two different values.</li>
 * </ul>
 */
class BadInputIT {

    private static final String CALLER = "demo";
    private static final String OTHER_CALLER = "demo-other";
    private static final String ORDER = """
            {"restaurantId": "luigis-pizzeria", "items": [{"menuItemId": "margherita", "quantity": 1}]}""";
    /** The document's x-orderflow-max-body-bytes: a larger body is 413. */
    private static final int MAX_BODY_BYTES = 65_536;
    private static final ObjectMapper JSON = new ObjectMapper();

    private static LocalStack stack;
    private static HttpCaller http;
    private static String token;
    /** Page tokens the API issued: the caller's own (to alter) and the other caller's (to replay). */
    private static String ownNextToken;
    private static String othersNextToken;

    @BeforeAll
    static void startStackWithOrdersOfTwoCallers_thenStopThePoller() {
        stack = LocalStack.start(LocalStackOptions.ephemeral());
        http = new HttpCaller(stack.endpoints());
        token = http.accessToken(CALLER, "demo-secret");
        String otherToken = http.accessToken(OTHER_CALLER, "demo-other-secret");
        Map<String, String> tokens = Map.of(CALLER, token, OTHER_CALLER, otherToken);
        Map<String, String> owners = Map.of("bad-input-own-1", CALLER, "bad-input-own-2", CALLER,
                "bad-input-other-1", OTHER_CALLER, "bad-input-other-2", OTHER_CALLER);
        owners.forEach((orderId, owner) -> place(orderId, tokens.get(owner)));
        Await.until("the four orders to be decided", () -> owners.entrySet().stream()
                .allMatch(order -> Footprint.decided(stack, order.getValue(), order.getKey())));
        ownNextToken = firstPageNextToken(token);
        othersNextToken = firstPageNextToken(otherToken);
        Footprint.stopThePollerOnceTheQueueIsEmpty(stack);
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInput")
    void badInput_isRefusedWithItsStatusAndAJsonMessage_andEnqueuesAndStoresNothing(HttpCase row) {
        assertThat(row.expectedStatus()).as("a bad-input row expects a 4xx").isBetween(400, 499);
        Footprint before = Footprint.of(stack, CALLER, OTHER_CALLER);

        HttpCaller.Answer answer = http.send(row, token);

        assertThat(answer.status()).as("%s answered %s", row, answer).isEqualTo(row.expectedStatus());
        assertThat(answer.message()).isNotBlank();
        assertThat(Footprint.of(stack, CALLER, OTHER_CALLER)).as("what %s left behind", row).isEqualTo(before);
    }

    static Stream<HttpCase> badInput() {
        return Stream.of(malformedJson(), wrongTypes(), missingAndExtraFields(), emptyAndHugeBodies(), hugeArrays(),
                quantities(), unicodeAndControlCharacters(), injectionLookingStrings(), pathTraversalAndLongOrderIds(),
                badIdempotencyKeys(), badLimitsAndPageTokens(), wrongContentTypes(), wrongMethodsAndRoutes(),
                unknownAndForeignOrders())
                .flatMap(category -> category);
    }

    static Stream<HttpCase> malformedJson() {
        return Stream.of(
                post("malformed JSON: truncated", "{\"restaurantId\": \"luigis-pizzeria\", \"items\": [", 400),
                post("malformed JSON: not JSON at all", "restaurantId=luigis-pizzeria&items=margherita", 400),
                post("malformed JSON: garbage after the object", ORDER + " }", 400),
                post("malformed JSON: two objects", ORDER + ORDER, 400),
                post("malformed JSON: a member given twice", """
                        {"restaurantId": "luigis-pizzeria", "restaurantId": "sakura-sushi",
                         "items": [{"menuItemId": "margherita", "quantity": 1}]}""", 400),
                post("malformed JSON: single quotes", ORDER.replace('"', '\''), 400),
                post("malformed JSON: unquoted names", ORDER.replace("\"restaurantId\"", "restaurantId"), 400),
                post("malformed JSON: trailing comma", ORDER.replace("}]}", "}],}"), 400),
                post("malformed JSON: a comment", "/* hi */ " + ORDER, 400),
                post("malformed JSON: NaN", ORDER.replace("\"quantity\": 1", "\"quantity\": NaN"), 400),
                post("malformed JSON: a raw control character in a string",
                        ORDER.replace("luigis-pizzeria", "luigis\u0001pizzeria"), 400),
                post("malformed JSON: nested 5000 deep", withField("notes", "[".repeat(5000) + "]".repeat(5000)), 400),
                HttpCase.of("malformed JSON: bytes that are not UTF-8", "POST", "/orders", 400)
                        .body(concat("{\"restaurantId\": \"luigis-", new byte[] {(byte) 0xC3, (byte) 0x28},
                                "\", \"items\": [{\"menuItemId\": \"margherita\", \"quantity\": 1}]}"))
                        .header("Content-Type", "application/json"));
    }

    static Stream<HttpCase> wrongTypes() {
        return Stream.of(
                post("wrong type: the body is an array", "[" + ORDER + "]", 400),
                post("wrong type: the body is a string", "\"luigis-pizzeria\"", 400),
                post("wrong type: the body is a number", "42", 400),
                post("wrong type: the body is null", "null", 400),
                post("wrong type: restaurantId is a number", withRestaurantId("42"), 400),
                post("wrong type: restaurantId is null", withRestaurantId("null"), 400),
                post("wrong type: items is an object", "{\"restaurantId\": \"luigis-pizzeria\", \"items\": "
                        + line("\"margherita\"", "1") + "}", 400),
                post("wrong type: items is a string",
                        "{\"restaurantId\": \"luigis-pizzeria\", \"items\": \"margherita\"}", 400),
                post("wrong type: an item is a string",
                        "{\"restaurantId\": \"luigis-pizzeria\", \"items\": [\"margherita\"]}", 400),
                post("wrong type: menuItemId is a number", withMenuItemId("7"), 400),
                post("wrong type: quantity is a string", withQuantity("\"2\""), 400),
                post("wrong type: quantity is a fraction", withQuantity("1.5"), 400),
                post("wrong type: quantity is a boolean", withQuantity("true"), 400),
                post("wrong type: quantity is null", withQuantity("null"), 400),
                post("wrong type: notes is a number", withField("notes", "5"), 400),
                post("wrong type: notes is an array", withField("notes", "[\"extra basil\"]"), 400));
    }

    static Stream<HttpCase> missingAndExtraFields() {
        return Stream.of(
                post("missing field: an empty object", "{}", 400),
                post("missing field: restaurantId", "{\"items\": [" + line("\"margherita\"", "1") + "]}", 400),
                post("missing field: items", "{\"restaurantId\": \"luigis-pizzeria\"}", 400),
                post("missing field: an item's menuItemId",
                        "{\"restaurantId\": \"luigis-pizzeria\", \"items\": [{\"quantity\": 1}]}", 400),
                post("missing field: an item's quantity",
                        "{\"restaurantId\": \"luigis-pizzeria\", \"items\": [{\"menuItemId\": \"margherita\"}]}", 400),
                post("missing field: an empty item", "{\"restaurantId\": \"luigis-pizzeria\", \"items\": [{}]}", 400),
                post("extra field: userId (another caller)", withField("userId", "\"demo-other\""), 400),
                post("extra field: orderId", withField("orderId", "\"bad-input-other-1\""), 400),
                post("extra field: status", withField("status", "\"CONFIRMED\""), 400),
                post("extra field: a total (client-set price)",
                        withField("total", "{\"amountMinor\": 1, \"currency\": \"EUR\"}"), 400),
                post("extra field: an item's unitPrice", ORDER.replace("\"quantity\": 1}",
                        "\"quantity\": 1, \"unitPrice\": {\"amountMinor\": 1, \"currency\": \"EUR\"}}"), 400),
                post("extra field: __proto__", withField("__proto__", "{\"admin\": true}"), 400));
    }

    static Stream<HttpCase> emptyAndHugeBodies() {
        String justOver = withNotes("x".repeat(MAX_BODY_BYTES));
        String oneMebibyte = withNotes("x".repeat(1 << 20));
        String justInside = withNotes("x".repeat(MAX_BODY_BYTES - withNotes("").length()));
        return Stream.of(
                post("empty body: POST", "", 400),
                HttpCase.of("empty body: PUT", "PUT", "/orders/bad-input-own-1", 400).json(""),
                post("empty body: whitespace only", " \n\t ", 400),
                post("huge body: exactly the 64 KiB limit, notes too long", justInside, 400),
                post("huge body: just over the 64 KiB limit", justOver, 413),
                post("huge body: 1 MiB", oneMebibyte, 413),
                HttpCase.of("huge body: 1 MiB PUT", "PUT", "/orders/bad-input-own-1", 413).json(oneMebibyte),
                post("huge body: notes of 501 characters", withNotes("n".repeat(501)), 400),
                post("huge body: restaurantId of 65 characters", withRestaurantId("\"" + "r".repeat(65) + "\""),
                        400),
                post("huge body: menuItemId of 65 characters",
                        withMenuItemId("\"" + "m".repeat(65) + "\""), 400));
    }

    static Stream<HttpCase> hugeArrays() {
        return Stream.of(
                post("huge array: no items", "{\"restaurantId\": \"luigis-pizzeria\", \"items\": []}", 400),
                post("huge array: 51 items", order("\"luigis-pizzeria\"", lines(51)), 400),
                post("huge array: 1500 items", order("\"luigis-pizzeria\"", lines(1500)), 400),
                post("huge array: 100000 items", order("\"luigis-pizzeria\"", lines(100_000)), 413),
                post("huge array: items nested 2000 deep", "{\"restaurantId\": \"luigis-pizzeria\", \"items\": "
                        + "[".repeat(2000) + "]".repeat(2000) + "}", 400));
    }

    static Stream<HttpCase> quantities() {
        return Stream.of(
                quantity("zero", "0"),
                quantity("minus zero", "-0"),
                quantity("negative", "-1"),
                quantity("one above the maximum", "21"),
                quantity("above a 32-bit int", "2147483648"),
                quantity("above a 64-bit long", "9223372036854775808"),
                quantity("an exponent", "1e3"),
                quantity("beyond a double", "1e400"),
                quantity("5000 digits", "9".repeat(5000)));
    }

    static Stream<HttpCase> unicodeAndControlCharacters() {
        return Stream.of(
                post("unicode: an accented restaurantId", withRestaurantId("\"luigis-pizzer\u00eda\""), 400),
                post("unicode: a full-width restaurantId", withRestaurantId("\"\uff4c\uff55\uff49\uff47\uff49\""),
                        400),
                post("unicode: an emoji menuItemId", withMenuItemId("\"\ud83c\udf55\""), 400),
                post("unicode: a right-to-left override", withMenuItemId("\"\u202emargherita\""), 400),
                post("unicode: a zero-width space", withMenuItemId("\"margherita\u200b\""), 400),
                post("unicode: an escaped lone surrogate", withRestaurantId("\"\\ud800\""), 400),
                post("control character: an escaped NUL", withRestaurantId("\"luigis\\u0000pizzeria\""), 400),
                post("control character: restaurantId ending in a newline",
                        withRestaurantId("\"luigis-pizzeria\\n\""), 400),
                post("control character: menuItemId ending in a newline",
                        withMenuItemId("\"margherita\\n\""), 400),
                HttpCase.of("control character: GET of an order id ending in a newline", "GET",
                        "/orders/bad-input-own-1%0A", 400),
                HttpCase.of("control character: DELETE of an order id ending in a newline", "DELETE",
                        "/orders/bad-input-own-1%0A", 400),
                HttpCase.of("control character: PUT of an order id ending in a newline", "PUT",
                        "/orders/bad-input-own-1%0A", 400).json(ORDER),
                post("unicode: notes of 501 emoji", withNotes("\ud83c\udf55".repeat(501)), 400),
                post("unicode: an accented Idempotency-Key", ORDER, 400).header("Idempotency-Key", "caf\u00e9-order-01"),
                HttpCase.of("unicode: an accented order id", "GET", "/orders/pizzer%C3%ADa", 400));
    }

    static Stream<HttpCase> injectionLookingStrings() {
        return Stream.of(
                post("injection: SQL in restaurantId", withRestaurantId("\"' OR '1'='1\""), 400),
                post("injection: a NoSQL operator as restaurantId", withRestaurantId("{\"$ne\": null}"), 400),
                post("injection: a script in menuItemId",
                        withMenuItemId("\"<script>alert(1)</script>\""), 400),
                post("injection: a JNDI lookup in restaurantId",
                        withRestaurantId("\"${jndi:ldap://127.0.0.1/a}\""), 400),
                post("injection: VTL in menuItemId", withMenuItemId("\"#set($x = 1)\""), 400),
                post("injection: a DynamoDB placeholder in restaurantId", withRestaurantId("\"#userId\""),
                        400),
                post("injection: a VTL reference as Idempotency-Key", ORDER, 400)
                        .header("Idempotency-Key", "$context.authorizer.claims.sub"),
                post("injection: an Idempotency-Key closing the message's JSON", ORDER, 400)
                        .header("Idempotency-Key", "aaaaaaaa\", \"userId\": \"demo-other"),
                post("injection: an Idempotency-Key adding an SQS parameter", ORDER, 400)
                        .header("Idempotency-Key", "aaaaaaaa&MessageBody=x"),
                HttpCase.of("injection: a PUT order id adding an SQS parameter", "PUT",
                        "/orders/aaaaaaaa%26MessageBody%3Dx", 400).json(ORDER),
                HttpCase.of("injection: SQL in status", "GET", "/orders?status=PENDING%27%20OR%201%3D1", 400));
    }

    static Stream<HttpCase> pathTraversalAndLongOrderIds() {
        String longId = "o".repeat(65);
        return Stream.of(
                HttpCase.of("path traversal: encoded ../../etc/passwd", "GET", "/orders/..%2F..%2Fetc%2Fpasswd", 400),
                HttpCase.of("path traversal: encoded dot-dot", "GET", "/orders/%2e%2e", 400),
                HttpCase.of("path traversal: dot-dot", "GET", "/orders/..", 400),
                HttpCase.of("path traversal: an encoded slash", "GET", "/orders/bad-input-own-1%2F..", 400),
                HttpCase.of("path traversal: an encoded NUL", "GET", "/orders/bad-input-own-1%00", 400),
                HttpCase.of("path traversal: a blank order id", "GET", "/orders/%20", 400),
                HttpCase.of("path traversal: DELETE into another caller's key", "DELETE",
                        "/orders/..%2Fdemo-other%2Fbad-input-other-1", 400),
                HttpCase.of("path traversal: PUT with an encoded slash", "PUT", "/orders/..%2F..%2Fadmin", 400).json(ORDER),
                HttpCase.of("path traversal: unencoded ../..", "GET", "/orders/../../etc/passwd", 404),
                HttpCase.of("long order id: GET, 65 characters", "GET", "/orders/" + longId, 400),
                HttpCase.of("long order id: DELETE, 65 characters", "DELETE", "/orders/" + longId, 400),
                HttpCase.of("long order id: PUT, 65 characters", "PUT", "/orders/" + longId, 400).json(ORDER),
                HttpCase.of("long order id: GET, 8000 characters", "GET", "/orders/" + "o".repeat(8000), 400));
    }

    static Stream<HttpCase> badIdempotencyKeys() {
        return Stream.of(
                post("Idempotency-Key: 7 characters", ORDER, 400).header("Idempotency-Key", "short-7"),
                post("Idempotency-Key: 65 characters", ORDER, 400).header("Idempotency-Key", "k".repeat(65)),
                post("Idempotency-Key: empty", ORDER, 400).header("Idempotency-Key", ""),
                post("Idempotency-Key: a space", ORDER, 400).header("Idempotency-Key", "order key 01"),
                post("Idempotency-Key: a slash", ORDER, 400).header("Idempotency-Key", "orders/../x1"),
                post("Idempotency-Key: a dot", ORDER, 400).header("Idempotency-Key", "order.key.01"),
                post("Idempotency-Key: given twice, the last malformed", ORDER, 400)
                        .header("Idempotency-Key", "a-valid-key-0001").header("Idempotency-Key", "bad key"),
                post("Idempotency-Key: in lower case, malformed", ORDER, 400).header("idempotency-key", "short"));
    }

    /** The page tokens of real answers are read here, when JUnit makes the rows: after {@code @BeforeAll}. */
    static Stream<HttpCase> badLimitsAndPageTokens() {
        return Stream.of(
                list("limit: zero", "limit=0"),
                list("limit: negative", "limit=-1"),
                list("limit: one above the maximum", "limit=101"),
                list("limit: a word", "limit=abc"),
                list("limit: a fraction", "limit=1.5"),
                list("limit: an exponent", "limit=1e1"),
                list("limit: 20 digits", "limit=99999999999999999999"),
                list("limit: empty", "limit="),
                list("limit: given twice, the last out of range", "limit=5&limit=500"),
                list("status: unknown", "status=DONE"),
                list("status: lower case", "status=pending"),
                list("nextToken: not a token", "nextToken=not-a-token"),
                list("nextToken: empty", "nextToken="),
                list("nextToken: forged", "nextToken=" + forgedPageToken()),
                list("nextToken: another caller's", "nextToken=" + othersNextToken),
                list("nextToken: altered", "nextToken=" + altered(ownNextToken)),
                list("nextToken: truncated", "nextToken=" + ownNextToken.substring(0, ownNextToken.length() - 1)),
                list("nextToken: 2049 characters", "nextToken=" + "t".repeat(2049)));
    }

    static Stream<HttpCase> wrongContentTypes() {
        return Stream.of(
                post("content type: text/plain", ORDER, 415).header("Content-Type", "text/plain"),
                post("content type: XML", "<order><restaurantId>luigis-pizzeria</restaurantId></order>", 415)
                        .header("Content-Type", "application/xml"),
                post("content type: a form posing as an SQS call", "Action=SendMessage&MessageBody=x", 415)
                        .header("Content-Type", "application/x-www-form-urlencoded"),
                post("content type: multipart", "--b\r\n\r\n" + ORDER + "\r\n--b--", 415)
                        .header("Content-Type", "multipart/form-data; boundary=b"),
                post("content type: a JSON look-alike", ORDER, 415).header("Content-Type", "application/json-patch+json"),
                HttpCase.of("content type: PUT text/plain", "PUT", "/orders/bad-input-own-1", 415).json(ORDER)
                        .header("Content-Type", "text/plain"));
    }

    /**
     * API Gateway answers a path it has no resource for, and a method a resource does not have, with
     * MISSING_AUTHENTICATION_TOKEN (403 by default), before any authorizer runs; the document's gateway responses map
     * it to 404 "No such route". One response type covers both, so there is no 405 for a known path.
     */
    static Stream<HttpCase> wrongMethodsAndRoutes() {
        return Stream.of(
                HttpCase.of("wrong method: PATCH /orders", "PATCH", "/orders", 404).json(ORDER),
                HttpCase.of("wrong method: PUT /orders", "PUT", "/orders", 404).json(ORDER),
                HttpCase.of("wrong method: DELETE /orders", "DELETE", "/orders", 404),
                HttpCase.of("wrong method: POST /orders/{orderId}", "POST", "/orders/bad-input-own-1", 404).json(ORDER),
                HttpCase.of("wrong method: PATCH /orders/{orderId}", "PATCH", "/orders/bad-input-own-1", 404).json(ORDER),
                HttpCase.of("wrong method: OPTIONS /orders", "OPTIONS", "/orders", 404),
                HttpCase.of("wrong route: /orders/{orderId}/items", "GET", "/orders/bad-input-own-1/items", 404),
                HttpCase.of("wrong route: /admin", "GET", "/admin", 404),
                HttpCase.of("wrong route: /Orders (paths are case-sensitive)", "GET", "/Orders", 404),
                HttpCase.of("wrong route: without a token, still 404", "DELETE", "/orders", 404).withoutToken());
    }

    /** Not malformed, but not the caller's: 404, as for any order it does not have, and no tombstone written. */
    static Stream<HttpCase> unknownAndForeignOrders() {
        return Stream.of(
                HttpCase.of("unknown order: GET", "GET", "/orders/never-placed-01", 404),
                HttpCase.of("unknown order: DELETE", "DELETE", "/orders/never-placed-01", 404),
                HttpCase.of("another caller's order: GET", "GET", "/orders/bad-input-other-1", 404),
                HttpCase.of("another caller's order: DELETE", "DELETE", "/orders/bad-input-other-1", 404));
    }

    private static HttpCase post(String name, String body, int expectedStatus) {
        return HttpCase.of(name, "POST", "/orders", expectedStatus).json(body);
    }

    private static HttpCase quantity(String name, String quantity) {
        return post("quantity: " + name, withQuantity(quantity), 400);
    }

    private static HttpCase list(String name, String query) {
        return HttpCase.of(name, "GET", "/orders?" + query, 400);
    }

    /** {@link #ORDER} with another restaurantId, given as the JSON text that goes into the body. */
    private static String withRestaurantId(String json) {
        return order(json, line("\"margherita\"", "1"));
    }

    /** {@link #ORDER} with another menuItemId, given as JSON text. */
    private static String withMenuItemId(String json) {
        return order("\"luigis-pizzeria\"", line(json, "1"));
    }

    /** {@link #ORDER} with another quantity, given as JSON text. */
    private static String withQuantity(String json) {
        return order("\"luigis-pizzeria\"", line("\"margherita\"", json));
    }

    /** {@link #ORDER} with one more top-level member, its value given as JSON text. */
    private static String withField(String name, String json) {
        return ORDER.substring(0, ORDER.length() - 1) + ", \"" + name + "\": " + json + "}";
    }

    private static String withNotes(String text) {
        return withField("notes", "\"" + text + "\"");
    }

    /** An order with one line; both arguments are JSON text as they go into the body. */
    private static String order(String restaurantId, String line) {
        return "{\"restaurantId\": " + restaurantId + ", \"items\": [" + line + "]}";
    }

    private static String line(String menuItemId, String quantity) {
        return "{\"menuItemId\": " + menuItemId + ", \"quantity\": " + quantity + "}";
    }

    /** {@code count} lines of distinct menu items, comma-separated. */
    private static String lines(int count) {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < count; i++) {
            lines.append(i == 0 ? "" : ",").append(line("\"m" + i + "\"", "1"));
        }
        return lines.toString();
    }

    private static byte[] concat(String before, byte[] middle, String after) {
        byte[] head = before.getBytes(StandardCharsets.UTF_8);
        byte[] tail = after.getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[head.length + middle.length + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(middle, 0, all, head.length, middle.length);
        System.arraycopy(tail, 0, all, head.length + middle.length, tail.length);
        return all;
    }

    /** A token in the shape the API issues (payload.signature, base64url) with a made-up cursor and signature. */
    private static String forgedPageToken() {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        return base64.encodeToString("v1|0|bad-input-other-1".getBytes(StandardCharsets.UTF_8)) + "."
                + base64.encodeToString(new byte[16]);
    }

    /** The token with its cursor's order id changed, the signature kept. */
    private static String altered(String pageToken) {
        Base64.Decoder decoder = Base64.getUrlDecoder();
        Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
        String[] parts = pageToken.split("\\.");
        String payload = new String(decoder.decode(parts[0]), StandardCharsets.UTF_8);
        String changed = payload.substring(0, payload.lastIndexOf('|') + 1) + "bad-input-other-1";
        return encoder.encodeToString(changed.getBytes(StandardCharsets.UTF_8)) + "." + parts[1];
    }

    private static void place(String key, String accessToken) {
        HttpCaller.Answer accepted = http.send(HttpCase.of("place " + key, "POST", "/orders", 202).json(ORDER)
                .header("Idempotency-Key", key), accessToken);
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
    }

    private static String firstPageNextToken(String accessToken) {
        HttpCaller.Answer page = http.send(HttpCase.of("first page", "GET", "/orders?limit=1", 200), accessToken);
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        try {
            String next = JSON.readTree(page.body()).path("nextToken").asText();
            assertThat(next).as("a nextToken in %s", page).isNotBlank();
            return next;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
