package cn.chanjiao.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class RequestIdFilterTest {

    @ParameterizedTest(name = "\"{0}\" is kept")
    @ValueSource(strings = {"a", "abc-123", "portal.42_retry-1", "550e8400-e29b-41d4-a716-446655440000",
            "0123456789012345678901234567890123456789012345678901234567890123"})
    void validIncomingIdIsKept(String incoming) {
        assertThat(RequestIdFilter.acceptOrGenerate(incoming)).isEqualTo(incoming);
    }

    @ParameterizedTest(name = "\"{0}\" is replaced by a UUID")
    @NullAndEmptySource
    @ValueSource(strings = {"has space", "line\nbreak", "<script>", "ümlaut", "a/b",
            "01234567890123456789012345678901234567890123456789012345678901234"})
    void missingOrMalformedIdIsReplacedByAUuid(String incoming) {
        String id = RequestIdFilter.acceptOrGenerate(incoming);

        assertThat(id).isNotEqualTo(incoming);
        assertThat(UUID.fromString(id).toString()).isEqualTo(id);
    }
}
