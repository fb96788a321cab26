package vn.hoctap.shared;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TextTest {

    @Test
    void foldingRemovesEveryVietnameseDiacriticAndDStroke() {
        assertEquals("chuyen doi so", Text.fold("Chuyển đổi số"));
        assertEquals("nguyen thi dao", Text.fold("  Nguyễn   Thị Đào "));
        assertEquals("uu o a a e o", Text.fold("Ưu Ơ Ă Â Ê Ô"));
    }

    @Test
    void oldAndNewTonePlacementFoldAlike() {
        assertEquals(Text.fold("hòa"), Text.fold("hoà"));
        assertEquals(Text.fold("khóa"), Text.fold("khoá"));
    }

    @Test
    void decomposedInputFoldsLikeComposed() {
        String decomposed = java.text.Normalizer.normalize("Tô Hiệu", java.text.Normalizer.Form.NFD);
        assertEquals("to hieu", Text.fold(decomposed));
        assertEquals("Tô Hiệu", Text.clean(decomposed));
    }

    @Test
    void likePatternsEscapeWildcards() {
        assertEquals("%50\\%\\_a%", Text.likeContains("50%_a"));
    }
}
