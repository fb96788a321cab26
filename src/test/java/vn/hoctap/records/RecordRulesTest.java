package vn.hoctap.records;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import vn.hoctap.records.xapi.XapiJson;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a statement means for the learning summary, how hours read, and the PDF transcript. */
class RecordRulesTest {

    static JsonNode json(String relaxed) {
        return XapiJson.parse(relaxed.replace('\'', '"').getBytes(StandardCharsets.UTF_8));
    }

    static final String ACTOR = "'actor':{'account':{'homePage':'http://localhost:8080','name':'7'}}";

    @Test
    void aPassedQuizIsPassedWithItsScore() {
        LearningProjection.Facts f = LearningProjection.facts(json("{" + ACTOR + ",'verb':{'id':'" + Vocabulary.PASSED
                + "'},'object':{'id':'http://x.vn/quiz','definition':{'name':{'en':'Quiz','vi':'Bài kiểm tra'}}},"
                + "'result':{'score':{'raw':17,'min':0,'max':20},'duration':'PT12M'},'timestamp':'2026-03-01T08:00:00+07:00'}"), 7L);
        assertEquals(Boolean.TRUE, f.passed());
        assertFalse(f.completed(), "passing is not completing");
        assertEquals(new BigDecimal("0.8500"), f.scaled());
        assertEquals("Bài kiểm tra", f.name(), "Vietnamese name first");
        assertEquals(12 * 60_000, f.otherMs());
        assertEquals(0, f.sessionMs());
        assertEquals(LocalDateTime.of(2026, 3, 1, 1, 0), f.at(), "in UTC");
    }

    @Test
    void sessionsAreCountedApartSoTimeIsNotCountedTwice() {
        LearningProjection.Facts f = LearningProjection.facts(json("{" + ACTOR + ",'verb':{'id':'" + Vocabulary.TERMINATED
                + "'},'object':{'id':'http://x.vn/lesson'},'result':{'duration':'PT1H'},'timestamp':'2026-03-01T08:00:00Z'}"), null);
        assertEquals(3_600_000, f.sessionMs());
        assertEquals(0, f.otherMs());
    }

    @Test
    void creditedMinutesTopicAndStaffEntryAreKept() {
        LearningProjection.Facts f = LearningProjection.facts(json("{" + ACTOR + ",'verb':{'id':'" + Vocabulary.COMPLETED
                + "'},'object':{'id':'http://x.vn/ext'},'result':{'completion':true,'extensions':{'"
                + Vocabulary.CREDITED_MINUTES + "':1440}},'context':{'extensions':{'" + Vocabulary.TOPIC + "':'Quốc phòng','"
                + Vocabulary.PROVIDER + "':'Trường Chính trị','" + Vocabulary.ENTERED_BY + "':3}},"
                + "'timestamp':'2026-03-01T08:00:00Z'}"), 7L);
        assertTrue(f.completed());
        assertEquals(1440, f.creditedMin());
        assertEquals("Quốc phòng", f.topic());
        assertEquals("Trường Chính trị", f.provider());
        assertEquals(3L, f.enteredBy());
        assertNull(f.passed());
    }

    @Test
    void statementsAboutAgentsOrByGroupsAreNotInTheSummary() {
        assertNull(LearningProjection.facts(json("{" + ACTOR + ",'verb':{'id':'http://x.vn/v'},'object':{'objectType':'Agent',"
                + "'mbox':'mailto:a@b.vn'},'timestamp':'2026-03-01T08:00:00Z'}"), null));
        assertNull(LearningProjection.facts(json("{'actor':{'objectType':'Group','member':[{'mbox':'mailto:a@b.vn'}]},"
                + "'verb':{'id':'http://x.vn/v'},'object':{'id':'http://x.vn/a'},'timestamp':'2026-03-01T08:00:00Z'}"), null));
    }

    @Test
    void hoursReadTheVietnameseWay() {
        assertEquals("36,5", RecordService.hours(2190));
        assertEquals("8", RecordService.hours(480));
        assertEquals("0,3", RecordService.hours(20));
    }

    @Test
    void theTranscriptIsInVietnameseWithTheFontEmbedded() throws Exception {
        RecordService.Entry course = new RecordService.Entry("http://x.vn/c", "Kỹ năng số cơ bản cho cán bộ, công chức",
                Vocabulary.COURSE, "Kỹ năng số", null, false, true, true, new BigDecimal("0.86"), 480,
                LocalDateTime.of(2026, 3, 1, 1, 0), LocalDateTime.of(2026, 3, 9, 3, 0), LocalDateTime.of(2026, 3, 9, 3, 0));
        RecordService.Entry odd = new RecordService.Entry("http://x.vn/t", "Lớp tiếng Thái ꪀꪁ 😀", Vocabulary.MEETING, null,
                "Trung tâm học tập cộng đồng xã Chiềng Mung", true, true, null, null, 180,
                LocalDateTime.of(2025, 11, 12, 1, 0), LocalDateTime.of(2025, 11, 12, 1, 0), LocalDateTime.of(2025, 11, 12, 1, 0));
        Map<Integer, Long> years = new TreeMap<>(java.util.Comparator.reverseOrder());
        years.put(2026, 480L);
        years.put(2025, 180L);
        RecordService.PersonRecord record = new RecordService.PersonRecord(7, "Lò Thị Mai", "Sở Tài chính",
                List.of(course, odd), years, Map.of("Kỹ năng số", 480L), 2, List.of());
        Map<String, String> texts = Map.of("records.pdf.title", "Bảng tổng hợp quá trình học tập");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new TranscriptPdf(key -> texts.getOrDefault(key, key)).write(record, "Cán bộ Sở", out);
        try (PDDocument doc = Loader.loadPDF(out.toByteArray())) {
            String text = new PDFTextStripper().getText(doc);
            assertTrue(text.contains("BẢNG TỔNG HỢP QUÁ TRÌNH HỌC TẬP"), text);
            assertTrue(text.contains("Lò Thị Mai"), text);
            assertTrue(text.contains("Kỹ năng số cơ bản cho cán bộ, công chức"), text);
            assertTrue(text.contains("Lớp tiếng Thái ?? ?"), "letters the font lacks become ?: " + text);
            assertTrue(text.contains("records.pdf.totals: 11 records.hoursUnit"), "total hours: " + text);
        }
    }
}
