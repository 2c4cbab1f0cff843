package dev.orderflow.local.http;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class LocalHttpServerIT {

    private static final int LIMIT = 16;
    private static final byte[] TWO_MEBIBYTES = new byte[2 * 1024 * 1024];

    private static LocalHttpServer server;
    private static HttpClient http;

    /** Answers 413 to a body above {@link #LIMIT} bytes, as the gateway does, after reading only the first bytes. */
    @BeforeAll
    static void start() {
        server = LocalHttpServer.bind(0).serve(Map.of("/", exchange -> {
            byte[] body = LocalHttpServer.readBody(exchange, LIMIT);
            LocalHttpServer.send(exchange, body.length > LIMIT ? 413 : 200, Map.of("Content-Type", List.of("application/json")),
                    "{\"message\": \"too large\"}".getBytes(StandardCharsets.UTF_8));
        }));
        http = HttpClient.newHttpClient();
    }

    @AfterAll
    static void stop() {
        http.close();
        server.close();
    }

    @Test
    void bodyAboveTheLimit_getsTheAnswer_notAResetConnection_everyTime() throws Exception {
        for (int i = 0; i < 40; i++) {
            HttpResponse<String> withLength = http.send(HttpRequest.newBuilder(server.baseUri())
                    .POST(HttpRequest.BodyPublishers.ofByteArray(TWO_MEBIBYTES)).build(), HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> chunked = http.send(HttpRequest.newBuilder(server.baseUri())
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(TWO_MEBIBYTES))).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(withLength.statusCode()).isEqualTo(413);
            assertThat(chunked.statusCode()).isEqualTo(413);
        }
    }
}
