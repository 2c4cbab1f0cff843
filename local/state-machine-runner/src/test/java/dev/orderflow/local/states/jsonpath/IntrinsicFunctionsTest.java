package dev.orderflow.local.states.jsonpath;

import dev.orderflow.local.states.WorkflowTester;
import dev.orderflow.local.states.execution.Execution;
import dev.orderflow.local.states.execution.ExecutionStatus;
import dev.orderflow.local.states.json.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every documented intrinsic function, evaluated in a Pass state's Parameters as a workflow would. */
class IntrinsicFunctionsTest {

    private final WorkflowTester tester = WorkflowTester.create();

    @AfterEach
    void close() {
        tester.close();
    }

    /** The value of {@code "r.$": call} for {@code input}. */
    private String evaluate(String call, String input) {
        Execution run = run(call, input);
        assertThat(run.status()).as("%s: %s", call, run.cause().orElse("")).isEqualTo(ExecutionStatus.SUCCEEDED);
        return Json.write(run.output().orElseThrow().get("r"));
    }

    private Execution run(String call, String input) {
        String parameters = Json.write(Json.object().put("r.$", call));
        return tester.run("""
                {"StartAt": "Fn", "States": {"Fn": {"Type": "Pass", "Parameters": %s, "End": true}}}""".formatted(parameters), input);
    }

    @Test
    void format_fillsPlaceholdersFromLiteralsAndPaths() {
        assertThat(evaluate("States.Format('Hello, my name is {}.', $.name)", "{\"name\": \"Arnav\"}"))
                .isEqualTo("\"Hello, my name is Arnav.\"");
        assertThat(evaluate("States.Format($.template, $.name, 3, true, null)",
                "{\"name\": \"Arnav\", \"template\": \"{} has {} {} {}\"}"))
                .isEqualTo("\"Arnav has 3 true null\"");
    }

    @Test
    void format_keepsEscapedBracesAndQuotes() {
        assertThat(evaluate("States.Format('\\{literal\\} {} it\\'s', 'x')", "{}"))
                .isEqualTo("\"{literal} x it's\"");
    }

    @Test
    void format_withTooFewArguments_failsWithStatesRuntime() {
        Execution run = run("States.Format('{} and {}', 'one')", "{}");

        assertThat(run.error()).contains("States.Runtime");
        assertThat(run.cause().orElseThrow()).contains("The function 'States.Format('{} and {}', 'one')' had the following error");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\\\"foo\\\": \\\"bar\\\"}  | {\"foo\":\"bar\"}",
            "[1, 2, \\\"x\\\"]          | [1,2,\"x\"]",
            "1.1                         | 1.1",
            "''                          | null",
            "'   '                       | null"})
    void stringToJson_parsesEscapedJson(String text, String expected) {
        String input = "{\"s\": \"" + text.replace("'", "") + "\"}";
        assertThat(evaluate("States.StringToJson($.s)", input)).isEqualTo(expected);
    }

    @Test
    void jsonToString_writesCompactJson() {
        assertThat(evaluate("States.JsonToString($.o)", "{\"o\": {\"Arg1\": 1, \"Arg2\": []}}"))
                .isEqualTo("\"{\\\"Arg1\\\":1,\\\"Arg2\\\":[]}\"");
    }

    @Test
    void array_collectsItsArgumentsInOrder() {
        assertThat(evaluate("States.Array('Foo', 2022, $.someJson, null)", "{\"someJson\": {\"random\": \"abcdefg\"}}"))
                .isEqualTo("[\"Foo\",2022,{\"random\":\"abcdefg\"},null]");
        assertThat(evaluate("States.Array()", "{}")).isEqualTo("[]");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "[]           | 2 | []",
            "[0]          | 3 | [[0]]",
            "[0,1,2]      | 2 | [[0,1],[2]]",
            "[0,1,2,3]    | 1 | [[0],[1],[2],[3]]"})
    void arrayPartition_splitsIntoChunks(String array, int size, String expected) {
        assertThat(evaluate("States.ArrayPartition($.a, " + size + ")", "{\"a\": " + array + "}")).isEqualTo(expected);
    }

    @Test
    void arrayContains_comparesJsonValues() {
        assertThat(evaluate("States.ArrayContains($.a, $.v)", "{\"a\": [[1, 2, 3], 2], \"v\": [1, 2, 3]}")).isEqualTo("true");
        assertThat(evaluate("States.ArrayContains($.a, $.v)", "{\"a\": [{\"1\": 2}], \"v\": {\"1\": 2}}")).isEqualTo("true");
        assertThat(evaluate("States.ArrayContains($.a, 1.0)", "{\"a\": [1]}")).isEqualTo("true");
        assertThat(evaluate("States.ArrayContains($.a, null)", "{\"a\": []}")).isEqualTo("false");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "0, 9, 3   | [0,3,6,9]",
            "0, 10, 3  | [0,3,6,9]",
            "1, 9, 9   | [1]",
            "1, 9, 2   | [1,3,5,7,9]",
            "5, 1, -2  | [5,3,1]"})
    void arrayRange_countsFromFirstToLastInclusive(String arguments, String expected) {
        assertThat(evaluate("States.ArrayRange(" + arguments + ")", "{}")).isEqualTo(expected);
    }

    @Test
    void arrayRange_ofMoreThanAThousandItems_fails() {
        Execution run = run("States.ArrayRange(1, 1001, 1)", "{}");

        assertThat(run.error()).contains("States.Runtime");
        assertThat(run.cause().orElseThrow()).contains("more than 1000 items");
    }

    @Test
    void arrayGetItem_returnsTheItemAtTheIndex() {
        assertThat(evaluate("States.ArrayGetItem($.a, $.i)", "{\"a\": [1,2,3,4,5,6,7,8,9], \"i\": 5}")).isEqualTo("6");
    }

    @Test
    void arrayGetItem_outOfBounds_failsWithStatesRuntime() {
        Execution run = run("States.ArrayGetItem($.a, 3)", "{\"a\": [1, 2, 3]}");

        assertThat(run.error()).contains("States.Runtime");
        assertThat(run.cause().orElseThrow()).contains("The index provided is out of bounds");
    }

    @Test
    void arrayLengthAndUnique() {
        assertThat(evaluate("States.ArrayLength($.a)", "{\"a\": [1,2,3,4,5,6,7,8,9]}")).isEqualTo("9");
        assertThat(evaluate("States.ArrayUnique($.a)",
                "{\"a\": [null, null, true, 1, 1, 1.0, \"x\", \"x\", [], [], {\"a\": 1, \"b\": 2}, {\"b\": 2, \"a\": 1}]}"))
                .isEqualTo("[null,true,1,\"x\",[],{\"a\":1,\"b\":2}]");
    }

    @Test
    void base64_encodesAndDecodesUtf8() {
        assertThat(evaluate("States.Base64Encode($.s)", "{\"s\": \"Data to encode\"}")).isEqualTo("\"RGF0YSB0byBlbmNvZGU=\"");
        assertThat(evaluate("States.Base64Decode($.s)", "{\"s\": \"RGF0YSB0byBlbmNvZGU=\"}")).isEqualTo("\"Data to encode\"");
    }

    @ParameterizedTest
    @CsvSource({"MD5, 32", "SHA-1, 40", "SHA-256, 64", "SHA-384, 96", "SHA-512, 128"})
    void hash_supportsTheDocumentedAlgorithms(String algorithm, int hexLength) {
        String hash = evaluate("States.Hash($.s, '" + algorithm + "')", "{\"s\": \"input data\"}");

        assertThat(hash).matches("\"[0-9a-f]{" + hexLength + "}\"");
    }

    @Test
    void hash_ofAKnownValue_isTheKnownDigest() {
        assertThat(evaluate("States.Hash('abc', 'SHA-256')", "{}"))
                .isEqualTo("\"ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad\"");
    }

    @Test
    void hash_withAnUnknownAlgorithm_fails() {
        assertThat(run("States.Hash('abc', 'SHA-3')", "{}").error()).contains("States.Runtime");
    }

    @Test
    void jsonMerge_isShallowAndTheSecondObjectWins() {
        assertThat(evaluate("States.JsonMerge($.a, $.b, false)", """
                {"a": {"a": {"a1": 1, "a2": 2}, "b": 2, "d": 3}, "b": {"a": {"a3": 1, "a4": 2}, "c": 3, "d": 4}}"""))
                .isEqualTo("{\"a\":{\"a3\":1,\"a4\":2},\"b\":2,\"d\":4,\"c\":3}");
    }

    @Test
    void jsonMerge_deep_isRefused() {
        Execution run = run("States.JsonMerge($.a, $.b, true)", "{\"a\": {}, \"b\": {}}");

        assertThat(run.cause().orElseThrow()).contains("isDeepMerge must be false");
    }

    @Test
    void mathRandom_staysWithinBoundsAndRepeatsWithASeed() {
        for (int i = 0; i < 20; i++) {
            assertThat(Integer.parseInt(evaluate("States.MathRandom(1, 3)", "{}"))).isBetween(1, 3);
        }
        assertThat(evaluate("States.MathRandom(1, 999, 42)", "{}")).isEqualTo(evaluate("States.MathRandom(1, 999, 42)", "{}"));
    }

    @Test
    void mathAdd_addsIntegers() {
        assertThat(evaluate("States.MathAdd($.a, -3)", "{\"a\": 111}")).isEqualTo("108");
    }

    @Test
    void mathAdd_beyondThirtyTwoBits_fails() {
        assertThat(run("States.MathAdd(2147483647, 1)", "{}").error()).contains("States.Runtime");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "1,2,3,4,5              | ,      | [\"1\",\"2\",\"3\",\"4\",\"5\"]",
            "This.is+a,test=string  | .+,=   | [\"This\",\"is\",\"a\",\"test\",\"string\"]",
            ",,,,                   | ,      | []"})
    void stringSplit_splitsOnEachDelimiterCharacterAndDropsEmptyParts(String text, String delimiters, String expected) {
        assertThat(evaluate("States.StringSplit($.s, $.d)", "{\"s\": \"" + text + "\", \"d\": \"" + delimiters + "\"}"))
                .isEqualTo(expected);
    }

    @Test
    void uuid_isAVersion4Uuid() {
        assertThat(evaluate("States.UUID()", "{}"))
                .matches("\"[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}\"");
    }

    @Test
    void nestedCalls_evaluateInsideOut() {
        assertThat(evaluate("States.Format('{}.{}', States.ArrayGetItem(States.StringSplit($.arn, '/'), 1), "
                + "States.ArrayLength(States.Array(1, 2)))", "{\"arn\": \"image/recipe-1.0/x\"}"))
                .isEqualTo("\"recipe-1.0.2\"");
    }

    @Test
    void contextObjectAndVariables_canBeArguments() {
        assertThat(evaluate("States.Format('{} {}', $$.State.Name, $$.Execution.Input.x)", "{\"x\": 1}"))
                .isEqualTo("\"Fn 1\"");
    }

    @Test
    void parser_rejectsAnOpenEscapeAndUnknownFunctions() {
        assertThatThrownBy(() -> IntrinsicFunction.parse("States.Format('abc\\')"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IntrinsicFunction.parse("States.Nope(1)"))
                .hasMessageContaining("unknown intrinsic function States.Nope");
    }
}
