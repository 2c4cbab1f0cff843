package dev.orderflow.local.stack;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderflow.workflow.Json;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalStackStartIT {

    @Test
    void aTakenPort_failsTheStart_andLeavesNothingRunning() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int apiPort = taken.getLocalPort() - 1; // the token server (API + 1) collides
            LocalStackOptions options = new LocalStackOptions(apiPort, Optional.empty(), Optional.empty(),
                    Optional.empty(), Duration.ofSeconds(30));

            assertThatThrownBy(() -> LocalStack.start(options)).hasRootCauseInstanceOf(BindException.class);

            for (int port : new int[]{apiPort + 3, apiPort + 4}) {
                try (ServerSocket free = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                    assertThat(free.isBound()).as("port %d released", port).isTrue();
                }
            }
        }
    }

    @Test
    void endpoints_describeEverythingAUserNeeds_asTheEndpointsFileWritesThem() throws Exception {
        try (LocalStack stack = LocalStack.start(LocalStackOptions.ephemeral())) {
            Main.awaitAnswers(stack.endpoints());
            JsonNode json = Json.MAPPER.readTree(stack.endpoints().toJson().toString());

            assertThat(json.fieldNames()).toIterable().containsExactlyInAnyOrder("apiUrl", "tokenUrl", "clients",
                    "sqsEndpoint", "queueUrl", "dlqUrl", "dynamodbEndpoint", "stepFunctionsEndpoint", "stateMachineArn",
                    "restaurants", "sampleOrder");
            assertThat(json.get("clients")).hasSize(3);
            assertThat(json.at("/clients/0/id").asText()).isEqualTo("demo");
            assertThat(json.at("/clients/0/scopes").toString()).contains("orders/read", "orders/write");
            assertThat(json.get("apiUrl").asText()).startsWith("http://127.0.0.1:");
            assertThat(json.at("/sampleOrder/restaurantId").asText()).isEqualTo("luigis-pizzeria");
            assertThat(json.at("/restaurants/0/menu").size()).isGreaterThan(1);
            assertThat(stack.endpoints().banner()).contains("curl", "demo-secret", stack.endpoints().apiUrl().toString());
        }
    }

    @Test
    void options_parseFlags_andRefuseNonsenseWithAMessage() {
        LocalStackOptions options = LocalStackOptions.parse("--port", "9000", "--visibility-timeout", "5");

        assertThat(options.port()).isEqualTo(9000);
        assertThat(options.portAfterApi(4)).isEqualTo(9004);
        assertThat(options.visibilityTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThatThrownBy(() -> LocalStackOptions.parse("--port", "eighty")).hasMessageContaining("--port");
        assertThatThrownBy(() -> LocalStackOptions.parse("--colour")).hasMessageContaining("unknown option");
        assertThatThrownBy(() -> LocalStackOptions.parse("--seed", "/no/such/file")).hasMessageContaining("cannot read");
    }
}
