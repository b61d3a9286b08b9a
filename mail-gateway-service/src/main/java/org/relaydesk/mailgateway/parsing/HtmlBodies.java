package org.relaydesk.mailgateway.parsing;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.HtmlSanitizer;
import org.owasp.html.PolicyFactory;

/**
 * HTML bodies through the OWASP java-html-sanitizer: a sanitised copy for display in the
 * agent UI, and the same HTML reduced to plain text (for the article text, search and
 * filters) using the sanitizer's own lexer, so both read the HTML the same way.
 */
public final class HtmlBodies {

    /**
     * What an agent may see of a customer's HTML: text formatting, tables, lists, links
     * (http, https, mailto; opened with noopener) and images from {@code cid:} (inline parts)
     * or http(s). No scripts, styles blocks, event handlers, forms, frames or objects.
     */
    private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowCommonBlockElements()
            .allowCommonInlineFormattingElements()
            .allowElements("a", "img", "table", "thead", "tbody", "tfoot", "tr", "td", "th", "caption",
                    "colgroup", "col", "pre", "blockquote", "hr", "br", "span", "div", "font", "center",
                    "dl", "dt", "dd", "code", "tt", "small", "big")
            .allowStyling()
            .allowUrlProtocols("http", "https", "mailto", "cid")
            .allowAttributes("href").onElements("a")
            .requireRelsOnLinks("noopener", "noreferrer")
            .allowAttributes("src", "alt", "width", "height", "border").onElements("img")
            .allowAttributes("colspan", "rowspan", "align", "valign", "width", "height", "bgcolor", "border",
                    "cellpadding", "cellspacing").onElements("table", "td", "th", "tr", "col", "colgroup")
            .allowAttributes("color", "face", "size").onElements("font")
            .allowAttributes("title", "dir", "lang", "align").globally()
            .toFactory();

    private static final Set<String> SKIPPED = Set.of("script", "style", "head", "title", "noscript", "template", "xml");
    private static final Set<String> BLOCKS = Set.of(
            "p", "div", "tr", "li", "ul", "ol", "dl", "dt", "dd", "table", "blockquote", "pre", "center",
            "h1", "h2", "h3", "h4", "h5", "h6", "hr", "address", "section", "article", "header", "footer",
            "form", "fieldset", "body", "html", "caption");

    private HtmlBodies() {
    }

    /** The HTML with everything unsafe removed. */
    public static String sanitize(String html) {
        return POLICY.sanitize(html);
    }

    /** The HTML as plain text: tags dropped, entities decoded, blocks on their own lines. */
    public static String toText(String html) {
        TextCollector collector = new TextCollector();
        HtmlSanitizer.sanitize(html, collector);
        return collector.result();
    }

    private static final class TextCollector implements HtmlSanitizer.Policy {
        private final StringBuilder out = new StringBuilder();
        private int skipDepth;
        private int preDepth;

        @Override
        public void openDocument() {
        }

        @Override
        public void closeDocument() {
        }

        @Override
        public void openTag(String name, List<String> attrs) {
            String tag = name.toLowerCase(Locale.ROOT);
            if (SKIPPED.contains(tag)) {
                skipDepth++;
                return;
            }
            if (tag.equals("pre")) {
                preDepth++;
            }
            if (tag.equals("br")) {
                out.append('\n');
            } else if (tag.equals("td") || tag.equals("th")) {
                space();
            } else if (BLOCKS.contains(tag)) {
                newline();
            }
        }

        @Override
        public void closeTag(String name) {
            String tag = name.toLowerCase(Locale.ROOT);
            if (SKIPPED.contains(tag)) {
                skipDepth = Math.max(0, skipDepth - 1);
                return;
            }
            if (tag.equals("pre")) {
                preDepth = Math.max(0, preDepth - 1);
            }
            if (BLOCKS.contains(tag)) {
                newline();
            }
        }

        @Override
        public void text(String text) {
            if (skipDepth > 0) {
                return;
            }
            String t = text.replace('\u00A0', ' ');
            if (preDepth > 0) {
                out.append(t.replace("\r\n", "\n"));
                return;
            }
            t = t.replaceAll("[ \\t\\r\\n\\f]+", " ");
            if (t.startsWith(" ") && (out.length() == 0 || Character.isWhitespace(out.charAt(out.length() - 1)))) {
                t = t.substring(1);
            }
            out.append(t);
        }

        private void newline() {
            trimTrailingSpaces();
            if (out.length() > 0 && out.charAt(out.length() - 1) != '\n') {
                out.append('\n');
            }
        }

        private void space() {
            if (out.length() > 0 && !Character.isWhitespace(out.charAt(out.length() - 1))) {
                out.append(' ');
            }
        }

        private void trimTrailingSpaces() {
            int len = out.length();
            while (len > 0 && out.charAt(len - 1) == ' ') {
                len--;
            }
            out.setLength(len);
        }

        String result() {
            return out.toString().replaceAll("(?m)[ \\t]+$", "").replaceAll("\\n{3,}", "\n\n").strip();
        }
    }
}
