package org.relaydesk.mailgateway.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.relaydesk.mailgateway.parsing.ParsedMail;

/**
 * Follow-up detection: the ticket number after the configurable ticket hook in the subject
 * ({@code [Ticket#2013070410000731]}, {@code RE: [Ticket#...]}, {@code Ticket#: ...}), optionally
 * in the body; then, as the fallback the caller resolves, the message ids of In-Reply-To and
 * References.
 */
public final class FollowUpDetector {

    private final Pattern hookPattern;
    private final boolean searchBody;

    /**
     * @param ticketHook the text before the number, e.g. "Ticket#" (matched case-insensitively)
     * @param searchBody whether to look for the hook in the body text when the subject has none
     */
    public FollowUpDetector(String ticketHook, boolean searchBody) {
        // hook, optional divider (":" or spaces), then the number
        this.hookPattern = Pattern.compile(Pattern.quote(ticketHook) + "\\s*:?\\s*(\\d{4,})(?!\\d)",
                Pattern.CASE_INSENSITIVE);
        this.searchBody = searchBody;
    }

    public FollowUp detect(ParsedMail mail) {
        List<String> ids = new ArrayList<>();
        if (mail.inReplyTo() != null) {
            ids.add(mail.inReplyTo());
        }
        List<String> references = new ArrayList<>(mail.references());
        java.util.Collections.reverse(references);
        for (String id : references) {
            if (!ids.contains(id)) {
                ids.add(id);
            }
        }
        String number = ticketNumber(mail.subject());
        if (number != null) {
            return new FollowUp(number, "subject", ids);
        }
        if (searchBody) {
            number = ticketNumber(mail.bodyText());
            if (number != null) {
                return new FollowUp(number, "body", ids);
            }
        }
        return new FollowUp(null, null, ids);
    }

    /** The first ticket number after the hook in {@code text}, or null. */
    public String ticketNumber(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = hookPattern.matcher(text);
        return m.find() ? m.group(1) : null;
    }
}
