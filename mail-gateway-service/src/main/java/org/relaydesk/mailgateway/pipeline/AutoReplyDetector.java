package org.relaydesk.mailgateway.pipeline;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.relaydesk.mailgateway.parsing.ParsedMail;

/**
 * Recognises auto-replies and out-of-office notices, which RelayDesk never answers with an
 * auto response: {@code Auto-Submitted: auto-replied} (RFC 3834), {@code X-Autoreply},
 * {@code X-Autorespond}, {@code X-Autoresponder}, Exchange's
 * {@code X-Auto-Response-Suppress} on generated mail, and the usual out-of-office subjects
 * in the languages seen most (English, German, French, Spanish, Italian, Dutch, Portuguese,
 * Czech, Polish).
 */
public final class AutoReplyDetector {

    private static final Pattern OOO_SUBJECT = Pattern.compile(
            "^(?:(?:re|aw|sv|wg|fw|fwd)\\s*:\\s*)*(?:"
                    + "out of (?:the )?office|auto(?:matic|mated)?[ -]?(?:reply|response|answer)|autoreply"
                    + "|i am (?:out of the office|away)|on vacation|vacation (?:reply|notice)|away from (?:the )?office"
                    + "|abwesenheit|abwesenheitsnotiz|automatische antwort|automatische r(?:ü|ue)ckantwort|urlaub"
                    + "|r(?:é|e)ponse automatique|absence du bureau|absent\\b"
                    + "|respuesta autom(?:á|a)tica|fuera de la oficina"
                    + "|risposta automatica|fuori ufficio"
                    + "|automatisch antwoord|afwezig"
                    + "|resposta autom(?:á|a)tica|fora do escrit(?:ó|o)rio"
                    + "|automatick(?:á|a) odpov(?:ěď|ed)|nepř(?:í|i)tomnost"
                    + "|automatyczna odpowied(?:ź|z)|nieobecno(?:ść|sc))",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    /** Why the mail is an auto-reply, or empty when it looks written by a person. */
    public Optional<String> detect(ParsedMail mail) {
        String autoSubmitted = mail.header("Auto-Submitted");
        if (autoSubmitted != null && autoSubmitted.trim().toLowerCase(Locale.ROOT).startsWith("auto-replied")) {
            return Optional.of("Auto-Submitted: " + autoSubmitted.trim());
        }
        for (String header : new String[] {"X-Autoreply", "X-Autorespond", "X-Autoresponder", "X-Auto-Reply"}) {
            String value = mail.header(header);
            if (value != null && !value.trim().equalsIgnoreCase("no") && !value.trim().equalsIgnoreCase("false")) {
                return Optional.of(header + ": " + value.trim());
            }
        }
        String suppress = mail.header("X-Auto-Response-Suppress");
        if (suppress != null && suppress.toLowerCase(Locale.ROOT).matches(".*\\b(all|oof)\\b.*")
                && mail.header("In-Reply-To") != null) {
            // Exchange sets this on its own generated replies (out-of-office, receipts)
            return Optional.of("X-Auto-Response-Suppress: " + suppress.trim() + " on a reply");
        }
        if (OOO_SUBJECT.matcher(mail.subject().trim()).find()) {
            return Optional.of("out-of-office subject: " + mail.subject().trim());
        }
        return Optional.empty();
    }
}
