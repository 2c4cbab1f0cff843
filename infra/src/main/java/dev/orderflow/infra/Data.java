package dev.orderflow.infra;

import com.pulumi.aws.dynamodb.Table;
import com.pulumi.aws.dynamodb.TableArgs;
import com.pulumi.aws.dynamodb.inputs.TableAttributeArgs;
import com.pulumi.aws.dynamodb.inputs.TableGlobalSecondaryIndexArgs;
import com.pulumi.aws.dynamodb.inputs.TablePointInTimeRecoveryArgs;
import com.pulumi.aws.dynamodb.inputs.TableServerSideEncryptionArgs;
import com.pulumi.aws.dynamodb.inputs.TableTtlArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import dev.orderflow.aws.dynamodb.CatalogTable;
import dev.orderflow.aws.dynamodb.OrdersTable;

import java.util.Map;

/**
 * The DynamoDB tables, keyed exactly as {@link OrdersTable} and {@link CatalogTable} describe them (the local
 * stack creates the same tables from the same classes): on demand, point-in-time recovery, encrypted with the
 * AWS-managed KMS key, deletion protection from configuration, and TTL on the orders table's tombstones.
 */
final class Data extends ComponentResource {

    private final Table orders;
    private final Table catalog;

    Data(StackContext env, ComponentResourceOptions options) {
        super("orderflow:data:Data", "data", options);
        var child = CustomResourceOptions.builder().parent(this).build();
        boolean protect = env.config().deletionProtection();

        this.orders = new Table("orders", common(protect)
                .hashKey(OrdersTable.USER_ID)
                .rangeKey(OrdersTable.ORDER_ID)
                .attributes(
                        string(OrdersTable.USER_ID),
                        string(OrdersTable.ORDER_ID),
                        string(OrdersTable.CREATED_KEY))
                .globalSecondaryIndexes(TableGlobalSecondaryIndexArgs.builder()
                        .name(OrdersTable.BY_CREATED_AT_INDEX)
                        .hashKey(OrdersTable.USER_ID)
                        .rangeKey(OrdersTable.CREATED_KEY)
                        .projectionType("ALL")
                        .build())
                .ttl(TableTtlArgs.builder().attributeName(OrdersTable.EXPIRES_AT).enabled(true).build())
                .build(), child);

        this.catalog = new Table("catalog", common(protect)
                .hashKey(CatalogTable.RESTAURANT_ID)
                .rangeKey(CatalogTable.SORT_KEY)
                .attributes(string(CatalogTable.RESTAURANT_ID), string(CatalogTable.SORT_KEY))
                .build(), child);

        registerOutputs(Map.of("ordersTable", orders.name(), "catalogTable", catalog.name()));
    }

    private static TableArgs.Builder common(boolean deletionProtection) {
        return TableArgs.builder()
                .billingMode("PAY_PER_REQUEST")
                .pointInTimeRecovery(TablePointInTimeRecoveryArgs.builder().enabled(true).build())
                .serverSideEncryption(TableServerSideEncryptionArgs.builder().enabled(true).build())
                .deletionProtectionEnabled(deletionProtection);
    }

    private static TableAttributeArgs string(String name) {
        return TableAttributeArgs.builder().name(name).type("S").build();
    }

    Table orders() {
        return orders;
    }

    Table catalog() {
        return catalog;
    }

    /** The {@code byCreatedAt} index, which orders-api queries. */
    Output<String> ordersIndexArn() {
        return orders.arn().applyValue(arn -> arn + "/index/" + OrdersTable.BY_CREATED_AT_INDEX);
    }
}
