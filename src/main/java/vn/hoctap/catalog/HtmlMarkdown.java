package vn.hoctap.catalog;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import vn.hoctap.shared.SafeHtml;

import java.util.Locale;

/**
 * The lesson text an author wrote in the browser's editor, back to the Markdown that the course
 * format keeps ({@code lessons/*.md}). Markdown stays the one source of a lesson's text: what the
 * editor saves is what an export writes and what a re-import reads, and the HTML the player shows
 * is always rendered from it ({@link SafeHtml#fromMarkdown}).
 * <p>
 * It covers what the editor's toolbar makes and what survives {@link SafeHtml#sanitise}:
 * paragraphs, headings, bold, italic, code, links, lists (nested), quotes, rules and line breaks.
 * Anything else keeps its text. Characters that Markdown would read as formatting are escaped.
 */
public final class HtmlMarkdown {

    private HtmlMarkdown() {
    }

    public static String fromHtml(String html) {
        Element body = Jsoup.parseBodyFragment(SafeHtml.sanitise(html)).body();
        StringBuilder out = new StringBuilder();
        blocks(body, out, "");
        return out.toString().replaceAll("\n{3,}", "\n\n").strip() + "\n";
    }

    /** The children of a block container, each block separated by a blank line. */
    private static void blocks(Element parent, StringBuilder out, String prefix) {
        StringBuilder inline = new StringBuilder();
        for (Node node : parent.childNodes()) {
            if (node instanceof Element e && isBlock(e)) {
                flush(inline, out, prefix);
                block(e, out, prefix);
            } else {
                inline(node, inline);
            }
        }
        flush(inline, out, prefix);
    }

    private static void flush(StringBuilder inline, StringBuilder out, String prefix) {
        String text = inline.toString().strip();
        inline.setLength(0);
        if (!text.isEmpty()) {
            paragraph(out, prefix, text);
        }
    }

    private static void paragraph(StringBuilder out, String prefix, String text) {
        for (String line : text.split("\n", -1)) {
            out.append(prefix).append(line.stripLeading()).append('\n');
        }
        out.append(prefix.stripTrailing()).append('\n');
    }

    private static void block(Element e, StringBuilder out, String prefix) {
        String tag = e.normalName();
        switch (tag) {
            case "h1", "h2", "h3", "h4", "h5", "h6" -> {
                int level = Math.max(2, Math.min(4, tag.charAt(1) - '0'));
                String text = inlineText(e).replace('\n', ' ').strip();
                if (!text.isEmpty()) {
                    paragraph(out, prefix, "#".repeat(level) + " " + text);
                }
            }
            case "ul", "ol" -> list(e, out, prefix);
            case "blockquote" -> blocks(e, out, prefix + "> ");
            case "pre" -> {
                String code = e.wholeText().replaceAll("\n+$", "");
                String fence = code.contains("```") ? "~~~" : "```";
                out.append(prefix).append(fence).append('\n');
                for (String line : code.split("\n", -1)) {
                    out.append(prefix).append(line).append('\n');
                }
                out.append(prefix).append(fence).append('\n').append(prefix.stripTrailing()).append('\n');
            }
            case "hr" -> out.append(prefix).append("---\n").append(prefix.stripTrailing()).append('\n');
            case "tr" -> {
                StringBuilder row = new StringBuilder();
                for (Element cell : e.children()) {
                    if (!row.isEmpty()) {
                        row.append(" · ");
                    }
                    row.append(inlineText(cell).replace('\n', ' ').strip());
                }
                if (!row.toString().isBlank()) {
                    paragraph(out, prefix, row.toString());
                }
            }
            case "p" -> {
                String text = inlineText(e).strip();
                if (!text.isEmpty()) {
                    paragraph(out, prefix, text);
                }
            }
            default -> blocks(e, out, prefix); // div, section, table, tbody, dl …: their content
        }
    }

    private static void list(Element list, StringBuilder out, String prefix) {
        boolean ordered = "ol".equals(list.normalName());
        int n = 1;
        for (Element item : list.children()) {
            if (!"li".equals(item.normalName())) {
                continue;
            }
            String marker = ordered ? (n++) + ". " : "- ";
            String indent = " ".repeat(marker.length());
            StringBuilder inner = new StringBuilder();
            blocks(item, inner, "");
            String[] lines = inner.toString().strip().split("\n", -1);
            boolean loose = false;
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i];
                if (i == 0) {
                    out.append(prefix).append(marker).append(line).append('\n');
                } else if (line.isEmpty()) {
                    loose = true;
                } else {
                    if (loose && !line.stripLeading().startsWith("-") && !line.stripLeading().matches("\\d+\\. .*")) {
                        out.append(prefix.stripTrailing()).append('\n');
                    }
                    loose = false;
                    out.append(prefix).append(indent).append(line).append('\n');
                }
            }
            if (lines.length == 1 && lines[0].isEmpty()) {
                out.setLength(out.length() - 1); // an empty item: the marker alone
                out.append('\n');
            }
        }
        out.append(prefix.stripTrailing()).append('\n');
    }

    private static String inlineText(Element e) {
        StringBuilder text = new StringBuilder();
        for (Node child : e.childNodes()) {
            inline(child, text);
        }
        return text.toString();
    }

    private static void inline(Node node, StringBuilder out) {
        if (node instanceof TextNode t) {
            String text = t.getWholeText().replaceAll("[\\s\\u00a0]+", " ");
            if (out.isEmpty() || out.charAt(out.length() - 1) == '\n') {
                text = text.stripLeading();
            }
            out.append(escape(text, out.isEmpty() || out.charAt(out.length() - 1) == '\n'));
            return;
        }
        if (!(node instanceof Element e)) {
            return;
        }
        switch (e.normalName()) {
            case "br" -> {
                trimTrailingSpace(out);
                out.append("\\\n");
            }
            case "strong", "b" -> wrap(e, out, "**");
            case "em", "i", "cite" -> wrap(e, out, "*");
            case "code" -> {
                String code = e.text();
                if (!code.isEmpty()) {
                    String fence = code.contains("`") ? "``" : "`";
                    out.append(fence).append(code.contains("`") ? " " + code + " " : code).append(fence);
                }
            }
            case "a" -> {
                String text = inlineText(e).replace('\n', ' ').strip();
                String href = e.attr("href").replace(" ", "%20").replace("(", "%28").replace(")", "%29");
                if (href.isEmpty()) {
                    out.append(text);
                } else {
                    out.append('[').append(text.isEmpty() ? escape(href, false) : text).append("](").append(href).append(')');
                }
            }
            default -> {
                if (isBlock(e)) {
                    out.append(inlineText(e));
                } else {
                    for (Node child : e.childNodes()) {
                        inline(child, out);
                    }
                }
            }
        }
    }

    /** Emphasis around content, with the spaces moved outside (Markdown needs them there). */
    private static void wrap(Element e, StringBuilder out, String marker) {
        String raw = e.wholeText();
        String core = inlineText(e).strip();
        if (core.isEmpty()) {
            out.append(raw.isEmpty() ? "" : " ");
            return;
        }
        if (Character.isWhitespace(raw.charAt(0)) && !out.isEmpty() && out.charAt(out.length() - 1) != ' ') {
            out.append(' ');
        }
        out.append(marker).append(core).append(marker);
        if (Character.isWhitespace(raw.charAt(raw.length() - 1))) {
            out.append(' ');
        }
    }

    private static void trimTrailingSpace(StringBuilder out) {
        while (!out.isEmpty() && out.charAt(out.length() - 1) == ' ') {
            out.setLength(out.length() - 1);
        }
    }

    /** Text with Markdown's formatting characters escaped; at a line's start, also block markers. */
    static String escape(String text, boolean lineStart) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if ("\\`*_[]<>".indexOf(ch) >= 0) {
                out.append('\\');
            }
            out.append(ch);
        }
        String escaped = out.toString();
        if (lineStart) {
            if (escaped.matches("(?s)(#{1,6}|[-+>]|=+)( .*|$)")) {
                escaped = "\\" + escaped;
            } else if (escaped.matches("(?s)\\d{1,9}[.)]( .*|$)")) {
                int dot = escaped.indexOf('.') >= 0 && (escaped.indexOf(')') < 0 || escaped.indexOf('.') < escaped.indexOf(')'))
                        ? escaped.indexOf('.') : escaped.indexOf(')');
                escaped = escaped.substring(0, dot) + "\\" + escaped.substring(dot);
            }
        }
        return escaped;
    }

    private static boolean isBlock(Element e) {
        return switch (e.normalName().toLowerCase(Locale.ROOT)) {
            case "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "blockquote", "pre", "hr",
                 "table", "thead", "tbody", "tfoot", "tr", "section", "article", "dl", "dt", "dd", "figure" -> true;
            default -> false;
        };
    }
}
