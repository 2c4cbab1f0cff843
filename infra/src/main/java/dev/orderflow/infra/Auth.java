package dev.orderflow.infra;

import com.pulumi.aws.cognito.ResourceServer;
import com.pulumi.aws.cognito.ResourceServerArgs;
import com.pulumi.aws.cognito.UserPool;
import com.pulumi.aws.cognito.UserPoolArgs;
import com.pulumi.aws.cognito.UserPoolClient;
import com.pulumi.aws.cognito.UserPoolClientArgs;
import com.pulumi.aws.cognito.UserPoolDomain;
import com.pulumi.aws.cognito.UserPoolDomainArgs;
import com.pulumi.aws.cognito.inputs.ResourceServerScopeArgs;
import com.pulumi.aws.cognito.inputs.UserPoolAdminCreateUserConfigArgs;
import com.pulumi.aws.cognito.inputs.UserPoolPasswordPolicyArgs;
import com.pulumi.aws.cognito.inputs.UserPoolSoftwareTokenMfaConfigurationArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Who may call the API: a Cognito user pool (users are created by an administrator), its hosted domain, the
 * {@code orders} resource server with the two scopes the OpenAPI document requires, a confidential client for
 * machine-to-machine calls (client_credentials) and a public client for people (authorization code with PKCE).
 */
final class Auth extends ComponentResource {

    static final String RESOURCE_SERVER = "orders";
    static final List<String> SCOPE_NAMES = List.of("read", "write");

    private final UserPool userPool;
    private final UserPoolDomain domain;
    private final UserPoolClient machineClient;
    private final UserPoolClient webClient;
    private final Output<String> tokenUrl;

    Auth(StackContext env, ComponentResourceOptions options) {
        super("orderflow:auth:Auth", "auth", options);
        var child = CustomResourceOptions.builder().parent(this).build();
        StackConfig config = env.config();

        this.userPool = new UserPool("users", UserPoolArgs.builder()
                .deletionProtection(config.deletionProtection() ? "ACTIVE" : "INACTIVE")
                .adminCreateUserConfig(UserPoolAdminCreateUserConfigArgs.builder()
                        .allowAdminCreateUserOnly(true)
                        .build())
                .usernameAttributes("email")
                .autoVerifiedAttributes("email")
                .mfaConfiguration("OPTIONAL")
                .softwareTokenMfaConfiguration(UserPoolSoftwareTokenMfaConfigurationArgs.builder().enabled(true).build())
                .passwordPolicy(UserPoolPasswordPolicyArgs.builder()
                        .minimumLength(12)
                        .requireLowercase(true)
                        .requireUppercase(true)
                        .requireNumbers(true)
                        .requireSymbols(true)
                        .temporaryPasswordValidityDays(3)
                        .build())
                .build(), child);

        Output<String> prefix = config.authDomainPrefix().map(Output::of)
                .orElseGet(() -> env.accountId().applyValue(account -> defaultDomainPrefix(env, account)));
        this.domain = new UserPoolDomain("users", UserPoolDomainArgs.builder()
                .userPoolId(userPool.id())
                .domain(prefix)
                .build(), child);

        List<ResourceServerScopeArgs> scopes = new ArrayList<>();
        for (String scope : SCOPE_NAMES) {
            scopes.add(ResourceServerScopeArgs.builder()
                    .scopeName(scope)
                    .scopeDescription(scope.substring(0, 1).toUpperCase(Locale.ROOT) + scope.substring(1)
                            + " the caller's own orders")
                    .build());
        }
        var resourceServer = new ResourceServer("orders", ResourceServerArgs.builder()
                .userPoolId(userPool.id())
                .identifier(RESOURCE_SERVER)
                .name("Orderflow orders API")
                .scopes(scopes)
                .build(), child);

        this.machineClient = new UserPoolClient("machine", UserPoolClientArgs.builder()
                .userPoolId(userPool.id())
                .generateSecret(true)
                .allowedOauthFlowsUserPoolClient(true)
                .allowedOauthFlows("client_credentials")
                .allowedOauthScopes(resourceServer.scopeIdentifiers())
                .explicitAuthFlows("ALLOW_REFRESH_TOKEN_AUTH")
                .preventUserExistenceErrors("ENABLED")
                .enableTokenRevocation(true)
                .build(), child);

        this.webClient = new UserPoolClient("web", UserPoolClientArgs.builder()
                .userPoolId(userPool.id())
                .generateSecret(false)
                .allowedOauthFlowsUserPoolClient(true)
                .allowedOauthFlows("code")
                .allowedOauthScopes(resourceServer.scopeIdentifiers().applyValue(ids -> {
                    List<String> all = new ArrayList<>(List.of("openid", "email"));
                    all.addAll(ids);
                    return all;
                }))
                .callbackUrls(config.callbackUrls())
                .logoutUrls(config.logoutUrls())
                .supportedIdentityProviders("COGNITO")
                .explicitAuthFlows("ALLOW_REFRESH_TOKEN_AUTH")
                .preventUserExistenceErrors("ENABLED")
                .enableTokenRevocation(true)
                .build(), child);

        this.tokenUrl = Output.format("https://%s.auth.%s.amazoncognito.com/oauth2/token", domain.domain(),
                env.region());

        registerOutputs(Map.of(
                "userPoolId", userPool.id(),
                "tokenUrl", tokenUrl,
                "machineClientId", machineClient.id(),
                "webClientId", webClient.id()));
    }

    /** Hosted-domain prefixes are global per region: {@code orderflow-<stack>-<account>}, lower case. */
    static String defaultDomainPrefix(StackContext env, String account) {
        String prefix = (env.prefix() + "-" + account).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-");
        return prefix.length() > 63 ? prefix.substring(0, 63) : prefix;
    }

    /** {@code orders/read}, {@code orders/write}. */
    static List<String> scopes() {
        return SCOPE_NAMES.stream().map(scope -> RESOURCE_SERVER + "/" + scope).toList();
    }

    UserPool userPool() {
        return userPool;
    }

    UserPoolClient machineClient() {
        return machineClient;
    }

    UserPoolClient webClient() {
        return webClient;
    }

    Output<String> tokenUrl() {
        return tokenUrl;
    }
}
