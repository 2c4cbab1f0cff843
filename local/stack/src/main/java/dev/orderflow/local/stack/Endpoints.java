package dev.orderflow.local.stack;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderflow.domain.Menu;
import dev.orderflow.domain.MenuItem;
import dev.orderflow.local.auth.OAuthClient;
import dev.orderflow.workflow.Json;

import java.net.URI;
import java.util.Comparator;
import java.util.List;

/** Where everything of a running local stack answers, as printed at start and written by {@code --endpoints-file}. */
public record Endpoints(URI apiUrl, URI tokenUrl, List<OAuthClient> clients, URI sqsEndpoint, String queueUrl,
                        String dlqUrl, URI dynamodbEndpoint, URI stepFunctionsEndpoint, String stateMachineArn,
                        List<Menu> restaurants) {

    /** The key of the sample order in the printed curl lines: re-running them shows idempotency at work. */
    static final String SAMPLE_IDEMPOTENCY_KEY = "my-first-order-0001";

    public ObjectNode toJson() {
        ObjectNode json = Json.MAPPER.createObjectNode();
        json.put("apiUrl", apiUrl.toString());
        json.put("tokenUrl", tokenUrl.toString());
        ArrayNode clientList = json.putArray("clients");
        for (OAuthClient client : clients) {
            ObjectNode c = clientList.addObject();
            c.put("id", client.clientId());
            c.put("secret", client.clientSecret());
            client.scopes().forEach(c.putArray("scopes")::add);
        }
        json.put("sqsEndpoint", sqsEndpoint.toString());
        json.put("queueUrl", queueUrl);
        json.put("dlqUrl", dlqUrl);
        json.put("dynamodbEndpoint", dynamodbEndpoint.toString());
        json.put("stepFunctionsEndpoint", stepFunctionsEndpoint.toString());
        json.put("stateMachineArn", stateMachineArn);
        ArrayNode list = json.putArray("restaurants");
        for (Menu menu : restaurants) {
            ObjectNode r = list.addObject();
            r.put("restaurantId", menu.restaurant().restaurantId());
            r.put("name", menu.restaurant().name());
            r.put("currency", menu.restaurant().currency());
            r.put("acceptingOrders", menu.restaurant().acceptingOrders());
            ArrayNode items = r.putArray("menu");
            for (MenuItem item : sortedItems(menu)) {
                items.addObject()
                        .put("menuItemId", item.menuItemId())
                        .put("name", item.name())
                        .put("priceMinor", item.price().amountMinor())
                        .put("available", item.available());
            }
        }
        json.set("sampleOrder", sampleOrder());
        return json;
    }

    /** A valid POST body for the seeded catalog: two available dishes of the first restaurant taking orders. */
    public ObjectNode sampleOrder() {
        Menu menu = restaurants.stream().filter(m -> m.restaurant().acceptingOrders()).findFirst()
                .orElseThrow(() -> new IllegalStateException("the catalog has no restaurant taking orders"));
        ObjectNode order = Json.MAPPER.createObjectNode();
        order.put("restaurantId", menu.restaurant().restaurantId());
        ArrayNode items = order.putArray("items");
        List<MenuItem> available = sortedItems(menu).stream().filter(MenuItem::available).limit(2).toList();
        for (int i = 0; i < available.size(); i++) {
            items.addObject().put("menuItemId", available.get(i).menuItemId()).put("quantity", 2 - i);
        }
        return order;
    }

    private static List<MenuItem> sortedItems(Menu menu) {
        return menu.items().values().stream().sorted(Comparator.comparing(MenuItem::menuItemId)).toList();
    }

    /** What {@code ./orderflow local} prints once everything answers. */
    public String banner() {
        OAuthClient demo = clients.getFirst();
        String token = "TOKEN=$(curl -s -u " + demo.clientId() + ":" + demo.clientSecret()
                + " -d grant_type=client_credentials " + tokenUrl
                + " | sed -E 's/.*\"access_token\":\"([^\"]+)\".*/\\1/')";
        StringBuilder text = new StringBuilder()
                .append("Orderflow is running on this machine.\n\n")
                .append("  API                 ").append(apiUrl).append('\n')
                .append("  token URL           ").append(tokenUrl).append('\n');
        for (OAuthClient client : clients) {
            text.append("  client              ").append(client.clientId()).append(" / ").append(client.clientSecret())
                    .append("   scopes: ").append(String.join(" ", client.scopes())).append('\n');
        }
        text.append("  SQS                 ").append(sqsEndpoint).append("   queue ").append(queueUrl).append('\n')
                .append("  DynamoDB            ").append(dynamodbEndpoint).append('\n')
                .append("  Step Functions      ").append(stepFunctionsEndpoint).append('\n')
                .append("  state machine       ").append(stateMachineArn).append("\n\n")
                .append("Try it:\n\n")
                .append(token).append('\n')
                .append("curl -s -i -X POST ").append(apiUrl).append("/orders -H \"Authorization: Bearer $TOKEN\"")
                .append(" -H 'Content-Type: application/json' -H 'Idempotency-Key: ").append(SAMPLE_IDEMPOTENCY_KEY)
                .append("' -d '").append(sampleOrder()).append("'\n")
                .append("sleep 1; curl -s ").append(apiUrl).append("/orders/").append(SAMPLE_IDEMPOTENCY_KEY)
                .append(" -H \"Authorization: Bearer $TOKEN\"\n\n")
                .append("Ctrl-C stops everything.\n");
        return text.toString();
    }
}
