package dev.orderflow.poller;

import dev.orderflow.aws.AwsSettings;
import dev.orderflow.config.Settings;

/** The poller's configuration, read once at start-up. */
record PollerConfig(String stateMachineArn, AwsSettings aws) {

    static final String STATE_MACHINE_ARN = "STATE_MACHINE_ARN";

    static PollerConfig from(Settings settings) {
        return new PollerConfig(settings.required(STATE_MACHINE_ARN), AwsSettings.from(settings));
    }
}
