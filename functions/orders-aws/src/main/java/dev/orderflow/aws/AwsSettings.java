package dev.orderflow.aws;

import dev.orderflow.config.Settings;

import java.net.URI;
import java.util.Optional;

/**
 * Where and as whom the functions call AWS. Read from the standard variable names, so that Lambda's own
 * environment works as it is; the local stack passes the same names with its endpoints and dummy keys.
 *
 * @param endpointOverride per-service endpoint, for the local stack only; empty in AWS
 */
public record AwsSettings(String region, Optional<Credentials> credentials, Optional<URI> dynamoDbEndpoint,
                          Optional<URI> stepFunctionsEndpoint) {

    public static final String AWS_REGION = "AWS_REGION";
    public static final String AWS_ACCESS_KEY_ID = "AWS_ACCESS_KEY_ID";
    public static final String AWS_SECRET_ACCESS_KEY = "AWS_SECRET_ACCESS_KEY";
    public static final String AWS_SESSION_TOKEN = "AWS_SESSION_TOKEN";
    public static final String AWS_ENDPOINT_URL = "AWS_ENDPOINT_URL";
    public static final String AWS_ENDPOINT_URL_DYNAMODB = "AWS_ENDPOINT_URL_DYNAMODB";
    public static final String AWS_ENDPOINT_URL_SFN = "AWS_ENDPOINT_URL_SFN";

    /** Static keys as Lambda hands them to the function (or the local stack's dummy ones). */
    public record Credentials(String accessKeyId, String secretAccessKey, Optional<String> sessionToken) {
    }

    public static AwsSettings from(Settings settings) {
        Optional<Credentials> credentials = settings.optional(AWS_ACCESS_KEY_ID).map(keyId -> new Credentials(keyId,
                settings.required(AWS_SECRET_ACCESS_KEY), settings.optional(AWS_SESSION_TOKEN)));
        Optional<URI> shared = settings.optional(AWS_ENDPOINT_URL).map(URI::create);
        return new AwsSettings(
                settings.required(AWS_REGION),
                credentials,
                settings.optional(AWS_ENDPOINT_URL_DYNAMODB).map(URI::create).or(() -> shared),
                settings.optional(AWS_ENDPOINT_URL_SFN).map(URI::create).or(() -> shared));
    }
}
