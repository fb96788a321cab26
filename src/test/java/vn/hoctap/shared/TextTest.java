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
    void theCharacterTableFoldsExactlyAsTheRules() throws Exception {
        StringBuilder every = new StringBuilder();
        for (char c = 0; c < 0x2100; c++) {
            String one = String.valueOf(c);
            String code = "U+" + Integer.toHexString(c);
            for (String s : new String[] {one, "a" + one + "b", " x " + one + one + " \t", "Đ" + one + "\u0301 "}) {
                assertEquals(Text.slowFold(s), Text.fold(s), code);
            }
            every.append(c);
        }
        assertEquals(Text.slowFold(every.toString()), Text.fold(every.toString()));
        try (var files = java.nio.file.Files.walk(vn.hoctap.library.ingest.TestFiles.SHARED_CORPUS)) {
            for (var f : files.filter(p -> p.toString().endsWith(".md") || p.toString().endsWith(".txt")).toList()) {
                for (String line : java.nio.file.Files.readAllLines(f)) {
                    assertEquals(Text.slowFold(line), Text.fold(line), line);
                    String nfd = java.text.Normalizer.normalize(line, java.text.Normalizer.Form.NFD);
                    assertEquals(Text.slowFold(nfd), Text.fold(nfd), nfd);
                }
            }
        }
    }

    @Test
    void likePatternsEscapeWildcards() {
        assertEquals("%50\\%\\_a%", Text.likeContains("50%_a"));
    }
}
