package dev.orderflow.local.states.asl;

import java.util.Arrays;
import java.util.Optional;

/** The JSONPath Choice rule comparison operators, each with the JSON type it compares. */
public enum ComparisonOperator {
    STRING_EQUALS("StringEquals", Kind.STRING, Relation.EQ),
    STRING_LESS_THAN("StringLessThan", Kind.STRING, Relation.LT),
    STRING_GREATER_THAN("StringGreaterThan", Kind.STRING, Relation.GT),
    STRING_LESS_THAN_EQUALS("StringLessThanEquals", Kind.STRING, Relation.LE),
    STRING_GREATER_THAN_EQUALS("StringGreaterThanEquals", Kind.STRING, Relation.GE),
    STRING_MATCHES("StringMatches", Kind.STRING, Relation.MATCHES),
    NUMERIC_EQUALS("NumericEquals", Kind.NUMBER, Relation.EQ),
    NUMERIC_LESS_THAN("NumericLessThan", Kind.NUMBER, Relation.LT),
    NUMERIC_GREATER_THAN("NumericGreaterThan", Kind.NUMBER, Relation.GT),
    NUMERIC_LESS_THAN_EQUALS("NumericLessThanEquals", Kind.NUMBER, Relation.LE),
    NUMERIC_GREATER_THAN_EQUALS("NumericGreaterThanEquals", Kind.NUMBER, Relation.GE),
    BOOLEAN_EQUALS("BooleanEquals", Kind.BOOLEAN, Relation.EQ),
    TIMESTAMP_EQUALS("TimestampEquals", Kind.TIMESTAMP, Relation.EQ),
    TIMESTAMP_LESS_THAN("TimestampLessThan", Kind.TIMESTAMP, Relation.LT),
    TIMESTAMP_GREATER_THAN("TimestampGreaterThan", Kind.TIMESTAMP, Relation.GT),
    TIMESTAMP_LESS_THAN_EQUALS("TimestampLessThanEquals", Kind.TIMESTAMP, Relation.LE),
    TIMESTAMP_GREATER_THAN_EQUALS("TimestampGreaterThanEquals", Kind.TIMESTAMP, Relation.GE),
    IS_NULL("IsNull", Kind.TYPE_TEST, Relation.IS),
    IS_PRESENT("IsPresent", Kind.TYPE_TEST, Relation.IS),
    IS_NUMERIC("IsNumeric", Kind.TYPE_TEST, Relation.IS),
    IS_STRING("IsString", Kind.TYPE_TEST, Relation.IS),
    IS_BOOLEAN("IsBoolean", Kind.TYPE_TEST, Relation.IS),
    IS_TIMESTAMP("IsTimestamp", Kind.TYPE_TEST, Relation.IS);

    /** What the operator compares. */
    public enum Kind { STRING, NUMBER, BOOLEAN, TIMESTAMP, TYPE_TEST }

    public enum Relation { EQ, LT, GT, LE, GE, MATCHES, IS }

    private static final String PATH_SUFFIX = "Path";

    private final String aslName;
    private final Kind kind;
    private final Relation relation;

    ComparisonOperator(String aslName, Kind kind, Relation relation) {
        this.aslName = aslName;
        this.kind = kind;
        this.relation = relation;
    }

    public String aslName() {
        return aslName;
    }

    public Kind kind() {
        return kind;
    }

    public Relation relation() {
        return relation;
    }

    /** Whether {@code <aslName>Path} exists: every comparison except the type tests and StringMatches. */
    public boolean hasPathVariant() {
        return kind != Kind.TYPE_TEST && relation != Relation.MATCHES;
    }

    /** The operator a rule field names, and whether it is the {@code ...Path} variant. */
    public static Optional<Match> forField(String field) {
        return Arrays.stream(values())
                .map(operator -> operator.match(field))
                .flatMap(Optional::stream)
                .findFirst();
    }

    private Optional<Match> match(String field) {
        if (field.equals(aslName)) {
            return Optional.of(new Match(this, false));
        }
        if (hasPathVariant() && field.equals(aslName + PATH_SUFFIX)) {
            return Optional.of(new Match(this, true));
        }
        return Optional.empty();
    }

    public record Match(ComparisonOperator operator, boolean withPath) {
    }
}
