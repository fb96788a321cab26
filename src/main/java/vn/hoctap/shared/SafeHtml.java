package vn.hoctap.shared;

import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;

import java.util.List;

/**
 * Text people wrote to HTML a page may show: a lesson (Markdown or the editor's HTML) or a
 * Markdown material in the library. Markdown is rendered with raw HTML escaped, and every result
 * passes an allow-list: formatting, lists, quotes, tables and links, nothing that runs or loads anything.
 */
public final class SafeHtml {

    private static final List<Extension> TABLES = List.of(TablesExtension.create());
    private static final Parser PARSER = Parser.builder().extensions(TABLES).build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().extensions(TABLES).escapeHtml(true).sanitizeUrls(true).build();
    private static final Safelist ALLOWED = Safelist.relaxed()
            .removeTags("img")
            .addAttributes("a", "rel")
            .addProtocols("a", "href", "http", "https", "mailto", "tel");

    private SafeHtml() {
    }

    public static String fromMarkdown(String markdown) {
        return sanitise(RENDERER.render(PARSER.parse(markdown == null ? "" : markdown)));
    }

    /**
     * What a Markdown text says, without its marks (headings, emphasis, list bullets, link
     * targets): for search snippets. Null stays null.
     */
    public static String textOfMarkdown(String markdown) {
        return markdown == null ? null : Jsoup.parse(RENDERER.render(PARSER.parse(markdown))).body().wholeText().strip();
    }

    public static String sanitise(String html) {
        String clean = Jsoup.clean(html == null ? "" : html, "", ALLOWED, new Document.OutputSettings().prettyPrint(false));
        // Links leave the platform in a new context: no opener access.
        Document doc = Jsoup.parseBodyFragment(clean);
        doc.outputSettings().prettyPrint(false);
        doc.select("a[href^=http]").attr("rel", "noopener noreferrer");
        return doc.body().html();
    }
}
