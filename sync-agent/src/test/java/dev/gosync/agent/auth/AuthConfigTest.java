package dev.gosync.agent.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AuthConfigTest {
    @ParameterizedTest(name = "{0}: default {1}, with loopback http {2}")
    @CsvSource({
        "https://p.test/m,          true,  true",
        "HTTPS://p.test/m,          true,  true",
        "http://p.test/m,           false, false",
        "http://127.0.0.1:8080/m,   false, true",
        "http://127.9.8.7/m,        false, true",
        "http://localhost/m,        false, true",
        "http://[::1]:80/m,         false, true",
        "http://128.0.0.1/m,        false, false",
        "http://127.0.0.1.evil/m,   false, false",
        "http://127.0.0.256/m,      false, false",
        "http://0127.0.0.1/m,       false, false",
        "http://[::2]/m,            false, false",
        "file:///srv/m,             false, false",
    })
    void credentialsGoOverHttpsOnlyUnlessLoopbackHttpIsAllowed(String url, boolean byDefault, boolean withLoopback) {
        AuthConfig config = AuthConfig.none();
        assertEquals(byDefault, config.mayAuthenticate(URI.create(url)));
        assertEquals(withLoopback, config.allowingPlainHttpToLoopback().mayAuthenticate(URI.create(url)));
    }
}
