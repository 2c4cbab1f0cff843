package dev.orderflow.local.states.api;

import dev.orderflow.local.states.asl.StateMachineDefinition;

import java.time.Instant;

/** A created state machine: its ARN and name, the definition as written and as parsed, its role and type. */
public record StateMachine(String arn, String name, String definitionText, StateMachineDefinition definition,
                           String roleArn, StateMachineType type, Instant creationDate) {
}
