package dev.orderflow.infra;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.pulumi.core.Output;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The stack's configuration ({@code orderflow:*} keys, see README "Deploy to AWS"), read once and checked before
 * any resource is declared: a wrong value stops the program with the key's name.
 *
 * @param validateOrderImage     image tag or {@code sha256:} digest in the validate-order repository
 * @param persistOrderImage      image tag or {@code sha256:} digest in the persist-order repository
 * @param pageTokenKey           secret: base64 of at least 32 random bytes, orders-api's {@code PAGE_TOKEN_KEY}
 * @param zipFunctionsAwsVersion AWS provider plugin version for the two zip functions (see
 *                               {@link #DEFAULT_ZIP_FUNCTIONS_AWS_VERSION}); empty uses the SDK's own
 * @param delivery               the CodePipeline settings; empty when no GitHub connection is configured
 * @param repositoryRoot         the folder holding Pulumi.yaml, the function jars are found from there
 */
record StackConfig(
        String validateOrderImage,
        String persistOrderImage,
        Output<String> pageTokenKey,
        Optional<String> alarmEmail,
        List<String> callbackUrls,
        List<String> logoutUrls,
        Optional<String> authDomainPrefix,
        WorkflowType workflowType,
        boolean deletionProtection,
        int logRetentionDays,
        int imagesToKeep,
        String stageName,
        double throttleRateLimit,
        int throttleBurstLimit,
        int pollerBatchSize,
        int pollerBatchWindowSeconds,
        int pollerMaxConcurrency,
        boolean snapStart,
        int functionMemoryMb,
        Optional<String> zipFunctionsAwsVersion,
        boolean manageApiGatewayAccount,
        Optional<Delivery> delivery,
        Path repositoryRoot) {

    enum WorkflowType { STANDARD, EXPRESS }

    /** CodeBuild + CodePipeline: where the code comes from, and how the build deploys. */
    record Delivery(String githubConnectionArn, String githubRepository, String githubBranch, String deployRoleArn,
                    String pulumiSecretArn, Optional<String> pulumiBackendUrl) {
    }

    static final String VALIDATE_ORDER_IMAGE = "validateOrderImage";
    static final String PERSIST_ORDER_IMAGE = "persistOrderImage";
    static final String PAGE_TOKEN_KEY = "pageTokenKey";
    static final String ALARM_EMAIL = "alarmEmail";
    static final String CALLBACK_URLS = "callbackUrls";
    static final String LOGOUT_URLS = "logoutUrls";
    static final String AUTH_DOMAIN_PREFIX = "authDomainPrefix";
    static final String WORKFLOW_TYPE = "workflowType";
    static final String DELETION_PROTECTION = "deletionProtection";
    static final String LOG_RETENTION_DAYS = "logRetentionDays";
    static final String IMAGES_TO_KEEP = "imagesToKeep";
    static final String STAGE_NAME = "stageName";
    static final String THROTTLE_RATE_LIMIT = "throttleRateLimit";
    static final String THROTTLE_BURST_LIMIT = "throttleBurstLimit";
    static final String POLLER_BATCH_SIZE = "pollerBatchSize";
    static final String POLLER_BATCH_WINDOW_SECONDS = "pollerBatchWindowSeconds";
    static final String POLLER_MAX_CONCURRENCY = "pollerMaxConcurrency";
    static final String SNAP_START = "snapStart";
    static final String FUNCTION_MEMORY_MB = "functionMemoryMb";
    static final String ZIP_FUNCTIONS_AWS_VERSION = "zipFunctionsAwsVersion";
    static final String MANAGE_API_GATEWAY_ACCOUNT = "manageApiGatewayAccount";
    static final String GITHUB_CONNECTION_ARN = "githubConnectionArn";
    static final String GITHUB_REPOSITORY = "githubRepository";
    static final String GITHUB_BRANCH = "githubBranch";
    static final String DEPLOY_ROLE_ARN = "deployRoleArn";
    static final String PULUMI_SECRET_ARN = "pulumiSecretArn";
    static final String PULUMI_BACKEND_URL = "pulumiBackendUrl";

    /** Every key the program reads; the README and the example stack file document exactly these. */
    static final List<String> KEYS = List.of(VALIDATE_ORDER_IMAGE, PERSIST_ORDER_IMAGE, PAGE_TOKEN_KEY, ALARM_EMAIL,
            CALLBACK_URLS, LOGOUT_URLS, AUTH_DOMAIN_PREFIX, WORKFLOW_TYPE, DELETION_PROTECTION, LOG_RETENTION_DAYS,
            IMAGES_TO_KEEP, STAGE_NAME, THROTTLE_RATE_LIMIT, THROTTLE_BURST_LIMIT, POLLER_BATCH_SIZE,
            POLLER_BATCH_WINDOW_SECONDS, POLLER_MAX_CONCURRENCY, SNAP_START, FUNCTION_MEMORY_MB, ZIP_FUNCTIONS_AWS_VERSION,
            MANAGE_API_GATEWAY_ACCOUNT, GITHUB_CONNECTION_ARN, GITHUB_REPOSITORY, GITHUB_BRANCH, DEPLOY_ROLE_ARN,
            PULUMI_SECRET_ARN, PULUMI_BACKEND_URL);

    /**
     * The java25 runtime arrived in the AWS provider after the Java SDK pinned in infra/pom.xml (6.83.0), whose
     * provider rejects {@code runtime: java25}; resources can name a newer provider plugin, and this one accepts
     * it (the function inputs the 6.x SDK sends are a subset of its schema).
     */
    static final String DEFAULT_ZIP_FUNCTIONS_AWS_VERSION = "7.20.0";

    /**
     * Memory of each function, MB (Lambda gives CPU in proportion): 1024 keeps a cold start's class loading and
     * the SDK's first request quick, and {@code ./orderflow cost} prices GB-seconds with it.
     */
    static final int DEFAULT_FUNCTION_MEMORY_MB = 1024;

    /** The page-token key must hold at least this many bytes (orders-api refuses a shorter one). */
    static final int MIN_PAGE_TOKEN_KEY_BYTES = 32;

    private static final Pattern IMAGE_TAG = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");
    private static final Pattern IMAGE_DIGEST = Pattern.compile("sha256:[0-9a-f]{64}");
    private static final Pattern GITHUB_REPOSITORY_NAME = Pattern.compile("[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+");
    private static final Pattern DOMAIN_PREFIX = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");
    /** The values CloudWatch Logs accepts for a retention period. */
    private static final Set<Integer> RETENTION_DAYS = Set.of(1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400,
            545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653);
    private static final ObjectMapper JSON = new ObjectMapper();

    static StackConfig from(ConfigSource config, Path repositoryRoot) {
        Reader read = new Reader(config);
        String connection = read.optional(GITHUB_CONNECTION_ARN).orElse(null);
        Optional<Delivery> delivery = Optional.ofNullable(connection).map(arn -> new Delivery(
                arn,
                read.required(GITHUB_REPOSITORY, GITHUB_REPOSITORY_NAME),
                read.optional(GITHUB_BRANCH).orElse("main"),
                read.required(DEPLOY_ROLE_ARN),
                read.required(PULUMI_SECRET_ARN),
                read.optional(PULUMI_BACKEND_URL)));
        return new StackConfig(
                read.image(VALIDATE_ORDER_IMAGE),
                read.image(PERSIST_ORDER_IMAGE),
                config.requireSecret(PAGE_TOKEN_KEY).applyValue(StackConfig::checkedPageTokenKey),
                read.optional(ALARM_EMAIL),
                read.list(CALLBACK_URLS, List.of("http://localhost:3000/callback")),
                read.list(LOGOUT_URLS, List.of()),
                read.optional(AUTH_DOMAIN_PREFIX).map(prefix -> read.matching(AUTH_DOMAIN_PREFIX, prefix, DOMAIN_PREFIX)),
                read.value(WORKFLOW_TYPE, WorkflowType.STANDARD,
                        value -> WorkflowType.valueOf(value.toUpperCase(Locale.ROOT))),
                read.bool(DELETION_PROTECTION, true),
                read.value(LOG_RETENTION_DAYS, 30, value -> {
                    int days = Integer.parseInt(value);
                    if (!RETENTION_DAYS.contains(days)) {
                        throw new IllegalArgumentException("not a CloudWatch Logs retention period");
                    }
                    return days;
                }),
                read.integer(IMAGES_TO_KEEP, 20, 1, 1000),
                read.value(STAGE_NAME, "v1", value -> read.matching(STAGE_NAME, value, Pattern.compile("[A-Za-z0-9_]{1,128}"))),
                read.value(THROTTLE_RATE_LIMIT, 50.0, value -> positive(Double.parseDouble(value))),
                read.integer(THROTTLE_BURST_LIMIT, 100, 1, 5000),
                read.integer(POLLER_BATCH_SIZE, 10, 1, 10),
                read.integer(POLLER_BATCH_WINDOW_SECONDS, 1, 0, 300),
                read.integer(POLLER_MAX_CONCURRENCY, 10, 2, 1000),
                read.bool(SNAP_START, true),
                read.integer(FUNCTION_MEMORY_MB, DEFAULT_FUNCTION_MEMORY_MB, 128, 10_240),
                read.value(ZIP_FUNCTIONS_AWS_VERSION, Optional.of(DEFAULT_ZIP_FUNCTIONS_AWS_VERSION),
                        value -> value.isBlank() ? Optional.empty() : Optional.of(value.strip())),
                read.bool(MANAGE_API_GATEWAY_ACCOUNT, true),
                delivery,
                repositoryRoot);
    }

    /** {@code repository:tag} or {@code repository@sha256:...}, as Lambda expects an image URI. */
    static String imageReference(String repositoryUrl, String tagOrDigest) {
        return tagOrDigest.startsWith("sha256:") ? repositoryUrl + "@" + tagOrDigest : repositoryUrl + ":" + tagOrDigest;
    }

    private static String checkedPageTokenKey(String key) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(key.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Invalid configuration: orderflow:" + PAGE_TOKEN_KEY + " is not base64");
        }
        if (bytes.length < MIN_PAGE_TOKEN_KEY_BYTES) {
            throw new IllegalArgumentException("Invalid configuration: orderflow:" + PAGE_TOKEN_KEY
                    + " must hold at least " + MIN_PAGE_TOKEN_KEY_BYTES + " bytes (openssl rand -base64 32)");
        }
        return key.strip();
    }

    private static double positive(double value) {
        if (value <= 0) {
            throw new IllegalArgumentException("must be positive");
        }
        return value;
    }

    /** Reads and checks single keys; every failure names the key. */
    private record Reader(ConfigSource config) {

        Optional<String> optional(String key) {
            return config.get(key).map(String::strip).filter(value -> !value.isEmpty());
        }

        String required(String key) {
            return optional(key).orElseThrow(() -> new IllegalArgumentException(
                    "Missing configuration: orderflow:" + key + " (pulumi config set " + key + " ...)"));
        }

        String required(String key, Pattern pattern) {
            return matching(key, required(key), pattern);
        }

        String matching(String key, String value, Pattern pattern) {
            if (!pattern.matcher(value).matches()) {
                throw invalid(key, value, "does not match " + pattern.pattern());
            }
            return value;
        }

        String image(String key) {
            String value = required(key);
            if (!IMAGE_TAG.matcher(value).matches() && !IMAGE_DIGEST.matcher(value).matches()) {
                throw invalid(key, value, "is neither an image tag nor a sha256: digest");
            }
            return value;
        }

        <T> T value(String key, T fallback, Function<String, T> parse) {
            Optional<String> value = optional(key);
            if (value.isEmpty()) {
                return fallback;
            }
            try {
                return parse.apply(value.get());
            } catch (RuntimeException e) {
                throw invalid(key, value.get(), e.getMessage() == null ? "is not valid" : e.getMessage());
            }
        }

        boolean bool(String key, boolean fallback) {
            return value(key, fallback, value -> switch (value.toLowerCase(Locale.ROOT)) {
                case "true" -> true;
                case "false" -> false;
                default -> throw new IllegalArgumentException("is not true or false");
            });
        }

        int integer(String key, int fallback, int min, int max) {
            return value(key, fallback, value -> {
                int number = Integer.parseInt(value);
                if (number < min || number > max) {
                    throw new IllegalArgumentException("is outside " + min + ".." + max);
                }
                return number;
            });
        }

        /** A YAML list in the stack file arrives as a JSON array; a comma-separated string works too. */
        List<String> list(String key, List<String> fallback) {
            return value(key, fallback, value -> {
                if (value.startsWith("[")) {
                    try {
                        return List.of(JSON.readValue(value, String[].class));
                    } catch (JsonProcessingException e) {
                        throw new IllegalArgumentException("is not a list of strings");
                    }
                }
                return Arrays.stream(value.split(",")).map(String::strip).filter(item -> !item.isEmpty()).toList();
            });
        }

        private static IllegalArgumentException invalid(String key, String value, String why) {
            return new IllegalArgumentException("Invalid configuration: orderflow:" + key + " = '" + value + "' " + why);
        }
    }
}
