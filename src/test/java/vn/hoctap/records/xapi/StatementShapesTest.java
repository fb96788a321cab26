package vn.hoctap.records.xapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.hoctap.records.xapi.StatementValidatorTest.json;

/** The output formats, the "same statement" rules, and the keys statements are found by. */
class StatementShapesTest {

    static final String FULL = "{'actor':{'objectType':'Agent','name':'Mai','mbox':'mailto:mai@b.vn'},"
            + "'verb':{'id':'http://adlnet.gov/expapi/verbs/attended','display':{'en-GB':'attended','en-US':'attended','vi':'dự'}},"
            + "'object':{'objectType':'SubStatement','actor':{'objectType':'Group','name':'Tổ 3','mbox':'mailto:to3@b.vn'},"
            + "'verb':{'id':'http://adlnet.gov/expapi/verbs/attended','display':{'en-GB':'attended','vi':'dự'}},"
            + "'object':{'objectType':'Activity','id':'http://x.vn/meeting','definition':{'name':{'en-GB':'meeting','vi':'họp'},"
            + "'description':{'en-US':'a meeting','en-GB':'a meeting'},'type':'http://adlnet.gov/expapi/activities/meeting'}}},"
            + "'context':{'contextActivities':{'category':[{'id':'http://x.vn/cat','definition':{'name':{'en-US':'c','en-GB':'c'}}}]}}}";

    StatementFormat format(StatementFormat.Shape shape, String language) {
        return new StatementFormat(shape, language, id -> Optional.empty());
    }

    @Test
    void exactIsUntouched() {
        JsonNode s = json(FULL);
        assertEquals(s, format(StatementFormat.Shape.EXACT, "en-GB").apply(s));
    }

    @Test
    void idsKeepOnlyIdentifiers() {
        JsonNode out = format(StatementFormat.Shape.IDS, null).apply(json(FULL));
        assertEquals(Set.of("objectType", "mbox"), fields(out.get("actor")));
        assertEquals(Set.of("id"), fields(out.get("verb")));
        assertEquals(Set.of("objectType", "mbox"), fields(out.at("/object/actor")));
        assertEquals(Set.of("id"), fields(out.at("/object/object")));
        assertEquals(Set.of("id"), fields(out.at("/object/verb")));
    }

    @Test
    void canonicalKeepsOneLanguagePerMap() {
        JsonNode out = format(StatementFormat.Shape.CANONICAL, "en-GB").apply(json(FULL));
        assertEquals(json("{'en-GB':'attended'}"), out.at("/verb/display"));
        assertEquals(json("{'en-GB':'meeting'}"), out.at("/object/object/definition/name"));
        assertEquals(json("{'en-GB':'a meeting'}"), out.at("/object/object/definition/description"));
        assertEquals(json("{'en-GB':'c'}"), out.at("/context/contextActivities/category/0/definition/name"));
        assertEquals("Mai", out.at("/actor/name").asText(), "agents stay as they were");

        JsonNode vi = format(StatementFormat.Shape.CANONICAL, "vi, en;q=0.5").apply(json(FULL));
        assertEquals(json("{'vi':'dự'}"), vi.at("/verb/display"));
    }

    @Test
    void canonicalUsesTheStoresDefinition() {
        ObjectNode canonical = (ObjectNode) json("{'name':{'vi':'Cuộc họp tổ','en-GB':'team meeting'}}");
        StatementFormat f = new StatementFormat(StatementFormat.Shape.CANONICAL, "vi",
                id -> id.equals("http://x.vn/meeting") ? Optional.of(canonical) : Optional.empty());
        assertEquals(json("{'vi':'Cuộc họp tổ'}"), f.apply(json(FULL)).at("/object/object/definition/name"));
    }

    @Test
    void sameStatementIgnoresWhatTheStoreAssigns() {
        JsonNode a = json("{'actor':{'mbox':'mailto:Mai@B.vn'},'verb':{'id':'http://x.vn/v','display':{'vi':'a'}},"
                + "'object':{'id':'http://x.vn/a','definition':{'name':{'vi':'A'}}},'result':{'duration':'PT1.2345S'},"
                + "'timestamp':'2026-01-01T07:00:00+07:00'}");
        JsonNode b = json("{'actor':{'mbox':'mailto:Mai@b.VN'},'verb':{'id':'http://x.vn/v'},'object':{'objectType':'Activity',"
                + "'id':'http://x.vn/a'},'result':{'duration':'PT1.23S'},'timestamp':'2026-01-01T00:00:00.000Z',"
                + "'id':'936bdb26-8a1b-4c52-9d7e-4f3c2f0e5a11','stored':'2026-01-02T00:00:00Z','version':'2.0.0',"
                + "'authority':{'mbox':'mailto:app@b.vn'}}");
        assertTrue(StatementComparison.same(a, b));
        JsonNode c = json("{'actor':{'mbox':'mailto:Mai@b.vn'},'verb':{'id':'http://x.vn/v'},'object':{'id':'http://x.vn/a'},"
                + "'result':{'duration':'PT1.24S'},'timestamp':'2026-01-01T00:00:00Z'}");
        assertFalse(StatementComparison.same(a, c), "another result is another statement");
        JsonNode d = json("{'actor':{'mbox':'mailto:mai@b.vn'},'verb':{'id':'http://x.vn/v'},'object':{'id':'http://x.vn/a'},"
                + "'result':{'duration':'PT1.23S'},'timestamp':'2026-01-01T00:00:00Z'}");
        assertFalse(StatementComparison.same(a, d), "the local part of an address is case-sensitive");
    }

    @Test
    void keysCoverWhatFiltersAskFor() {
        Set<StatementKeys.Key> keys = StatementKeys.of(json("{'actor':{'objectType':'Group','member':[{'mbox':'mailto:a@b.vn'}]},"
                + "'verb':{'id':'http://x.vn/v'},'object':{'id':'http://x.vn/lesson'},"
                + "'context':{'registration':'936BDB26-8a1b-4c52-9d7e-4f3c2f0e5a11','instructor':{'mbox':'mailto:gv@b.vn'},"
                + "'contextActivities':{'parent':[{'id':'http://x.vn/course'}]}},'authority':{'mbox':'mailto:app@b.vn'}}"));
        String a = Ifi.of(json("{'mbox':'mailto:a@b.vn'}")).orElseThrow();
        assertTrue(keys.contains(new StatementKeys.Key(StatementKeys.AGENT, a)), "a member matches its group's statements");
        assertTrue(keys.contains(new StatementKeys.Key(StatementKeys.RELATED_AGENT,
                Ifi.of(json("{'mbox':'mailto:gv@b.vn'}")).orElseThrow())));
        assertFalse(keys.contains(new StatementKeys.Key(StatementKeys.AGENT,
                Ifi.of(json("{'mbox':'mailto:gv@b.vn'}")).orElseThrow())), "an instructor is only related");
        assertTrue(keys.contains(new StatementKeys.Key(StatementKeys.ACTIVITY, "http://x.vn/lesson")));
        assertTrue(keys.contains(new StatementKeys.Key(StatementKeys.RELATED_ACTIVITY, "http://x.vn/course")));
        assertFalse(keys.contains(new StatementKeys.Key(StatementKeys.ACTIVITY, "http://x.vn/course")));
        assertTrue(keys.contains(new StatementKeys.Key(StatementKeys.REGISTRATION, "936bdb26-8a1b-4c52-9d7e-4f3c2f0e5a11")));
    }

    @Test
    void anMboxAndItsHashAreOneIdentity() {
        String sha1 = Ifi.sha1Hex("mailto:mai@b.vn");
        assertEquals(Ifi.of(json("{'mbox':'mailto:mai@b.vn'}")), Ifi.of(json("{'mbox_sha1sum':'" + sha1.toUpperCase() + "'}")));
    }

    @Test
    void durationsAreCountedInMilliseconds() {
        assertEquals(Optional.of(3_723_500L), Formats.durationMillis("PT1H2M3.5S"));
        assertEquals(Optional.of(86_400_000L * 7), Formats.durationMillis("P1W"));
        assertEquals("P1DT12H36M0.12S", Formats.durationToHundredths("P1DT12H36M0.12567S"));
    }

    private static Set<String> fields(JsonNode node) {
        Set<String> out = new java.util.HashSet<>();
        node.fieldNames().forEachRemaining(out::add);
        return out;
    }
}
