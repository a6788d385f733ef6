package kz.qorgau.common;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class HttpEdgesTest {

    @Test
    void oneHostHeaderNamingAHostAndAtMostAPort() {
        for (String host : List.of("api.qorgau.kz", "127.0.0.1:8080", "[::1]:8080", "[2001:db8::1]", "a-b.kz")) {
            assertTrue(HttpEdges.acceptableHost(List.of(host)), host);
        }
        for (String host : List.of("a b", "", "evil.com:8080/../x", "127.0.0.1:8080@evil.com", "x:123456", "[::1")) {
            assertFalse(HttpEdges.acceptableHost(List.of(host)), host);
        }
        assertFalse(HttpEdges.acceptableHost(List.of()));
        assertFalse(HttpEdges.acceptableHost(List.of("a.kz", "b.kz")));
    }
}
