package vn.hoctap.records.api;

import org.junit.jupiter.api.Test;
import vn.hoctap.records.xapi.XapiException;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Query strings and multipart/mixed bodies as xAPI clients really send them. */
class XapiTransportTest {

    @Test
    void queryParametersAreCaseSensitiveSingleAndDecoded() {
        Map<String, String> p = XapiRequest.parseQuery("agent=%7B%22mbox%22%3A%22mailto%3Aa%2Bb%40x.vn%22%7D&verb=http://x.vn/v"
                + "&name=Rick+James");
        assertEquals("{\"mbox\":\"mailto:a+b@x.vn\"}", p.get("agent"));
        assertEquals("http://x.vn/v", p.get("verb"), "unencoded IRIs arrive as they are");
        assertEquals("Rick James", p.get("name"));
        assertThrows(XapiException.class, () -> XapiRequest.parseQuery("verb=a&verb=b"));
        assertThrows(XapiException.class, () -> XapiRequest.parseQuery("since=%ZZ"));
    }

    @Test
    void anUnencodedOffsetInATimestampSurvives() {
        assertEquals(LocalDateTime.of(2026, 5, 4, 5, 0),
                XapiRequest.timestamp("since", XapiRequest.parseQuery("since=2026-05-04T12:00:00+07:00").get("since")));
        assertThrows(XapiException.class, () -> XapiRequest.timestamp("since", "yesterday"));
    }

    @Test
    void multipartWithAPreambleBareHeadersAndNoFinalLineEnd() {
        String body = "\r\n--b1\r\nContent-Type:application/json\r\n\r\n{\"a\":1}\r\n--b1\r\nContent-Type: text/plain\r\n"
                + "Content-Transfer-Encoding: binary\r\nX-Experience-API-Hash: abc\r\n\r\nhello\r\nworld\r\n--b1--";
        List<Multipart.Part> parts = Multipart.parse(body.getBytes(StandardCharsets.UTF_8), "b1");
        assertEquals(2, parts.size());
        assertEquals("application/json", parts.get(0).header("Content-Type"));
        assertArrayEquals("{\"a\":1}".getBytes(StandardCharsets.UTF_8), parts.get(0).content());
        assertEquals("abc", parts.get(1).header("x-experience-api-hash"));
        assertEquals("hello\r\nworld", new String(parts.get(1).content(), StandardCharsets.UTF_8));
        assertEquals("b1", Multipart.boundary("multipart/mixed; boundary=b1"));
        assertEquals("a b", Multipart.boundary("multipart/mixed; boundary=\"a b\""));
    }

    @Test
    void brokenMultipartIsRefused() {
        assertThrows(XapiException.class, () -> Multipart.boundary("multipart/mixed"));
        assertThrows(XapiException.class, () -> Multipart.parse("{\"a\":1}".getBytes(StandardCharsets.UTF_8), "b1"));
        assertThrows(XapiException.class, () -> Multipart.parse("--b1\r\nContent-Type: application/json\r\n\r\n{}"
                .getBytes(StandardCharsets.UTF_8), "b1"), "no closing boundary");
    }

    @Test
    void attachmentsAreHashedWithTheDeclaredSha2() {
        assertEquals("2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824",
                StatementsEndpoint.digestHex("hello".getBytes(StandardCharsets.UTF_8), 64));
        assertEquals(128, StatementsEndpoint.digestHex("hello".getBytes(StandardCharsets.UTF_8), 128).length());
    }
}
