package dev.orderflow.validate;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderflow.aws.AwsClients;
import dev.orderflow.aws.dynamodb.DynamoDbCatalog;
import dev.orderflow.config.Settings;
import dev.orderflow.domain.OrderRequest;
import dev.orderflow.domain.OrderValidator;
import dev.orderflow.domain.Validation;
import dev.orderflow.logging.JsonLogging;
import dev.orderflow.ports.Catalog;
import dev.orderflow.workflow.Json;
import dev.orderflow.workflow.OrderChangeMessage;
import dev.orderflow.workflow.StepPayloads;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

import static dev.orderflow.logging.LogField.field;
import static java.lang.System.Logger.Level.INFO;

/**
 * Workflow step: checks an order against the catalog and prices it.
 * <pre>
 * in:  {"orderId": "...", "order": {"restaurantId", "items": [{"menuItemId", "quantity"}], "notes"?}}
 * out: {"valid": true,  "pricing": {"currency", "lines": [{"menuItemId","name","quantity","unitPrice","lineTotal"}], "total"}}
 *   or {"valid": false, "reasons": [{"code", "message", "menuItemId"?}]}
 * </pre>
 * A rejection is data for the workflow's Choice state, not an error. A catalog that cannot be read throws
 * {@link dev.orderflow.ports.StoreUnavailableException}, which the workflow retries.
 */
public final class ValidateOrderHandler implements RequestStreamHandler {

    private static final System.Logger LOG = System.getLogger(ValidateOrderHandler.class.getName());

    private final Catalog catalog;
    private final OrderValidator validator = new OrderValidator();

    /** The constructor Lambda calls: configuration from the environment. */
    public ValidateOrderHandler() {
        JsonLogging.install();
        this(Settings.fromEnvironment());
    }

    /** Real dependencies from the given configuration (the local stack passes its endpoints here). */
    public ValidateOrderHandler(Settings settings) {
        this(catalog(ValidateOrderConfig.from(settings)));
    }

    ValidateOrderHandler(Catalog catalog) {
        this.catalog = catalog;
    }

    private static Catalog catalog(ValidateOrderConfig config) {
        return new DynamoDbCatalog(AwsClients.dynamoDb(config.aws()), config.catalogTable());
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        ObjectNode payload = StepPayloads.read(input);
        String orderId = StepPayloads.text(payload, "orderId");
        OrderRequest order = OrderChangeMessage.order(payload.get("order"));

        Validation validation = validator.validate(order, catalog.menu(order.restaurantId()));

        ObjectNode result = Json.MAPPER.createObjectNode();
        switch (validation) {
            case Validation.Priced(var pricing) -> {
                result.put("valid", true);
                result.set("pricing", Json.MAPPER.valueToTree(pricing));
                LOG.log(INFO, "order {0} priced: {1} {2}", field("orderId", orderId),
                        field("totalMinor", pricing.total().amountMinor()), field("currency", pricing.currency()));
            }
            case Validation.Rejected(var reasons) -> {
                result.put("valid", false);
                result.set("reasons", Json.MAPPER.valueToTree(reasons));
                LOG.log(INFO, "order {0} rejected: {1}", field("orderId", orderId),
                        field("reasons", reasons.stream().map(r -> r.code().name()).toList()));
            }
        }
        StepPayloads.write(output, result);
    }
}
