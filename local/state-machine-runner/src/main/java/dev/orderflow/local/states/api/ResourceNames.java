package dev.orderflow.local.states.api;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names and ARNs as Step Functions checks them. A name has 1 to 80 characters and none of: white space, brackets
 * {@code < > { } [ ]}, wildcards {@code ? *}, the characters {@code " # % \ ^ | ~ ` $ & , ; : /}, or control
 * characters (U+0000–U+001F, U+007F–U+009F).
 */
final class ResourceNames {

    static final int MAX_LENGTH = 80;
    private static final String FORBIDDEN = " <>{}[]?*\"#%\\^|~`$&,;:/";
    private static final Pattern STATE_MACHINE_ARN =
            Pattern.compile("^arn:aws:states:([^:]+):([0-9]{12}):stateMachine:([^:#]+)(?:#(.+))?$");
    private static final Pattern EXECUTION_ARN =
            Pattern.compile("^arn:aws:states:([^:]+):([0-9]{12}):(execution|express):([^:]+):([^:]+)(?::[^:]+)?$");

    /** A state machine ARN, with the mock-config test case after {@code #} if any. */
    record StateMachineArn(String arn, String name, Optional<String> testCase) {
    }

    private ResourceNames() {
    }

    static boolean isValidName(String name) {
        if (name == null || name.isEmpty() || name.codePointCount(0, name.length()) > MAX_LENGTH) {
            return false;
        }
        return name.codePoints().noneMatch(c -> Character.isWhitespace(c) || FORBIDDEN.indexOf(c) >= 0
                || c <= 0x1F || c >= 0x7F && c <= 0x9F);
    }

    static StateMachineArn stateMachineArn(String arn) {
        if (arn == null || !arn.startsWith("arn:")) {
            throw ServiceException.invalidArn(String.valueOf(arn), "Invalid ARN prefix");
        }
        Matcher matcher = STATE_MACHINE_ARN.matcher(arn);
        if (!matcher.matches()) {
            throw ServiceException.invalidArn(arn, "Resource type not valid in this context");
        }
        String plain = matcher.group(4) == null ? arn : arn.substring(0, arn.indexOf('#'));
        return new StateMachineArn(plain, matcher.group(3), Optional.ofNullable(matcher.group(4)));
    }

    static void checkExecutionArn(String arn) {
        if (arn == null || !arn.startsWith("arn:")) {
            throw ServiceException.invalidArn(String.valueOf(arn), "Invalid ARN prefix");
        }
        if (!EXECUTION_ARN.matcher(arn).matches()) {
            throw ServiceException.invalidArn(arn, "Resource type not valid in this context");
        }
    }
}
