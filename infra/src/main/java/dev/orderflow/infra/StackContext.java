package dev.orderflow.infra;

import com.pulumi.core.Output;

/**
 * What every component needs to know about where it is deployed: the project and stack names, the checked
 * configuration, and the account and region (from the AWS provider's credentials and settings).
 */
record StackContext(String project, String stack, StackConfig config, Output<String> accountId,
                    Output<String> region) {

    /** {@code orderflow-dev}: the prefix of the few names that must be fixed (repositories, log groups). */
    String prefix() {
        return project + "-" + stack;
    }

    String logGroupName(String kind, String name) {
        return "/" + project + "/" + stack + "/" + kind + "/" + name;
    }

    /** {@code arn:aws:<service>:<region>:<account>:<resource>}. */
    Output<String> arn(String service, String resource) {
        return Output.format("arn:aws:%s:%s:%s:%s", service, region, accountId, resource);
    }
}
