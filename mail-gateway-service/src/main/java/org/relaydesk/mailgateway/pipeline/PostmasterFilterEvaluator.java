package org.relaydesk.mailgateway.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.relaydesk.mailgateway.parsing.MailAddress;
import org.relaydesk.mailgateway.parsing.ParsedMail;

/**
 * Runs postmaster filters over a mail, in the given order. Header conditions see every
 * value of the header, decoded (RFC 2047); address headers (From, To, Cc, Reply-To) are
 * additionally offered as their bare addresses, so {@code equals support@example.com} works
 * against {@code "Support" <support@example.com>}.
 */
public final class PostmasterFilterEvaluator {

    private static final String BACKREFERENCE = "[***]";

    private final List<PostmasterFilter> filters;

    public PostmasterFilterEvaluator(List<PostmasterFilter> filters) {
        this.filters = List.copyOf(filters);
    }

    public FilterOutcome evaluate(ParsedMail mail) {
        List<String> matched = new ArrayList<>();
        String queue = null;
        Integer priority = null;
        String state = null;
        Map<String, String> dynamicFields = new LinkedHashMap<>();
        boolean junk = false;
        boolean ignore = false;
        for (PostmasterFilter filter : filters) {
            String capture = matches(filter, mail);
            if (capture == null) {
                continue;
            }
            matched.add(filter.name());
            for (FilterAction action : filter.actions()) {
                if (action instanceof FilterAction.SetQueue a) {
                    queue = expand(a.queue(), capture);
                } else if (action instanceof FilterAction.SetPriority a) {
                    priority = a.priority();
                } else if (action instanceof FilterAction.SetState a) {
                    state = expand(a.state(), capture);
                } else if (action instanceof FilterAction.SetDynamicField a) {
                    dynamicFields.put(a.name(), expand(a.value(), capture));
                } else if (action instanceof FilterAction.MarkJunk) {
                    junk = true;
                } else if (action instanceof FilterAction.Ignore) {
                    ignore = true;
                }
            }
            if (filter.stopAfterMatch()) {
                break;
            }
        }
        if (matched.isEmpty()) {
            return FilterOutcome.NONE;
        }
        return new FilterOutcome(matched, queue, priority, state, dynamicFields, junk, ignore);
    }

    /** Null when the filter does not match; otherwise the last regex capture ("" if none). */
    private static String matches(PostmasterFilter filter, ParsedMail mail) {
        String capture = "";
        for (FilterCondition condition : filter.conditions()) {
            String found = null;
            for (String value : values(condition, mail)) {
                found = condition.match(value);
                if (found != null) {
                    break;
                }
            }
            if (condition.negate()) {
                if (found != null) {
                    return null;
                }
            } else {
                if (found == null) {
                    return null;
                }
                if (condition.operator() == FilterCondition.Operator.REGEX) {
                    capture = found;
                }
            }
        }
        return capture;
    }

    private static List<String> values(FilterCondition condition, ParsedMail mail) {
        if (condition.isBody()) {
            return List.of(mail.bodyText());
        }
        List<String> values = new ArrayList<>(mail.headers().all(condition.field()));
        List<MailAddress> addresses = switch (condition.field().toLowerCase(java.util.Locale.ROOT)) {
            case "from" -> mail.from() == null ? List.of() : List.of(mail.from());
            case "to" -> mail.to();
            case "cc" -> mail.cc();
            case "reply-to" -> mail.replyTo();
            default -> List.of();
        };
        addresses.forEach(a -> values.add(a.address()));
        if (condition.field().equalsIgnoreCase("Subject") && values.isEmpty()) {
            values.add(mail.subject());
        }
        return values;
    }

    private static String expand(String value, String capture) {
        return value.replace(BACKREFERENCE, capture);
    }
}
