package dev.orderflow.local.states.asl;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The eight state types, and which fields each allows (some only in one query language). */
enum StateType {
    PASS("Pass", true, Set.of("Result", "Parameters", "ResultPath", "InputPath", "OutputPath", "Output", "Assign")),
    TASK("Task", true, Set.of("Resource", "Parameters", "Arguments", "ResultSelector", "ResultPath", "InputPath",
            "OutputPath", "Output", "Assign", "Retry", "Catch", "TimeoutSeconds", "TimeoutSecondsPath",
            "HeartbeatSeconds", "HeartbeatSecondsPath", "Credentials")),
    CHOICE("Choice", false, Set.of("Choices", "Default", "InputPath", "OutputPath", "Output", "Assign")),
    WAIT("Wait", true, Set.of("Seconds", "Timestamp", "SecondsPath", "TimestampPath", "InputPath", "OutputPath",
            "Output", "Assign")),
    SUCCEED("Succeed", false, Set.of("InputPath", "OutputPath", "Output")),
    FAIL("Fail", false, Set.of("Error", "Cause", "ErrorPath", "CausePath")),
    PARALLEL("Parallel", true, Set.of("Branches", "Parameters", "Arguments", "ResultSelector", "ResultPath",
            "InputPath", "OutputPath", "Output", "Assign", "Retry", "Catch")),
    MAP("Map", true, Set.of("ItemProcessor", "Iterator", "ItemsPath", "Items", "ItemSelector", "Parameters",
            "MaxConcurrency", "MaxConcurrencyPath", "ResultSelector", "ResultPath", "InputPath", "OutputPath",
            "Output", "Assign", "Retry", "Catch"));

    private static final Set<String> EVERY_STATE = Set.of("Type", "Comment", "QueryLanguage");
    private static final Set<String> TRANSITIONS = Set.of("Next", "End");
    /** Fields that belong to one query language only. */
    private static final Map<String, QueryLanguage> LANGUAGE_OF = Map.ofEntries(
            Map.entry("InputPath", QueryLanguage.JSONPATH), Map.entry("OutputPath", QueryLanguage.JSONPATH),
            Map.entry("Parameters", QueryLanguage.JSONPATH), Map.entry("ResultSelector", QueryLanguage.JSONPATH),
            Map.entry("ResultPath", QueryLanguage.JSONPATH), Map.entry("Result", QueryLanguage.JSONPATH),
            Map.entry("ItemsPath", QueryLanguage.JSONPATH), Map.entry("Iterator", QueryLanguage.JSONPATH),
            Map.entry("SecondsPath", QueryLanguage.JSONPATH), Map.entry("TimestampPath", QueryLanguage.JSONPATH),
            Map.entry("ErrorPath", QueryLanguage.JSONPATH), Map.entry("CausePath", QueryLanguage.JSONPATH),
            Map.entry("TimeoutSecondsPath", QueryLanguage.JSONPATH),
            Map.entry("HeartbeatSecondsPath", QueryLanguage.JSONPATH),
            Map.entry("MaxConcurrencyPath", QueryLanguage.JSONPATH),
            Map.entry("Arguments", QueryLanguage.JSONATA), Map.entry("Output", QueryLanguage.JSONATA),
            Map.entry("Items", QueryLanguage.JSONATA));
    /** Distributed-Map fields: valid ASL, but beyond an inline runner. */
    private static final Set<String> DISTRIBUTED_MAP = Set.of("ItemReader", "ItemBatcher", "ResultWriter", "Label",
            "ToleratedFailureCount", "ToleratedFailurePercentage", "ToleratedFailureCountPath",
            "ToleratedFailurePercentagePath");

    private final String aslName;
    private final boolean transitions;
    private final Set<String> fields;

    StateType(String aslName, boolean transitions, Set<String> fields) {
        this.aslName = aslName;
        this.transitions = transitions;
        this.fields = fields;
    }

    String aslName() {
        return aslName;
    }

    /** Whether the state moves on with Next or End (Choice, Succeed and Fail do not). */
    boolean transitions() {
        return transitions;
    }

    boolean allows(String field) {
        return EVERY_STATE.contains(field) || fields.contains(field) || transitions && TRANSITIONS.contains(field);
    }

    boolean unsupportedHere(String field) {
        return this == MAP && DISTRIBUTED_MAP.contains(field);
    }

    Optional<QueryLanguage> onlyIn(String field) {
        return Optional.ofNullable(LANGUAGE_OF.get(field));
    }

    static Optional<StateType> fromAslName(String name) {
        for (StateType type : values()) {
            if (type.aslName.equals(name)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
