package cn.chanjiao.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

class ProblemErrorHandlerTest {

    @Test
    void aServiceThatCannotBeReachedOrDiesWhileAnsweringIsABadGatewayNotAnInternalError() {
        assertThat(ProblemErrorHandler.statusOf(new RuntimeException(new ConnectException("refused"))))
                .isEqualTo(HttpStatus.BAD_GATEWAY);
        // what reactor-netty raises when an instance is killed mid-response (PrematureCloseException is an IOException)
        assertThat(ProblemErrorHandler.statusOf(new IOException("Connection prematurely closed BEFORE response")))
                .isEqualTo(HttpStatus.BAD_GATEWAY);
        assertThat(ProblemErrorHandler.statusOf(new IllegalStateException(new IOException("Connection reset by peer"))))
                .isEqualTo(HttpStatus.BAD_GATEWAY);
    }

    @Test
    void timeoutsAreGatewayTimeoutsAndStatusExceptionsKeepTheirStatus() {
        assertThat(ProblemErrorHandler.statusOf(new RuntimeException(new TimeoutException()))).isEqualTo(HttpStatus.GATEWAY_TIMEOUT);
        assertThat(ProblemErrorHandler.statusOf(new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE)))
                .isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(ProblemErrorHandler.statusOf(new IllegalArgumentException("a bug of ours")))
                .isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
    }
}
