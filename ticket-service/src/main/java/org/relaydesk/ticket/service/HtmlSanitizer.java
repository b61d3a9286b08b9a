package org.relaydesk.ticket.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.regex.Pattern;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;

/**
 * Sanitises article HTML with the OWASP Java HTML Sanitizer (formatting, blocks, links, tables,
 * images, styles; no scripts, event handlers or frames), and derives plain text from HTML.
 */
@ApplicationScoped
public class HtmlSanitizer {

    private static final PolicyFactory POLICY = Sanitizers.FORMATTING.and(Sanitizers.BLOCKS).and(Sanitizers.LINKS)
            .and(Sanitizers.TABLES).and(Sanitizers.IMAGES).and(Sanitizers.STYLES);
    private static final Pattern BREAKS = Pattern.compile("(?i)<br\\s*/?>|</p>|</div>|</li>|</tr>|</h[1-6]>");
    private static final Pattern TAGS = Pattern.compile("<[^>]*>");

    public String sanitize(String html) {
        return html == null ? null : POLICY.sanitize(html);
    }

    /** A readable plain-text rendering of (sanitised) HTML. */
    public String toText(String html) {
        if (html == null) {
            return "";
        }
        String text = TAGS.matcher(BREAKS.matcher(html).replaceAll("\n")).replaceAll("");
        return text.replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#34;", "\"").replace("&#39;", "'").replace("&#64;", "@").replace("&amp;", "&")
                .replaceAll("\n{3,}", "\n\n").strip();
    }
}
