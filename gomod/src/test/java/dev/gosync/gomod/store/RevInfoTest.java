package dev.gosync.gomod.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Reading .info documents as the go command does, and writing them as it caches them. */
class RevInfoTest {
    private static RevInfo parse(String json) {
        return RevInfo.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String cached(String json) {
        return new String(parse(json).toJson(), StandardCharsets.UTF_8);
    }

    @Test
    void readsVersionTimeAndOriginKeepingTheTimeAsReceived() {
        RevInfo info = parse("{\"Version\":\"v1.2.3\",\"Time\":\"2020-01-02T03:04:05.500+05:30\","
                + "\"Origin\":{\"VCS\":\"git\", \"Hash\":\"abc\"}}");
        assertEquals(new RevInfo("v1.2.3", "2020-01-02T03:04:05.500+05:30", "{\"VCS\":\"git\", \"Hash\":\"abc\"}"), info);
    }

    @Test
    void ignoresUnknownFields() {
        assertEquals(new RevInfo("v1.0.0", "2020-01-02T03:04:05Z", null),
                parse("{\"Name\":\"abc\",\"Short\":1,\"Version\":\"v1.0.0\",\"Extra\":[{}],\"Time\":\"2020-01-02T03:04:05Z\"}"));
    }

    @Test
    void matchesKeysCaseInsensitivelyIncludingTheLongS() {
        assertEquals("v1.0.0", parse("{\"VERSION\":\"v0.0.1\",\"ver\u017Fion\":\"v1.0.0\"}").version());
    }

    @Test
    void letsALaterKeyOverrideAndNullKeepTheEarlierValue() {
        RevInfo info = parse("{\"Version\":\"v1.0.0\",\"Version\":\"v1.0.1\",\"Version\":null,"
                + "\"Time\":\"2020-01-02T03:04:05Z\",\"Time\":null}");
        assertEquals("v1.0.1", info.version());
        assertEquals("2020-01-02T03:04:05Z", info.time());
    }

    @Test
    void givesGosZeroTimeWhenTimeIsMissing() {
        assertEquals("0001-01-01T00:00:00Z", parse("{\"Version\":\"v1.0.0\"}").time());
    }

    @Test
    void mergesRepeatedOriginObjectsSinceTheLastNull() {
        RevInfo info = parse("{\"Version\":\"v1.0.0\",\"Origin\":{\"URL\":\"old\"},\"Origin\":null,"
                + "\"Origin\":{\"VCS\":\"git\",\"URL\":\"a\"},\"Origin\":{\"URL\":\"b\"}}");
        assertEquals("{\"VCS\":\"git\",\"URL\":\"a\",\"URL\":\"b\"}", info.origin());
        assertEquals("{\"Version\":\"v1.0.0\",\"Time\":\"0001-01-01T00:00:00Z\",\"Origin\":{\"VCS\":\"git\",\"URL\":\"b\"}}",
                new String(info.toJson(), StandardCharsets.UTF_8));
    }

    @Test
    void nullOriginIsNoOrigin() {
        assertNull(parse("{\"Version\":\"v1.0.0\",\"Origin\":null}").origin());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "null", "{\"Version\":\"\"}", "{\"Version\":null}", "[]", "\"v1.0.0\"",
            "{\"Version\":1}", "{\"Version\":[\"v1.0.0\"]}", "{\"Version\":\"v1.0.0\",\"Time\":1}",
            "{\"Version\":\"v1.0.0\",\"Time\":\"yesterday\"}", "{\"Version\":\"v1.0.0\",\"Time\":\"2020\\u002d01-02T03:04:05Z\"}",
            "{\"Version\":\"v1.0.0\",\"Origin\":\"git\"}", "{\"Version\":\"v1.0.0\",\"Origin\":{\"vcs\":true}}",
            "{\"Version\":\"v1.0.0\",\"Time\":\"2020-01-02T03:04:05+24:00\"}", "{\"Version\":\"v1.0.0\",}"})
    void rejectsWhatTheGoCommandRejects(String json) {
        InvalidInfoException e = assertThrows(InvalidInfoException.class, () -> parse(json));
        assertTrue(e.getMessage().startsWith(".info: invalid revision info: "), e.getMessage());
    }

    @Test
    void namesTheSourceInErrors() {
        InvalidInfoException e = assertThrows(InvalidInfoException.class,
                () -> RevInfo.parse("{".getBytes(StandardCharsets.UTF_8), "example.com/m@v1.0.0 (x/@v/v1.0.0.info)"));
        assertTrue(e.getMessage().startsWith("example.com/m@v1.0.0 (x/@v/v1.0.0.info): invalid revision info: invalid JSON at byte 1"),
                e.getMessage());
    }

    @Test
    void rejectsDocumentsLargerThanTheLimit() {
        byte[] big = ("{\"Version\":\"v1.0.0\",\"x\":\"" + "a".repeat(RevInfo.MAX_BYTES) + "\"}").getBytes(StandardCharsets.UTF_8);
        InvalidInfoException e = assertThrows(InvalidInfoException.class, () -> RevInfo.parse(big));
        assertTrue(e.getMessage().contains("larger than"), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "2020-01-02T03:04:05Z | 2020-01-02T03:04:05Z",
            "2020-01-02T03:04:05.120000000+05:30 | 2020-01-02T03:04:05.12+05:30",
            "2020-01-02T03:04:05.000Z | 2020-01-02T03:04:05Z",
            "2020-01-02T03:04:05.1234567891234Z | 2020-01-02T03:04:05.123456789Z",
            "2020-01-02T03:04:05+00:00 | 2020-01-02T03:04:05Z",
            "2020-01-02T03:04:05-00:00 | 2020-01-02T03:04:05Z",
            "2020-01-02T3:04:05,5-07:00 | 2020-01-02T03:04:05.5-07:00",
            "2020-01-02T03:04:05+01:60 | 2020-01-02T03:04:05+02:00",
            "2020-01-02T03:04:05-23:59 | 2020-01-02T03:04:05-23:59",
            "0000-02-29T00:00:00Z | 0000-02-29T00:00:00Z"})
    void writesTheTimeAsGoReformatsIt(String received, String written) {
        assertEquals("{\"Version\":\"v1.0.0\",\"Time\":\"" + written + "\"}",
                cached("{\"Version\":\"v1.0.0\",\"Time\":\"" + received + "\"}"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2020-01-02T03:04:05", "2020-01-02t03:04:05Z", "2020-01-02T03:04:05z", "2020-02-30T03:04:05Z",
            "2021-02-29T00:00:00Z", "2020-01-02T24:00:00Z", "2020-01-02T03:04:60Z", "2020-01-02 03:04:05Z",
            "2020-1-02T03:04:05Z", "20200-01-02T03:04:05Z", "2020-01-02T03:04:05+0100", "2020-01-02T03:04:05+01:00:00",
            "2020-01-02T03:04:05.Z", "2020-01-02T03:04:05+25:00", "2020-01-02T03:04:05+01:61", "+020-01-02T03:04:05Z"})
    void rejectsTimesGoCannotRead(String time) {
        assertThrows(InvalidInfoException.class, () -> new RevInfo("v1.0.0", time, null));
    }

    @Test
    void keepsOnlyTheOriginFieldsACachedVersionNeeds() {
        String origin = "{\"VCS\":\"git\",\"URL\":\"https://x/r?a=1&b=<2>\",\"Subdir\":\"sub\",\"Hash\":\"abc\","
                + "\"TagPrefix\":\"sub/\",\"TagSum\":\"t1:x\",\"Ref\":\"refs/tags/sub/v1.0.0\",\"RepoSum\":\"r1:y\",\"Other\":1}";
        assertEquals("{\"Version\":\"v1.0.0\",\"Time\":\"0001-01-01T00:00:00Z\",\"Origin\":{\"VCS\":\"git\","
                        + "\"URL\":\"https://x/r?a=1\\u0026b=\\u003c2\\u003e\",\"Subdir\":\"sub\",\"Hash\":\"abc\","
                        + "\"Ref\":\"refs/tags/sub/v1.0.0\"}}",
                new String(new RevInfo("v1.0.0", "0001-01-01T00:00:00Z", origin).toJson(), StandardCharsets.UTF_8));
    }

    @Test
    void dropsTheRefOfAPseudoVersion() {
        String version = "v0.0.0-20200102030405-abcdefabcdef";
        assertEquals("{\"Version\":\"" + version + "\",\"Time\":\"2020-01-02T03:04:05Z\",\"Origin\":{\"Hash\":\"h\"}}",
                new String(new RevInfo(version, "2020-01-02T03:04:05Z", "{\"Ref\":\"refs/heads/main\",\"Hash\":\"h\"}")
                        .toJson(), StandardCharsets.UTF_8));
    }

    @Test
    void writesAnEmptyOriginAsAnEmptyObject() {
        assertEquals("{\"Version\":\"v1.0.0\",\"Time\":\"0001-01-01T00:00:00Z\",\"Origin\":{}}",
                cached("{\"Version\":\"v1.0.0\",\"Origin\":{\"TagSum\":\"t\",\"Unknown\":\"u\"}}"));
    }

    @Test
    void writesCompactJsonWithoutATrailingNewline() {
        byte[] json = parse("{ \"Version\" : \"v1.0.0\" ,\n \"Time\" : \"2020-01-02T03:04:05Z\" }\n").toJson();
        assertEquals("{\"Version\":\"v1.0.0\",\"Time\":\"2020-01-02T03:04:05Z\"}", new String(json, StandardCharsets.UTF_8));
    }

    @Test
    void readsBackWhatItWrites() {
        RevInfo info = parse("{\"Version\":\"v1.0.0\",\"Time\":\"2020-01-02T03:04:05.5+01:00\",\"Origin\":{\"URL\":\"<\u2028>\"}}");
        RevInfo again = RevInfo.parse(info.toJson());
        assertEquals(new String(info.toJson(), StandardCharsets.UTF_8), new String(again.toJson(), StandardCharsets.UTF_8));
    }

    @Test
    void givesTheInstantOfTheTimeInItsZone() {
        assertEquals(Instant.parse("2020-01-01T21:34:05.5Z"),
                new RevInfo("v1.0.0", "2020-01-02T03:04:05.5+05:30", null).instant());
        assertEquals(Instant.parse("2020-01-03T03:03:05Z"),
                new RevInfo("v1.0.0", "2020-01-02T03:04:05-23:59", null).instant());
    }

    @Test
    void refusesAnEmptyVersionOrAnOriginThatIsNoObject() {
        assertThrows(InvalidInfoException.class, () -> new RevInfo("", "2020-01-02T03:04:05Z", null));
        assertThrows(InvalidInfoException.class, () -> new RevInfo("v1.0.0", "2020-01-02T03:04:05Z", "[]"));
        assertThrows(InvalidInfoException.class, () -> new RevInfo("v1.0.0", "2020-01-02T03:04:05Z", "{\"URL\":1}"));
    }
}
