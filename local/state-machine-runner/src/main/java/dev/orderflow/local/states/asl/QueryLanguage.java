package dev.orderflow.local.states.asl;

import java.util.Optional;

/** The two query languages a state can use; the state machine's choice is every state's default. */
public enum QueryLanguage {
    JSONPATH("JSONPath"),
    JSONATA("JSONata");

    private final String aslName;

    QueryLanguage(String aslName) {
        this.aslName = aslName;
    }

    public String aslName() {
        return aslName;
    }

    static Optional<QueryLanguage> fromAslName(String name) {
        for (QueryLanguage language : values()) {
            if (language.aslName.equals(name)) {
                return Optional.of(language);
            }
        }
        return Optional.empty();
    }
}
