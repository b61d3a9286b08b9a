package org.relaydesk.ticket.service;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills {@code ${name}} variables in salutations, templates, signatures and auto responses, e.g.
 * {@code ${ticket.number}}, {@code ${customer.firstName}}, {@code ${agent.lastName}},
 * {@code ${queue.name}}. Unknown variables render as nothing.
 */
public final class TemplateRenderer {

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([a-zA-Z]+\\.[a-zA-Z]+)}");

    private TemplateRenderer() {
    }

    public static String render(String text, Map<String, String> variables) {
        if (text == null) {
            return "";
        }
        Matcher m = VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = variables.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? "" : value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
