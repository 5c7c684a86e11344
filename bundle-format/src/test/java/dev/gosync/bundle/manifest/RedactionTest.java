package dev.gosync.bundle.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RedactionTest {

    @ParameterizedTest
    @CsvSource(delimiterString = " => ", value = {
        "https://proxy.example.com => https://proxy.example.com",
        "https://user:secret@proxy.example.com/go => https://proxy.example.com/go",
        "https://ghp_token123@github.com/org/repo.git => https://github.com/org/repo.git",
        "https://gitlab-ci-token:glpat-x@gitlab.example.com => https://gitlab.example.com",
        "https://a:b@c:d@host:8443/p => https://host:8443/p",
        "https://proxy.example.com/go?token=abc&x=1 => https://proxy.example.com/go",
        "https://proxy.example.com/go#access_token=abc => https://proxy.example.com/go",
        "https://u:p@a.example.com,https://b.example.com|direct => https://a.example.com,https://b.example.com|direct",
        "https://a.example.com?sig=1,2,3,https://b.example.com => https://a.example.com,https://b.example.com",
        "direct => direct",
        "off => off",
        "git@github.com:org/repo.git => git@github.com:org/repo.git",
        "file:///srv/goproxy => file:///srv/goproxy",
        "ssh://git@host.example.com/repo => ssh://host.example.com/repo",
    })
    void removesUserInfoQueryAndFragment(String source, String redacted) {
        assertEquals(redacted, Redaction.redact(source));
    }

    @Property(tries = 1000)
    void isIdempotent(@ForAll("sources") String source) {
        String once = Redaction.redact(source);
        assertEquals(once, Redaction.redact(once));
    }

    @Property(tries = 1000)
    void leavesNoSecretOfAUrlWithCredentials(@ForAll("secrets") String secret) {
        String source = "https://user:" + secret + "@proxy.example.com/go?token=" + secret + "#" + secret
                + ",https://" + secret + "@other.example.com|direct";
        assertFalse(Redaction.redact(source).contains(secret), Redaction.redact(source));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "cannot fetch https://ghp_SECRET@host.example/x.git: denied | cannot fetch https://host.example/x.git: denied",
        "see https://me:t0ken@host.example/x?service=git-upload-pack | see https://host.example/x?service=git-upload-pack",
        "https://a@b@host.example/x and http://u:p@h.example | https://host.example/x and http://h.example",
        "mail me@host.example, git@host.example:repo | mail me@host.example, git@host.example:repo",
    })
    void withoutUserInfoRemovesTheWholeUserInfoOfEveryUrlInAText(String text, String redacted) {
        assertEquals(redacted, Redaction.withoutUserInfo(text));
    }

    @Provide
    Arbitrary<String> sources() {
        return Arbitraries.strings().withChars("htps:/@?#,|.abcuser:").ofMaxLength(40);
    }

    @Provide
    Arbitrary<String> secrets() {
        return Arbitraries.strings().withCharRange('A', 'Z').ofMinLength(12).ofMaxLength(20);
    }
}
