package org.relaydesk.mailgateway.pipeline;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One condition of a postmaster filter: a header (by name) or the body, matched by
 * "contains", "equals" or a regular expression, case-insensitively, optionally negated.
 * A negated condition holds when no value matches, including when the header is absent.
 *
 * @param field a header name (From, To, Cc, Subject, X-Spam-Flag, ...) or {@link #BODY}
 * @param operator how {@code pattern} is matched
 * @param pattern the text or regular expression
 * @param negate whether the condition holds when the pattern does NOT match
 */
public record FilterCondition(String field, Operator operator, String pattern, boolean negate) {

    /** The pseudo-field that stands for the body text. */
    public static final String BODY = "Body";

    public enum Operator { CONTAINS, EQUALS, REGEX }

    private static final Map<String, Pattern> COMPILED = new ConcurrentHashMap<>();

    public FilterCondition {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(pattern, "pattern");
        if (operator == Operator.REGEX) {
            try {
                Pattern.compile(pattern);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("invalid regular expression for " + field + ": " + e.getDescription(), e);
            }
        }
    }

    public static FilterCondition regex(String field, String regex) {
        return new FilterCondition(field, Operator.REGEX, regex, false);
    }

    public static FilterCondition contains(String field, String text) {
        return new FilterCondition(field, Operator.CONTAINS, text, false);
    }

    /** This condition negated. */
    public FilterCondition not() {
        return new FilterCondition(field, operator, pattern, !negate);
    }

    boolean isBody() {
        return field.equalsIgnoreCase(BODY);
    }

    /** The first capture group (or the whole match) when {@code value} matches, else null. */
    String match(String value) {
        if (value == null) {
            return null;
        }
        switch (operator) {
            case CONTAINS -> {
                return value.toLowerCase(Locale.ROOT).contains(pattern.toLowerCase(Locale.ROOT)) ? pattern : null;
            }
            case EQUALS -> {
                return value.trim().equalsIgnoreCase(pattern.trim()) ? value.trim() : null;
            }
            default -> {
                var m = COMPILED.computeIfAbsent(pattern, p -> Pattern.compile(p,
                        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.MULTILINE)).matcher(value);
                if (!m.find()) {
                    return null;
                }
                return m.groupCount() > 0 && m.group(1) != null ? m.group(1) : m.group();
            }
        }
    }
}
