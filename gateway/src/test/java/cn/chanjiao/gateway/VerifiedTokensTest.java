package cn.chanjiao.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;

import reactor.core.publisher.Mono;

class VerifiedTokensTest {

    private final AtomicInteger checks = new AtomicInteger();

    private VerifiedTokens.Caching decoderAnswering(Instant expiresAt) {
        return new VerifiedTokens.Caching(token -> {
            checks.incrementAndGet();
            if (token.startsWith("bad")) {
                return Mono.error(new BadJwtException("signature"));
            }
            return Mono.just(Jwt.withTokenValue(token).header("alg", "RS256").subject("u-" + token)
                    .issuedAt(expiresAt.minusSeconds(60)).expiresAt(expiresAt).build());
        });
    }

    @Test
    void aVerifiedTokenIsCheckedOnceWhileItIsValid() {
        VerifiedTokens.Caching decoder = decoderAnswering(Instant.now().plusSeconds(300));

        Jwt first = decoder.decode("good").block();
        Jwt second = decoder.decode("good").block();

        assertThat(second).isSameAs(first);
        assertThat(checks).hasValue(1);
    }

    @Test
    void aRefusedTokenIsNeverRememberedAndAnExpiredOneIsCheckedAgain() {
        VerifiedTokens.Caching expiring = decoderAnswering(Instant.now().minusSeconds(1));

        assertThatThrownBy(() -> expiring.decode("bad-1").block()).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> expiring.decode("bad-1").block()).isInstanceOf(BadJwtException.class);
        expiring.decode("stale").block();
        expiring.decode("stale").block();

        assertThat(checks).hasValue(4);
    }
}
