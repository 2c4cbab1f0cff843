package dev.orderflow.local.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;

import java.util.List;
import java.util.Map;

/**
 * One method of the document, as API Gateway imports it.
 *
 * @param bodySchemas the request body's schema by lower-case media type (API Gateway's model per content type)
 * @param integration the raw {@code x-amazon-apigateway-integration}
 */
record Operation(String method, String pathTemplate, Security security, Validation validation,
                 List<Parameter> parameters, boolean bodyRequired, Map<String, JsonSchema> bodySchemas,
                 JsonNode integration) {

    String name() {
        return method + " " + pathTemplate;
    }

    /** A Cognito user pools authorizer when {@code required}, with the method's authorization scopes. */
    record Security(boolean required, List<String> scopes) {
        static final Security NONE = new Security(false, List.of());
    }

    /** What the operation's {@code x-amazon-apigateway-request-validator} checks. */
    record Validation(boolean body, boolean parameters) {
        static final Validation NONE = new Validation(false, false);
    }

    /**
     * A path, query string or header parameter.
     *
     * @param schema null when the document gives none
     * @param type   the schema's JSON type, to read the text value as (string, integer, number, boolean)
     */
    record Parameter(String name, String in, boolean required, JsonSchema schema, String type) {
    }
}
