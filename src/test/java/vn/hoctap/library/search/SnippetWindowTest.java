package vn.hoctap.library.search;

import org.junit.jupiter.api.Test;

import java.text.Normalizer;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The highlighter reads a window of a long text: every searched word must be in it. */
class SnippetWindowTest {

    static final String FILLER = "Trời mưa phùn, đường lên bản trơn. ".repeat(80);

    @Test
    void foldingKeepsEveryCharacterInItsPlace() {
        assertEquals("chuyen đoi so".replace('đ', 'd'), SnippetWindow.fold("Chuyển Đổi Số"));
        assertEquals("Chuyển Đổi Số".length(), SnippetWindow.fold("Chuyển Đổi Số").length());
    }

    @Test
    void theWindowHoldsEveryWordAndIsShort() {
        String text = FILLER + "Lão gọi nó là cậu Vàng như gọi đứa con cầu tự. " + FILLER;
        String window = SnippetWindow.around(text, List.of("cau", "vang"));
        assertTrue(window.length() <= SnippetWindow.LENGTH + 40, "length " + window.length());
        assertTrue(window.contains("cậu Vàng"), window);
        assertTrue(window.startsWith("Trời") || window.startsWith("mưa") || Character.isLetter(window.charAt(0)), "starts at a word");
    }

    @Test
    void decomposedTextIsFoundToo() {
        String text = Normalizer.normalize(FILLER + "cậu Vàng. " + FILLER, Normalizer.Form.NFD);
        assertTrue(SnippetWindow.around(text, List.of("cau", "vang")).contains("cậu Vàng"));
    }

    @Test
    void aMissingWordOrWordsFarApartKeepTheWholeText() {
        String text = "cậu " + FILLER + FILLER + " Vàng";
        assertEquals(text, SnippetWindow.around(text, List.of("cau", "vang")));
        assertEquals(FILLER, SnippetWindow.around(FILLER, List.of("vang")));
    }
}
