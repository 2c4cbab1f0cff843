package dev.orderflow.persist;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderflow.aws.AwsClients;
import dev.orderflow.aws.dynamodb.DynamoDbOrderRepository;
import dev.orderflow.config.Settings;
import dev.orderflow.domain.OrderChange;
import dev.orderflow.domain.Pricing;
import dev.orderflow.domain.RejectionReason;
import dev.orderflow.logging.JsonLogging;
import dev.orderflow.ports.OrderRepository;
import dev.orderflow.ports.WriteResult;
import dev.orderflow.workflow.Json;
import dev.orderflow.workflow.MalformedMessageException;
import dev.orderflow.workflow.OrderChangeMessage;
import dev.orderflow.workflow.StepPayloads;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.util.List;

import static dev.orderflow.logging.LogField.field;
import static java.lang.System.Logger.Level.INFO;
import static java.lang.System.Logger.Level.WARNING;

/**
 * Workflow step: records a change and its outcome, idempotently (the rules are on {@link OrderRepository}).
 * <pre>
 * {"action": "RECORD",  "change": &lt;the queue message&gt;}
 * {"action": "CONFIRM", "userId", "orderId", "version", "pricing": &lt;validate-order's pricing&gt;}
 * {"action": "REJECT",  "userId", "orderId", "version", "reasons": &lt;validate-order's reasons&gt;}
 * {"action": "FAIL",    "change": &lt;the queue message&gt;, "version": n | null, "error": {"Error", "Cause"}}
 * out: {"outcome": "RECORDED|CONFIRMED|REJECTED|FAILED|NOT_FOUND|DELETED|STALE", "orderId", "userId", "version": n | null}
 * </pre>
 * A declined write (NOT_FOUND, DELETED, STALE) is a normal answer, not an error: the workflow ends cleanly.
 */
public final class PersistOrderHandler implements RequestStreamHandler {

    private static final System.Logger LOG = System.getLogger(PersistOrderHandler.class.getName());
    private static final TypeReference<List<RejectionReason>> REASONS = new TypeReference<>() {
    };

    private final OrderRepository orders;
    private final Clock clock;

    /** The constructor Lambda calls: configuration from the environment. */
    public PersistOrderHandler() {
        JsonLogging.install();
        this(Settings.fromEnvironment());
    }

    /** Real dependencies from the given configuration (the local stack passes its endpoints here). */
    public PersistOrderHandler(Settings settings) {
        this(repository(PersistOrderConfig.from(settings)), Clock.systemUTC());
    }

    PersistOrderHandler(OrderRepository orders, Clock clock) {
        this.orders = orders;
        this.clock = clock;
    }

    private static OrderRepository repository(PersistOrderConfig config) {
        return new DynamoDbOrderRepository(AwsClients.dynamoDb(config.aws()), config.ordersTable());
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        ObjectNode payload = StepPayloads.read(input);
        String action = StepPayloads.text(payload, "action");
        Target target;
        WriteResult result;
        switch (action) {
            case "RECORD" -> {
                OrderChange change = OrderChangeMessage.fromJson(payload.get("change"));
                target = new Target(change.userId(), change.orderId());
                result = orders.record(change, clock.instant());
            }
            case "CONFIRM" -> {
                target = Target.of(payload);
                result = orders.confirm(target.userId(), target.orderId(), StepPayloads.requiredLong(payload, "version"),
                        StepPayloads.value(payload, "pricing", Pricing.class), clock.instant());
            }
            case "REJECT" -> {
                target = Target.of(payload);
                result = orders.reject(target.userId(), target.orderId(), StepPayloads.requiredLong(payload, "version"),
                        reasons(payload), clock.instant());
            }
            case "FAIL" -> {
                OrderChange change = OrderChangeMessage.fromJson(payload.get("change"));
                target = new Target(change.userId(), change.orderId());
                LOG.log(WARNING, "order {0}: workflow failed ({1})", field("orderId", change.orderId()),
                        field("error", payload.path("error").path("Error").asText("unknown")));
                result = orders.fail(change, StepPayloads.optionalLong(payload, "version"), clock.instant());
            }
            default -> throw new MalformedMessageException("unknown action '" + action + "'");
        }
        LOG.log(INFO, "order {0}: {1} -> {2} (version {3})", field("orderId", target.orderId()),
                field("action", action), field("outcome", result.outcome()), field("version", result.version()));
        StepPayloads.write(output, answer(target, result));
    }

    private static List<RejectionReason> reasons(JsonNode payload) {
        JsonNode reasons = payload.get("reasons");
        if (reasons == null || !reasons.isArray() || reasons.isEmpty()) {
            throw new MalformedMessageException("reasons must be a non-empty array");
        }
        try {
            return Json.MAPPER.convertValue(reasons, REASONS);
        } catch (IllegalArgumentException e) {
            throw new MalformedMessageException("reasons are not valid rejection reasons", e);
        }
    }

    private static ObjectNode answer(Target target, WriteResult result) {
        ObjectNode answer = Json.MAPPER.createObjectNode();
        answer.put("outcome", result.outcome().name());
        answer.put("orderId", target.orderId());
        answer.put("userId", target.userId());
        if (result.version() == null) {
            answer.putNull("version"); // always present: the workflow assigns it
        } else {
            answer.put("version", result.version());
        }
        return answer;
    }

    private record Target(String userId, String orderId) {
        static Target of(JsonNode payload) {
            return new Target(StepPayloads.text(payload, "userId"), StepPayloads.text(payload, "orderId"));
        }
    }
}
