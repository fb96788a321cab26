package vn.hoctap.shared;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Markdown people wrote, shown as safe HTML or read as plain text. */
class SafeHtmlTest {

    @Test
    void markdownBecomesFormattedHtmlWithNothingThatRuns() {
        String html = SafeHtml.fromMarkdown("## Cần nhớ\n\n**Không** đưa mã OTP. <script>alert(1)</script>\n\n"
                + "[bấm đây](javascript:alert(1)) <img src=x onerror=alert(1)> [Cổng](https://dichvucong.gov.vn)");
        assertTrue(html.contains("<h2>Cần nhớ</h2>") && html.contains("<strong>Không</strong>"), html);
        assertFalse(html.contains("<script") || html.contains("javascript:") || html.contains("<img"), html);
        assertTrue(html.contains("href=\"https://dichvucong.gov.vn\"") && html.contains("rel=\"noopener noreferrer\""), html);
    }

    @Test
    void tablesAreTables() {
        String html = SafeHtml.fromMarkdown("| Câu hỏi | Có |\n|---|---|\n| Đã bật xác thực hai lớp? | |\n");
        assertTrue(html.contains("<table>") && html.contains("<th>Câu hỏi</th>") && html.contains("<td>Đã bật xác thực hai lớp?</td>"), html);
    }

    @Test
    void markdownReadAsTextLosesItsMarks() {
        String text = SafeHtml.textOfMarkdown("# Sổ tay\n\n**Cần nhớ:** gọi lại bằng [số quen thuộc](tel:113).\n\n- một\n- hai\n");
        assertFalse(text.contains("#") || text.contains("**") || text.contains("](") || text.contains("tel:"), text);
        assertTrue(text.contains("Sổ tay") && text.contains("Cần nhớ: gọi lại bằng số quen thuộc"), text);
        assertEquals(2, text.lines().filter(l -> l.contains("một") || l.contains("hai")).count(), text);
        assertNull(SafeHtml.textOfMarkdown(null));
    }
}
