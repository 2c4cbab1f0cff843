package dev.orderflow.local.gateway;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ApiDocumentTest {

    private static final Deployment DEPLOYMENT = Deployment.local("eu-west-1", "orders");

    @Test
    void operations_comeFromTheDocument_withTheirScopesAndValidators() {
        List<Operation> operations = ApiDocument.fromClasspath(DEPLOYMENT.placeholders()).operations();

        assertThat(operations).extracting(operation -> operation.name() + " " + operation.security().scopes())
                .containsExactlyInAnyOrder(
                        "POST /orders [orders/write]", "GET /orders [orders/read]",
                        "PUT /orders/{orderId} [orders/write]", "GET /orders/{orderId} [orders/read]",
                        "DELETE /orders/{orderId} [orders/write]");
        assertThat(operations).filteredOn(operation -> operation.method().equals("POST")).singleElement()
                .satisfies(post -> {
                    assertThat(post.validation()).isEqualTo(new Operation.Validation(true, true));
                    assertThat(post.bodyRequired()).isTrue();
                    assertThat(post.bodySchemas()).containsOnlyKeys("application/json");
                });
    }

    @Test
    void placeholders_areReplacedByTheDeploymentsValues() {
        ApiDocument document = ApiDocument.fromClasspath(DEPLOYMENT.placeholders());

        assertThat(document.operations()).extracting(operation -> operation.integration().path("uri").asText())
                .allSatisfy(uri -> assertThat(uri).doesNotContain("${").startsWith("arn:aws:apigateway:eu-west-1:"))
                .contains("arn:aws:apigateway:eu-west-1:sqs:path/000000000000/orders",
                        "arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/"
                                + DEPLOYMENT.ordersApiFunctionArn() + "/invocations");
        assertThat(document.maxBodyBytes()).isEqualTo(65_536);
    }

    @Test
    void placeholderWithoutValue_stopsTheStart_namingIt() {
        assertThatThrownBy(() -> ApiDocument.parse("paths: {}\nx: ${Unknown}\n", Map.of()))
                .hasMessageContaining("${Unknown}");
    }

    @Test
    void placeholdersInComments_areLeftAlone() {
        ApiDocument document = ApiDocument.parse("# ${Unknown}\nx-orderflow-max-body-bytes: 10\n", Map.of());

        assertThat(document.maxBodyBytes()).isEqualTo(10);
    }
}
