package vn.hoctap.records.xapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The statement rules of xAPI 2.0 (IEEE 9274.1.1, 4.2) and 1.0.3, one case per MUST: each bad
 * statement is refused with 400, each good one passes. Statements are written in a relaxed JSON
 * (single quotes) to keep the cases readable.
 */
class StatementValidatorTest {

    static final String ACTOR = "'actor':{'objectType':'Agent','name':'Lò Thị Mai','mbox':'mailto:mai@sonla.gov.vn'}";
    static final String VERB = "'verb':{'id':'http://adlnet.gov/expapi/verbs/completed','display':{'vi':'đã hoàn thành'}}";
    static final String OBJECT = "'object':{'id':'https://hoctap.sonla.gov.vn/courses/ky-nang-so'}";

    static JsonNode json(String relaxed) {
        return XapiJson.parse(relaxed.replace('\'', '"').getBytes(StandardCharsets.UTF_8));
    }

    static String statement(String... extra) {
        StringBuilder s = new StringBuilder("{" + ACTOR + "," + VERB + "," + OBJECT);
        for (String e : extra) {
            s.append(',').append(e);
        }
        return s.append('}').toString();
    }

    static JsonNode valid(XapiVersion version, String relaxed) {
        JsonNode s = json(relaxed);
        new StatementValidator(version).validate(s);
        return s;
    }

    static void ok(String relaxed) {
        assertDoesNotThrow(() -> valid(XapiVersion.V2_0_0, relaxed), relaxed);
    }

    static void bad(String relaxed) {
        XapiException e = assertThrows(XapiException.class, () -> valid(XapiVersion.V2_0_0, relaxed), relaxed);
        assertEquals(400, e.status());
    }

    @Test
    void aPlainStatementPasses() {
        ok(statement());
        ok("{" + ACTOR + "," + VERB + ",'object':{'objectType':'Activity','id':'urn:uuid:1d2f'}}");
    }

    @Test
    void actorVerbAndObjectAreRequired() {
        bad("{" + VERB + "," + OBJECT + "}");
        bad("{" + ACTOR + "," + OBJECT + "}");
        bad("{" + ACTOR + "," + VERB + "}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"'dummy':'dummy'", "'Version':'2.0.0'", "'timeStamp':'2026-01-01T00:00:00Z'",
            "'attachmentS':[]", "'objectType':'Statement'"})
    void unknownOrMiscasedPropertiesAreRefused(String extra) {
        bad(statement(extra));
    }

    @Test
    void nullIsRefusedExceptInsideExtensions() {
        bad("{'actor':{'mbox':'mailto:a@b.vn','name':null}," + VERB + "," + OBJECT + "}");
        bad(statement("'context':{'registration':null}"));
        ok(statement("'result':{'extensions':{'http://example.com/null':null}}"));
        ok(statement("'context':{'extensions':{'http://example.com/x':{},'http://example.com/y':''}}"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"12345", "{}", "'AA97B177-9383-4934-8543-0F91A7A028368'", "'MA97B177-9383-4934-8543-0F91A7A02836'",
            "'936bdb26-8a1b-4c52-9d7e'"})
    void idMustBeAUuid(String id) {
        bad(statement("'id':" + id));
    }

    @Test
    void uuidsInAnyCaseAreFine() {
        ok(statement("'id':'AA97B177-9383-4934-8543-0F91A7A02836'"));
        ok(statement("'id':'936bdb26-8a1b-4c52-9d7e-4f3c2f0e5a11'"));
    }

    @Test
    void anAgentHasExactlyOneIdentifier() {
        bad("{'actor':{'name':'no id'}," + VERB + "," + OBJECT + "}");
        bad("{'actor':{'mbox':'mailto:a@b.vn','openid':'http://openid.example/a'}," + VERB + "," + OBJECT + "}");
        bad("{'actor':{'mbox':'mailto:a@b.vn','account':{'homePage':'https://x.vn','name':'a'}}," + VERB + "," + OBJECT + "}");
        ok("{'actor':{'mbox_sha1sum':'ebd31e95054c018b10727ccffd2ef2ec3a016ee9'}," + VERB + "," + OBJECT + "}");
        ok("{'actor':{'openid':'http://openid.example/a'}," + VERB + "," + OBJECT + "}");
        ok("{'actor':{'account':{'homePage':'https://hoctap.sonla.gov.vn','name':'42'}}," + VERB + "," + OBJECT + "}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"'mbox':'mailto:should.fail.com'", "'mbox':'http://should.fail.com'",
            "'mbox_sha1sum':{}", "'mbox_sha1sum':'not-hex'", "'openid':'ab=c://should.fail.com'",
            "'openid':'open.id.com/testUser'", "'account':{'homePage':'homePage.com/testUser','name':'a'}",
            "'account':{'name':'a'}", "'account':{'homePage':'https://x.vn','name':{}}",
            "'account':{'homePage':'https://x.vn'}", "'account':{'homePage':'https://x.vn','name':'a','extra':1}",
            "'objectType':'agent','mbox':'mailto:a@b.vn'", "'objectType':1,'mbox':'mailto:a@b.vn'"})
    void identifiersAreWellFormed(String agent) {
        bad("{'actor':{" + agent + "}," + VERB + "," + OBJECT + "}");
    }

    @Test
    void groups() {
        String anonymous = "{'objectType':'Group','member':[{'mbox':'mailto:a@b.vn'},{'objectType':'Agent','openid':'http://o.vn/x'}]}";
        ok("{'actor':" + anonymous + "," + VERB + "," + OBJECT + "}");
        ok("{'actor':{'objectType':'Group','name':'Tổ 3','mbox':'mailto:to3@b.vn'}," + VERB + "," + OBJECT + "}");
        bad("{'actor':{'objectType':'Group'}," + VERB + "," + OBJECT + "}");
        bad("{'actor':{'objectType':'Group','member':{'mbox':'mailto:a@b.vn'}}," + VERB + "," + OBJECT + "}");
        bad("{'actor':{'objectType':'Group','member':[" + anonymous + "]}," + VERB + "," + OBJECT + "}");
        bad("{'actor':{'objectType':'Group','mbox':'mailto:g@b.vn','openid':'http://o.vn/g'}," + VERB + "," + OBJECT + "}");
    }

    @Test
    void verbs() {
        bad("{" + ACTOR + ",'verb':{'display':{'vi':'x'}}," + OBJECT + "}");
        bad("{" + ACTOR + ",'verb':{'id':'should fail'}," + OBJECT + "}");
        bad("{" + ACTOR + ",'verb':{'id':'http://x.vn/v','display':{}}," + OBJECT + "}");
        bad("{" + ACTOR + ",'verb':{'id':'http://x.vn/v','display':'done'}," + OBJECT + "}");
        bad("{" + ACTOR + ",'verb':{'id':'http://x.vn/v','display':{'something':'x'}}," + OBJECT + "}");
        ok("{" + ACTOR + ",'verb':{'id':'http://x.vn/v'}," + OBJECT + "}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"de", "de-DE", "zh-Hant", "sr-Latn-RS", "cmn", "es-MX", "zh-Hans-CN", "ase", "tlh", "vi",
            "vi-VN", "en-GB", "x-private", "en-US-x-twain"})
    void wellFormedLanguageTags(String tag) {
        assertTrue(Formats.isLanguageTag(tag), tag);
    }

    @ParameterizedTest
    @ValueSource(strings = {"something", "a12345", "zh-z-aaa-z-bbb-c-ccc", "", "en_US", "-en"})
    void malformedLanguageTags(String tag) {
        assertTrue(!Formats.isLanguageTag(tag), tag);
    }

    @Test
    void objectTypesAreExactAndAgentObjectsNameTheirType() {
        for (String t : new String[]{"activity", "agent", "group", "statementref", "substatement", "Should fail"}) {
            bad("{" + ACTOR + "," + VERB + ",'object':{'objectType':'" + t + "','id':'http://x.vn/a'}}");
        }
        bad("{" + ACTOR + "," + VERB + ",'object':{'mbox':'mailto:a@b.vn'}}");
        ok("{" + ACTOR + "," + VERB + ",'object':{'objectType':'Agent','mbox':'mailto:a@b.vn'}}");
        bad("{" + ACTOR + "," + VERB + ",'object':{'objectType':'StatementRef','id':'nope'}}");
        bad("{" + ACTOR + "," + VERB + ",'object':{'objectType':'StatementRef'}}");
        ok("{" + ACTOR + "," + VERB + ",'object':{'objectType':'StatementRef','id':'936bdb26-8a1b-4c52-9d7e-4f3c2f0e5a11'}}");
    }

    @Test
    void subStatements() {
        String sub = "{'objectType':'SubStatement'," + ACTOR + "," + VERB + "," + OBJECT;
        ok("{" + ACTOR + "," + VERB + ",'object':" + sub + "}}");
        ok("{" + ACTOR + "," + VERB + ",'object':" + sub + ",'timestamp':'2099-01-01T00:00:00Z'}}");
        for (String forbidden : new String[]{"'id':'936bdb26-8a1b-4c52-9d7e-4f3c2f0e5a11'",
                "'stored':'2026-01-01T00:00:00Z'", "'version':'2.0.0'",
                "'authority':{'mbox':'mailto:a@b.vn'}"}) {
            bad("{" + ACTOR + "," + VERB + ",'object':" + sub + "," + forbidden + "}}");
        }
        bad("{" + ACTOR + "," + VERB + ",'object':{'objectType':'SubStatement'," + ACTOR + "," + VERB + ",'object':" + sub + "}}}");
        bad("{" + ACTOR + "," + VERB + ",'object':{'objectType':'SubStatement'," + ACTOR + "," + OBJECT + "}}");
    }

    @Test
    void activityDefinitionsAndInteractions() {
        ok(statement().replace(OBJECT, "'object':{'id':'http://x.vn/q1','definition':{'name':{'vi':'Câu 1'},"
                + "'type':'http://adlnet.gov/expapi/activities/cmi.interaction','interactionType':'choice',"
                + "'correctResponsesPattern':['a'],'choices':[{'id':'a','description':{'vi':'Có'}},{'id':'b'}]}}"));
        bad(statement().replace(OBJECT, "'object':{'id':'http://x.vn/q1','definition':{'choices':[{'id':'a'}]}}"));
        bad(statement().replace(OBJECT, "'object':{'id':'http://x.vn/q1','definition':{'interactionType':'choiCe'}}"));
        bad(statement().replace(OBJECT, "'object':{'id':'http://x.vn/q1','definition':{'interactionType':'choice',"
                + "'choices':[{'id':'a'},{'id':'a'}]}}"));
        bad(statement().replace(OBJECT, "'object':{'id':'http://x.vn/q1','definition':{'type':'should error'}}"));
        bad(statement().replace(OBJECT, "'object':{'id':'http://x.vn/q1','definition':{'extensions':{'should fail':1}}}"));
        bad(statement().replace(OBJECT, "'object':{'id':'http://x.vn/q1','definition':'text'}"));
        bad(statement().replace(OBJECT, "'object':{'definition':{'name':{'vi':'x'}}}"));
    }

    @Test
    void resultsAndScores() {
        ok(statement("'result':{'score':{'scaled':-1.0000,'raw':12.125,'min':0.12,'max':45.45},'success':true,"
                + "'completion':false,'response':'a','duration':'P1DT12H36M0.12567S'}"));
        bad(statement("'result':{'score':{'scaled':1.01}}"));
        bad(statement("'result':{'score':{'scaled':-1.00001}}"));
        bad(statement("'result':{'score':{'raw':50,'max':45}}"));
        bad(statement("'result':{'score':{'raw':-1,'min':0}}"));
        bad(statement("'result':{'score':{'min':5,'max':5}}"));
        bad(statement("'result':{'score':{'max':'100'}}"));
        bad(statement("'result':{'success':'true'}"));
        bad(statement("'result':{'completion':'false'}"));
        bad(statement("'result':{'response':12}"));
        bad(statement("'result':{'score':12}"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"PT1H0M0.1S", "PT4H35M59.14S", "PT16559.14S", "P3Y1M29DT4H35M59.14S", "P3Y", "P4W",
            "P1DT12H36M0.12567S", "PT0S"})
    void durations(String d) {
        assertTrue(Formats.isDuration(d), d);
    }

    @ParameterizedTest
    @ValueSource(strings = {"should fail", "PA1H0M0S", "P4W1D", "P", "PT", "P0003-06-04T12:30:05", "1H"})
    void notDurations(String d) {
        assertTrue(!Formats.isDuration(d), d);
    }

    @Test
    void timestampsBecomeUtcAndUnknownOffsetsAreRefused() {
        JsonNode s = valid(XapiVersion.V2_0_0, statement("'timestamp':'2023-05-04T12:00:00-05:00'"));
        assertEquals("2023-05-04T17:00:00.000Z", s.get("timestamp").asText());
        ok(statement("'timestamp':'2008-09-15 15:53:00.601+00:00'"));
        ok(statement("'timestamp':'2099-09-15T15:53:00.601Z'"));
        for (String t : new String[]{"should fail", "01/011/2015", "2008-09-15T15:53:00.601-00",
                "2008-09-15T15:53:00.601-0000", "2008-09-15T15:53:00.601-00:00", "2026-02-30T00:00:00Z"}) {
            bad(statement("'timestamp':'" + t + "'"));
        }
    }

    @Test
    void statementVersions() {
        ok(statement("'version':'2.0.0'"));
        ok(statement("'version':'1.0'"));
        ok(statement("'version':'1.0.9'"));
        bad(statement("'version':'0.9.9'"));
        bad(statement("'version':'1.1.0'"));
        bad(statement("'version':'should fail'"));
        assertThrows(XapiException.class, () -> valid(XapiVersion.V1_0_3, statement("'version':'2.0.0'")));
    }

    @Test
    void contexts() {
        ok(statement("'context':{'registration':'936bdb26-8a1b-4c52-9d7e-4f3c2f0e5a11','revision':'2',"
                + "'platform':'hoctap','language':'vi-VN','statement':{'objectType':'StatementRef',"
                + "'id':'936bdb26-8a1b-4c52-9d7e-4f3c2f0e5a11'},'instructor':{'mbox':'mailto:gv@b.vn'},"
                + "'team':{'objectType':'Group','mbox':'mailto:to@b.vn'}}"));
        bad(statement("'context':{'team':{'mbox':'mailto:to@b.vn'}}"));
        bad(statement("'context':{'instructor':'Cô Mai'}"));
        bad(statement("'context':{'language':'something'}"));
        bad(statement("'context':{'contextActivities':{'parents':[]}}"));
        bad(statement("'context':{'contextActivities':{'parent':[{'key':'should fail'}]}}"));
        bad("{" + ACTOR + "," + VERB + ",'object':{'objectType':'Agent','mbox':'mailto:b@b.vn'},'context':{'platform':'x'}}");
        bad("{" + ACTOR + "," + VERB + ",'object':{'objectType':'StatementRef','id':'936bdb26-8a1b-4c52-9d7e-4f3c2f0e5a11'},"
                + "'context':{'revision':'1'}}");
    }

    @Test
    void contextActivitiesAlwaysComeBackAsArrays() {
        JsonNode s = valid(XapiVersion.V2_0_0, statement(
                "'context':{'contextActivities':{'parent':{'id':'http://x.vn/course'},'category':[{'id':'http://x.vn/c'}]}}"));
        assertTrue(s.at("/context/contextActivities/parent").isArray());
        assertEquals("http://x.vn/course", s.at("/context/contextActivities/parent/0/id").asText());
    }

    @Test
    void contextAgentsAndGroupsAreTwoPointZeroOnly() {
        String agents = "'context':{'contextAgents':[{'objectType':'contextAgent','agent':{'mbox':'mailto:gv@b.vn'},"
                + "'relevantTypes':['https://w3id.org/xapi/cmi5/activitytype/block']}],"
                + "'contextGroups':[{'objectType':'contextGroup','group':{'objectType':'Group','mbox':'mailto:g@b.vn',"
                + "'member':[{'mbox':'mailto:gv@b.vn'}]}}]}";
        ok(statement(agents));
        assertThrows(XapiException.class, () -> valid(XapiVersion.V1_0_3, statement(agents)));
        bad(statement("'context':{'contextAgents':[{'objectType':'contextagent','agent':{'mbox':'mailto:gv@b.vn'}}]}"));
        bad(statement("'context':{'contextAgents':[{'objectType':'contextAgent','agent':{'mbox':'mailto:gv@b.vn'},'relevantTypes':[]}]}"));
        bad(statement("'context':{'contextAgents':[{'objectType':'contextAgent','agent':{'mbox':'mailto:gv@b.vn'},'relevantTypes':['abc']}]}"));
        bad(statement("'context':{'contextGroups':[{'objectType':'contextGroup','group':{'objectType':'Group','mbox':'mailto:g@b.vn'},"
                + "'member':[]}]}"));
    }

    @Test
    void authority() {
        ok(statement("'authority':{'objectType':'Agent','mbox':'mailto:app@b.vn'}"));
        ok(statement("'authority':{'objectType':'Group','member':[{'account':{'homePage':'http://x.vn','name':'app'}},"
                + "{'mbox':'mailto:u@b.vn'}]}"));
        bad(statement("'authority':{'objectType':'Group','member':[{'mbox':'mailto:u@b.vn'}]}"));
        bad(statement("'authority':{'objectType':'Group','mbox':'mailto:g@b.vn','member':[{'mbox':'mailto:u@b.vn'},"
                + "{'mbox':'mailto:v@b.vn'}]}"));
        bad(statement("'authority':{'name':'no id'}"));
    }

    @Test
    void attachments() {
        String a = "{'usageType':'http://id.tincanapi.com/attachment/certificate-of-completion','display':{'vi':'Chứng chỉ'},"
                + "'contentType':'application/pdf','length':1024,'sha2':'"
                + "495395e777cd98da653df9615d09c0fd6bb2f8d4788394cd53c56a3bfdcd848a','fileUrl':'https://x.vn/c.pdf'}";
        ok(statement("'attachments':[" + a + "]"));
        bad(statement("'attachments':" + a));
        bad(statement("'attachments':[12345]"));
        bad(statement("'attachments':[" + a.replace("'length':1024", "'length':'1024'") + "]"));
        bad(statement("'attachments':[" + a.replace("'contentType':'application/pdf'", "'contentType':5") + "]"));
        bad(statement("'attachments':[" + a.replace("'fileUrl':'https://x.vn/c.pdf'", "'fileUrl':'should fail'") + "]"));
        bad(statement("'attachments':[" + a.replace("{'vi':'Chứng chỉ'}", "{}") + "]"));
    }

    @Test
    void voidingNeedsAStatementRef() {
        String voided = "'verb':{'id':'http://adlnet.gov/expapi/verbs/voided'}";
        bad("{" + ACTOR + "," + voided + "," + OBJECT + "}");
        ok("{" + ACTOR + "," + voided + ",'object':{'objectType':'StatementRef','id':'936bdb26-8a1b-4c52-9d7e-4f3c2f0e5a11'}}");
    }

    @Test
    void duplicateKeysAreRefusedByTheParser() {
        XapiException e = assertThrows(XapiException.class,
                () -> XapiJson.parse("{\"a\":1,\"a\":2}".getBytes(StandardCharsets.UTF_8)));
        assertEquals(400, e.status());
    }

    @Test
    void numbersKeepTheirExactValue() {
        JsonNode s = valid(XapiVersion.V2_0_0, statement("'result':{'score':{'scaled':0.12123434,'raw':12.125}}"));
        assertTrue(XapiJson.write(s).contains("\"scaled\":0.12123434,\"raw\":12.125"));
    }

    @Test
    void agentParameters() {
        StatementValidator v = new StatementValidator(XapiVersion.V2_0_0);
        assertDoesNotThrow(() -> v.agentParameter(json("{'objectType':'Group','mbox':'mailto:g@b.vn'}"), "agent"));
        assertThrows(XapiException.class, () -> v.agentParameter(json("{'objectType':'Group','member':[{'mbox':'mailto:a@b.vn'}]}"), "agent"));
        assertThrows(XapiException.class, () -> v.agentParameter(json("{'name':'Rick James','objectType':'Agent'}"), "agent"));
        assertThrows(XapiException.class, () -> v.agentParameter(json("true"), "agent"));
    }

    static ObjectNode object(String relaxed) {
        return (ObjectNode) json(relaxed);
    }
}
