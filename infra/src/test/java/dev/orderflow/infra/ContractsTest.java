package dev.orderflow.infra;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ContractsTest {

    @Test
    void theProgramKnowsEveryPlaceholderOfBothDocuments() {
        assertThat(Contracts.placeholders(Contracts.openApiTemplate())).containsExactlyInAnyOrder(
                Api.AWS_REGION, Api.ACCOUNT_ID, Api.ORDERS_QUEUE_NAME, Api.API_GATEWAY_QUEUE_ROLE_ARN,
                Api.USER_POOL_ARN, Api.ORDERS_API_FUNCTION_ARN);
        assertThat(Contracts.placeholders(Contracts.workflowTemplate())).containsExactlyInAnyOrder(
                Workflow.PERSIST_ORDER_FUNCTION_ARN, Workflow.VALIDATE_ORDER_FUNCTION_ARN);
    }

    @Test
    void aPlaceholderWithoutAValue_stopsTheProgram() {
        assertThatThrownBy(() -> Contracts.workflowDefinition(Map.of(Workflow.PERSIST_ORDER_FUNCTION_ARN, "arn")))
                .hasMessageContaining("ValidateOrderFunctionArn");
    }

    @Test
    void aValueForNoPlaceholder_stopsTheProgram() {
        assertThatThrownBy(() -> Contracts.substitute("${A}", Map.of("A", "1", "B", "2")))
                .hasMessageContaining("[B]");
    }

    @Test
    void aValueThatIntroducesAPlaceholder_isCaught() {
        assertThatThrownBy(() -> Contracts.requireResolved(Contracts.substitute("x ${A}", Map.of("A", "${B}")), "doc"))
                .hasMessageContaining("[B]");
    }

    @Test
    void ordersApiServesTheReadAndDeleteRoutes() {
        assertThat(Contracts.operationsInvoking(Api.ORDERS_API_FUNCTION_ARN))
                .extracting(Contracts.ProxyOperation::sourceArnSuffix)
                .containsExactlyInAnyOrder("GET/orders", "GET/orders/*", "DELETE/orders/*");
    }

    @Test
    void openApiBody_isJson_withTheExtensionsKept() {
        String body = Contracts.openApiBody(Map.of(Api.AWS_REGION, "eu-west-1", Api.ACCOUNT_ID, "1",
                Api.ORDERS_QUEUE_NAME, "q", Api.API_GATEWAY_QUEUE_ROLE_ARN, "r", Api.USER_POOL_ARN, "u",
                Api.ORDERS_API_FUNCTION_ARN, "f"));
        var json = Contracts.readJson(body);
        assertThat(json.path("x-amazon-apigateway-request-validators").has("all")).isTrue();
        assertThat(json.path("x-amazon-apigateway-gateway-responses").has("UNAUTHORIZED")).isTrue();
    }
}
