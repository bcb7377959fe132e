package cn.chanjiao.notification.webhook;

import cn.chanjiao.kit.web.ApiException;
import cn.chanjiao.notification.config.NotificationServiceProperties;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebhookUrlPolicyTest {

    private final WebhookUrlPolicy policy = policy(List.of());

    @Test
    void refusesSchemesOtherThanHttpAndHttps() {
        for (String url : List.of("ftp://example.cn/x", "file:///etc/passwd", "gopher://example.cn", "example.cn/x")) {
            assertThatThrownBy(() -> policy.check(url)).as(url).isInstanceOf(ApiException.class);
        }
    }

    @Test
    void refusesLoopbackPrivateLinkLocalAndReservedAddresses() {
        for (String url : List.of("http://127.0.0.1/x", "http://localhost/x", "https://10.0.0.8/x", "http://172.16.3.4/x",
                "http://192.168.1.1/x", "http://169.254.169.254/latest/meta-data", "http://100.64.0.1/x", "http://0.0.0.0/x",
                "http://[::1]/x", "http://[fd00::1]/x", "http://user:pw@203.0.113.1/x")) {
            assertThatThrownBy(() -> policy.check(url)).as(url).isInstanceOf(ApiException.class);
        }
    }

    @Test
    void acceptsPublicAddressesAndHostsTheConfigurationAllows() throws Exception {
        assertThat(policy.check("https://203.0.113.10/hooks/chanjiao").getHost()).isEqualTo("203.0.113.10");
        assertThat(WebhookUrlPolicy.isPublic(InetAddress.getByName("8.8.8.8"))).isTrue();
        assertThat(policy(List.of("127.0.0.1")).check("http://127.0.0.1:8089/hook").getPort()).isEqualTo(8089);
    }

    @Test
    void signsTimestampDotBodyWithHmacSha256() {
        assertThat(WebhookSignature.sign("secret", 1700000000L, "{}"))
                .isEqualTo("sha256=" + hex(hmac("secret", "1700000000.{}")));
    }

    private static byte[] hmac(String key, String data) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(key.getBytes(), "HmacSHA256"));
            return mac.doFinal(data.getBytes());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hex(byte[] bytes) {
        return java.util.HexFormat.of().formatHex(bytes);
    }

    private static WebhookUrlPolicy policy(List<String> allowed) {
        return new WebhookUrlPolicy(new NotificationServiceProperties("http://fe", "zh-CN", Set.of(), Duration.ofSeconds(5),
                null, null, null, new NotificationServiceProperties.Webhooks(3, Duration.ofSeconds(1), Duration.ofSeconds(1),
                        Duration.ofMinutes(1), allowed, List.of("authorityCode")), null, "x@y", Map.of()));
    }
}
