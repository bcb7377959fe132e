package cn.chanjiao.kit.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class VerifiedTokensTest {

    @Test
    void aVerifiedTokenIsTakenFromMemoryUntilItExpiresAndOnlyForTheSameString() {
        AtomicInteger decoded = new AtomicInteger();
        Instant expiresAt = Instant.now().plusSeconds(300);
        JwtDecoder delegate = token -> {
            decoded.incrementAndGet();
            return Jwt.withTokenValue(token).header("alg", "RS256").subject("user")
                    .issuedAt(Instant.now().minusSeconds(1)).expiresAt(token.startsWith("old") ? Instant.now().minusSeconds(1) : expiresAt)
                    .build();
        };
        VerifiedTokens.CachingJwtDecoder decoder = new VerifiedTokens.CachingJwtDecoder(delegate);
        assertThat(decoder.decode("a.b.c").getSubject()).isEqualTo("user");
        decoder.decode("a.b.c");
        assertThat(decoded).hasValue(1);
        decoder.decode("a.b.d");
        assertThat(decoded).hasValue(2);
        decoder.decode("old.b.c");
        decoder.decode("old.b.c");
        assertThat(decoded).hasValue(4);
    }
}
