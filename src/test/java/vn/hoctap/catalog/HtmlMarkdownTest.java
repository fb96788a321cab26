package vn.hoctap.catalog;

import org.junit.jupiter.api.Test;
import vn.hoctap.shared.SafeHtml;

import static org.junit.jupiter.api.Assertions.assertEquals;

class HtmlMarkdownTest {

    /** What the player shows after the editor's HTML went through Markdown. */
    private static String roundTrip(String html) {
        return SafeHtml.fromMarkdown(HtmlMarkdown.fromHtml(html)).replace("\n", "");
    }

    @Test
    void keepsWhatTheToolbarMakes() {
        String html = "<h2>Mật khẩu mạnh</h2><p>Một mật khẩu <strong>dài</strong> và <em>khó đoán</em>"
                + " — xem <a href=\"https://ais.gov.vn\">hướng dẫn</a>.</p>"
                + "<ul><li>ít nhất 12 ký tự</li><li>không dùng lại</li></ul>"
                + "<ol><li>mở cài đặt</li><li>đổi mật khẩu</li></ol>"
                + "<blockquote><p>Không chia sẻ mã OTP.</p></blockquote>";
        assertEquals("<h2>Mật khẩu mạnh</h2><p>Một mật khẩu <strong>dài</strong> và <em>khó đoán</em>"
                + " — xem <a rel=\"noopener noreferrer\" href=\"https://ais.gov.vn\">hướng dẫn</a>.</p>"
                + "<ul><li>ít nhất 12 ký tự</li><li>không dùng lại</li></ul>"
                + "<ol><li>mở cài đặt</li><li>đổi mật khẩu</li></ol>"
                + "<blockquote><p>Không chia sẻ mã OTP.</p></blockquote>", roundTrip(html));
    }

    @Test
    void writesReadableMarkdown() {
        assertEquals("## Bước 1\n\nChọn **Cài đặt**, rồi *Bảo mật*.\n\n- một\n- hai\n  - hai a\n",
                HtmlMarkdown.fromHtml("<h2>Bước 1</h2><div>Chọn <b>Cài đặt</b>, rồi <i>Bảo mật</i>.</div>"
                        + "<ul><li>một</li><li>hai<ul><li>hai a</li></ul></li></ul>"));
    }

    @Test
    void textThatLooksLikeMarkdownStaysText() {
        String html = "<p>2024. Năm *quan trọng* [1] &lt;b&gt; _x_</p><p># không phải tiêu đề</p><p>- không phải danh sách</p>";
        assertEquals("<p>2024. Năm *quan trọng* [1] &lt;b&gt; _x_</p><p># không phải tiêu đề</p><p>- không phải danh sách</p>",
                roundTrip(html));
    }

    @Test
    void emphasisWithSpacesInsideAndLineBreaks() {
        assertEquals("<p>Đây là <strong>đậm</strong> chữ<br>dòng hai</p>",
                roundTrip("<p>Đây là<strong> đậm </strong>chữ<br>dòng hai</p>"));
    }

    @Test
    void dropsWhatIsNotAllowed() {
        assertEquals("<p>chữ</p>", roundTrip("<p onclick=\"x()\">chữ<script>alert(1)</script><img src=x></p>"));
        assertEquals("<p><a rel=\"noopener noreferrer\" href=\"https://a.vn/x%20y\">a</a> b</p>",
                roundTrip("<p><a href=\"javascript:alert(1)\">x</a><a href=\"https://a.vn/x y\">a</a> b</p>").replace("<p>x", "<p>"));
    }

    @Test
    void codeBlocksAndQuotesWithSeveralParagraphs() {
        assertEquals("<pre><code>ping 8.8.8.8\nexit</code></pre><blockquote><p>một</p><p>hai</p></blockquote>".replace("\n", ""),
                roundTrip("<pre>ping 8.8.8.8\nexit</pre><blockquote><p>một</p><p>hai</p></blockquote>"));
    }
}
