package dev.orderflow.local.states.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderflow.local.states.api.ServiceException;
import dev.orderflow.local.states.api.StateMachine;
import dev.orderflow.local.states.api.StateMachineType;
import dev.orderflow.local.states.api.StepFunctionsService;
import dev.orderflow.local.states.execution.Execution;
import dev.orderflow.local.states.execution.ExecutionStatus;
import dev.orderflow.local.states.execution.HistoryEvent;
import dev.orderflow.local.states.json.Json;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

/**
 * The Step Functions API's request and response shapes (AWS JSON 1.0, {@code X-Amz-Target: AWSStepFunctions.*}):
 * reads each operation's JSON request, calls the service, writes the JSON response the SDK expects. Timestamps
 * are epoch seconds; paginated operations hand out opaque tokens bound to their request.
 */
public final class JsonProtocol {

    private static final int DEFAULT_PAGE = 100;
    private static final int MAX_PAGE = 1000;

    private final StepFunctionsService service;

    public JsonProtocol(StepFunctionsService service) {
        this.service = service;
    }

    /**
     * Handles one operation.
     *
     * @throws ServiceException for a request the service refuses (including an unknown operation)
     */
    public ObjectNode handle(String operation, JsonNode request) {
        return switch (operation) {
            case "CreateStateMachine" -> createStateMachine(request);
            case "DescribeStateMachine" -> describeStateMachine(service.describeStateMachine(text(request, "stateMachineArn")));
            case "ListStateMachines" -> listStateMachines(request);
            case "DeleteStateMachine" -> {
                service.deleteStateMachine(text(request, "stateMachineArn"));
                yield Json.object();
            }
            case "StartExecution" -> startExecution(request);
            case "StartSyncExecution" -> startSyncExecution(request);
            case "DescribeExecution" -> describeExecution(service.describeExecution(text(request, "executionArn")));
            case "GetExecutionHistory" -> executionHistory(request);
            case "ListExecutions" -> listExecutions(request);
            case "StopExecution" -> stopExecution(request);
            default -> throw new ServiceException("UnknownOperationException",
                    "The operation " + operation + " is not supported by the local Step Functions runner");
        };
    }

    private ObjectNode createStateMachine(JsonNode request) {
        StateMachineType type = optionalText(request, "type").map(written -> {
            try {
                return StateMachineType.valueOf(written);
            } catch (IllegalArgumentException e) {
                throw new ServiceException("ValidationException", "Value '" + written
                        + "' at 'type' failed to satisfy constraint: Member must satisfy enum value set: [STANDARD, EXPRESS]");
            }
        }).orElse(StateMachineType.STANDARD);
        StateMachine machine = service.createStateMachine(text(request, "name"), text(request, "definition"),
                optionalText(request, "roleArn"), type);
        ObjectNode response = Json.object();
        response.put("stateMachineArn", machine.arn());
        response.set("creationDate", HistoryEvent.epochSeconds(machine.creationDate()));
        return response;
    }

    private static ObjectNode describeStateMachine(StateMachine machine) {
        ObjectNode response = Json.object();
        response.put("stateMachineArn", machine.arn());
        response.put("name", machine.name());
        response.put("status", "ACTIVE");
        response.put("definition", machine.definitionText());
        response.put("roleArn", machine.roleArn());
        response.put("type", machine.type().name());
        response.set("creationDate", HistoryEvent.epochSeconds(machine.creationDate()));
        ObjectNode logging = response.putObject("loggingConfiguration");
        logging.put("level", "OFF");
        logging.put("includeExecutionData", false);
        response.putObject("tracingConfiguration").put("enabled", false);
        return response;
    }

    private ObjectNode listStateMachines(JsonNode request) {
        List<StateMachine> machines = service.listStateMachines();
        Page page = Page.of(request, "ListStateMachines", machines.size());
        ObjectNode response = Json.object();
        ArrayNode items = response.putArray("stateMachines");
        for (StateMachine machine : machines.subList(page.from(), page.to())) {
            ObjectNode item = items.addObject();
            item.put("stateMachineArn", machine.arn());
            item.put("name", machine.name());
            item.put("type", machine.type().name());
            item.set("creationDate", HistoryEvent.epochSeconds(machine.creationDate()));
        }
        page.nextToken().ifPresent(token -> response.put("nextToken", token));
        return response;
    }

    private ObjectNode startExecution(JsonNode request) {
        Execution execution = service.startExecution(text(request, "stateMachineArn"), optionalText(request, "name"),
                optionalText(request, "input"));
        ObjectNode response = Json.object();
        response.put("executionArn", execution.arn());
        response.set("startDate", HistoryEvent.epochSeconds(execution.startDate()));
        return response;
    }

    private ObjectNode startSyncExecution(JsonNode request) {
        Execution execution = service.startExecution(text(request, "stateMachineArn"), optionalText(request, "name"),
                optionalText(request, "input"));
        try {
            execution.await(Duration.ofMinutes(5));
        } catch (TimeoutException e) {
            throw new ServiceException("ValidationException", "The execution did not finish within 5 minutes");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceException("ServiceUnavailable", "interrupted while waiting for the execution");
        }
        return describeExecution(execution);
    }

    private static ObjectNode describeExecution(Execution execution) {
        ObjectNode response = summary(Json.object(), execution);
        response.put("input", execution.inputText());
        response.putObject("inputDetails").put("included", true);
        execution.output().ifPresent(output -> {
            response.put("output", Json.write(output));
            response.putObject("outputDetails").put("included", true);
        });
        execution.error().ifPresent(error -> response.put("error", error));
        execution.cause().ifPresent(cause -> response.put("cause", cause));
        response.put("redriveCount", 0);
        return response;
    }

    private ObjectNode executionHistory(JsonNode request) {
        Execution execution = service.describeExecution(text(request, "executionArn"));
        List<HistoryEvent> events = new ArrayList<>(execution.history().events());
        if (request.path("reverseOrder").asBoolean(false)) {
            Collections.reverse(events);
        }
        boolean includeData = request.path("includeExecutionData").asBoolean(true);
        Page page = Page.of(request, execution.arn() + "|" + request.path("reverseOrder").asBoolean(false), events.size());
        ObjectNode response = Json.object();
        ArrayNode items = response.putArray("events");
        for (HistoryEvent event : events.subList(page.from(), page.to())) {
            items.add(includeData ? event.toJson() : withoutData(event.toJson()));
        }
        page.nextToken().ifPresent(token -> response.put("nextToken", token));
        return response;
    }

    private static ObjectNode withoutData(ObjectNode event) {
        event.properties().forEach(field -> {
            if (field.getValue() instanceof ObjectNode details) {
                details.remove(List.of("input", "output", "parameters"));
            }
        });
        return event;
    }

    private ObjectNode listExecutions(JsonNode request) {
        Optional<ExecutionStatus> status = optionalText(request, "statusFilter").map(written -> {
            try {
                return ExecutionStatus.valueOf(written);
            } catch (IllegalArgumentException e) {
                throw new ServiceException("ValidationException", "Value '" + written
                        + "' at 'statusFilter' failed to satisfy constraint: Member must satisfy enum value set");
            }
        });
        String stateMachineArn = text(request, "stateMachineArn");
        List<Execution> executions = service.listExecutions(stateMachineArn, status);
        Page page = Page.of(request, stateMachineArn + "|" + status.map(Enum::name).orElse(""), executions.size());
        ObjectNode response = Json.object();
        ArrayNode items = response.putArray("executions");
        for (Execution execution : executions.subList(page.from(), page.to())) {
            summary(items.addObject(), execution);
        }
        page.nextToken().ifPresent(token -> response.put("nextToken", token));
        return response;
    }

    /** The fields DescribeExecution and ListExecutions share. */
    private static ObjectNode summary(ObjectNode target, Execution execution) {
        target.put("executionArn", execution.arn());
        target.put("stateMachineArn", execution.identity().stateMachineArn());
        target.put("name", execution.name());
        target.put("status", execution.status().name());
        target.set("startDate", HistoryEvent.epochSeconds(execution.startDate()));
        execution.stopDate().ifPresent(stop -> target.set("stopDate", HistoryEvent.epochSeconds(stop)));
        return target;
    }

    private ObjectNode stopExecution(JsonNode request) {
        Execution execution = service.stopExecution(text(request, "executionArn"), optionalText(request, "error"),
                optionalText(request, "cause"));
        ObjectNode response = Json.object();
        response.set("stopDate", HistoryEvent.epochSeconds(execution.stopDate().orElse(Instant.now())));
        return response;
    }

    private static String text(JsonNode request, String field) {
        JsonNode value = request.get(field);
        if (value == null || value.isNull()) {
            throw new ServiceException("ValidationException", "1 validation error detected: Value null at '" + field
                    + "' failed to satisfy constraint: Member must not be null");
        }
        return value.asText();
    }

    private static Optional<String> optionalText(JsonNode request, String field) {
        JsonNode value = request.get(field);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value.asText());
    }

    /** One page of a list: {@code maxResults} (0 or absent: 100) from the position a token carries. */
    private record Page(int from, int to, Optional<String> nextToken) {

        static Page of(JsonNode request, String scope, int size) {
            int max = request.path("maxResults").asInt(0);
            if (max < 0 || max > MAX_PAGE) {
                throw new ServiceException("ValidationException", "Value '" + max
                        + "' at 'maxResults' failed to satisfy constraint: Member must have value between 0 and " + MAX_PAGE);
            }
            int pageSize = max == 0 ? DEFAULT_PAGE : max;
            int from = request.hasNonNull("nextToken") ? decode(request.get("nextToken").asText(), scope) : 0;
            int to = Math.min(size, from + pageSize);
            Optional<String> next = to < size ? Optional.of(encode(to, scope)) : Optional.empty();
            return new Page(Math.min(from, size), to, next);
        }

        private static String encode(int position, String scope) {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    (position + "|" + scope.hashCode()).getBytes(StandardCharsets.UTF_8));
        }

        private static int decode(String token, String scope) {
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split("\\|", 2);
                if (parts.length == 2 && parts[1].equals(String.valueOf(scope.hashCode()))) {
                    return Integer.parseInt(parts[0]);
                }
            } catch (IllegalArgumentException e) {
                // falls through to the error below
            }
            throw new ServiceException("InvalidToken", "Invalid Token: '" + token + "'");
        }
    }
}
