package org.relaydesk.mailgateway.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.relaydesk.mailgateway.parsing.ParsedMail;

/**
 * Loop protection: decides whether RelayDesk may answer a mail with an auto response.
 * The mail itself is always processed (nothing is lost); only the automatic answer is
 * withheld, which is what breaks mail loops between two auto-responders.
 *
 * <p>No auto response when: X-Loop names one of our system addresses; Auto-Submitted is
 * present with any value other than "no" (RFC 3834); Precedence is bulk, junk or list; the
 * sender is one of our system addresses or a mailer daemon / no-reply address; or the sender
 * already got {@code maxAutoResponsesPerDay} auto responses today.
 */
public final class LoopProtection {

    private static final Pattern NO_REPLY_SENDER = Pattern.compile(
            "^(mailer-daemon|postmaster|no-?reply|do-?not-?reply|bounces?)([+-][^@]*)?@.*", Pattern.CASE_INSENSITIVE);
    private static final Set<String> BULK_PRECEDENCE = Set.of("bulk", "junk", "list");

    private final Set<String> systemAddresses;
    private final int maxAutoResponsesPerDay;

    /**
     * @param systemAddresses our own addresses (queue addresses), any case
     * @param maxAutoResponsesPerDay how many auto responses one sender may get per day
     */
    public LoopProtection(Set<String> systemAddresses, int maxAutoResponsesPerDay) {
        this.systemAddresses = systemAddresses.stream().map(a -> a.trim().toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
        this.maxAutoResponsesPerDay = maxAutoResponsesPerDay;
    }

    /**
     * @param autoResponsesSentToday how many auto responses the sender of {@code mail} got
     *        today (the caller counts)
     */
    public LoopDecision check(ParsedMail mail, int autoResponsesSentToday) {
        List<String> reasons = new ArrayList<>();
        for (String loop : mail.headers().all("X-Loop")) {
            String value = loop.toLowerCase(Locale.ROOT);
            if (systemAddresses.stream().anyMatch(value::contains)) {
                reasons.add("X-Loop names our address (" + loop.trim() + ")");
            }
        }
        String autoSubmitted = mail.header("Auto-Submitted");
        if (autoSubmitted != null && !autoSubmitted.trim().isEmpty()
                && !autoSubmitted.trim().toLowerCase(Locale.ROOT).startsWith("no")) {
            reasons.add("Auto-Submitted: " + autoSubmitted.trim());
        }
        String precedence = mail.header("Precedence");
        if (precedence != null && BULK_PRECEDENCE.contains(precedence.trim().toLowerCase(Locale.ROOT))) {
            reasons.add("Precedence: " + precedence.trim());
        }
        String sender = mail.fromAddress();
        if (systemAddresses.contains(sender)) {
            reasons.add("sender is our own system address " + sender);
        }
        if (sender.isEmpty()) {
            reasons.add("no sender address");
        } else if (NO_REPLY_SENDER.matcher(sender).matches()) {
            reasons.add("sender is an automatic address " + sender);
        }
        String returnPath = mail.header("Return-Path");
        if (returnPath != null && returnPath.replaceAll("\\s", "").equals("<>")) {
            reasons.add("empty Return-Path (automatic message)");
        }
        if (capReached(autoResponsesSentToday)) {
            reasons.add("sender already got " + autoResponsesSentToday + " auto responses today (limit "
                    + maxAutoResponsesPerDay + ")");
        }
        return new LoopDecision(reasons.isEmpty(), reasons);
    }

    /** Whether a sender who got {@code autoResponsesSentToday} auto responses today may get no more. */
    public boolean capReached(int autoResponsesSentToday) {
        return autoResponsesSentToday >= maxAutoResponsesPerDay;
    }

    /**
     * @param autoResponseAllowed whether an auto response may be sent
     * @param reasons why not (empty when allowed)
     */
    public record LoopDecision(boolean autoResponseAllowed, List<String> reasons) {
        public LoopDecision {
            reasons = List.copyOf(reasons);
        }
    }
}
