package dev.orderflow.local.gateway;

/**
 * The deployed stage as the gateway shows it to templates and Lambda events.
 *
 * @param basePath the prefix every route is served under, e.g. {@code /prod} as the execute-api URL has it, or empty
 */
record Stage(String name, String basePath, String accountId, String apiId) {
}
