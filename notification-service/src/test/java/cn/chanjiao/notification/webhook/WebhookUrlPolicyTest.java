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
    void refusesEveryNonCanonicalFormOfAnIpv4Address() {
        for (String url : List.of("http://0177.0.0.1/", "http://0177.0.0.01/x", "http://0x7f.0.0.1/x", "http://0x7f000001/x",
                "http://2130706433/x", "http://017700000001/x", "http://127.1/x", "http://127.0.1/x", "http://10.1/x",
                "http://8.8.8.010/x", "http://08.8.8.8/x", "http://203.0.113.10./x", "http://1.2.3.4.5/x",
                "http://256.1.1.1/x", "http://0x/x", "http://host.example.0x1/x", "http://3405803786/x")) {
            assertThatThrownBy(() -> policy.check(url)).as(url).isInstanceOfSatisfying(ApiException.class,
                    e -> assertThat(e.getDetailMessageCode()).isEqualTo("notification.webhook.url-refused.non-canonical-address"));
        }
        assertThat(WebhookUrlPolicy.isNameOrCanonicalIpv4("203.0.113.10")).isTrue();
        assertThat(WebhookUrlPolicy.isNameOrCanonicalIpv4("hooks.example.cn")).isTrue();
        assertThat(WebhookUrlPolicy.isNameOrCanonicalIpv4("1password.example.cn")).isTrue();
    }

    @Test
    void refusesANameTheResolverAnswersWithALoopbackPrivateOrMetadataAddress() throws Exception {
        for (String address : List.of("127.0.0.1", "10.0.0.8", "169.254.169.254", "100.100.100.200", "::1",
                "::ffff:127.0.0.1", "::127.0.0.1", "64:ff9b::a9fe:a9fe", "2002:7f00:1::", "fd00:ec2::254", "192.0.0.8")) {
            InetAddress resolved = InetAddress.getByName(address);
            WebhookUrlPolicy rebinding = policy(List.of(), host -> List.of(InetAddress.getByName("203.0.113.7"), resolved));

            assertThatThrownBy(() -> rebinding.check("https://hooks.example.cn/x")).as(address)
                    .isInstanceOfSatisfying(ApiException.class,
                            e -> assertThat(e.getDetailMessageCode()).isEqualTo("notification.webhook.url-refused.private-address"));
            assertThatThrownBy(() -> rebinding.addresses("hooks.example.cn")).as(address)
                    .isInstanceOf(WebhookUrlPolicy.RefusedAddressException.class)
                    .hasMessageContaining(resolved.getHostAddress());
        }
        WebhookUrlPolicy honest = policy(List.of(), host -> List.of(InetAddress.getByName("203.0.113.7")));
        assertThat(honest.check("https://hooks.example.cn/x").getHost()).isEqualTo("hooks.example.cn");
        assertThat(honest.addresses("hooks.example.cn")).extracting(InetAddress::getHostAddress).containsExactly("203.0.113.7");
    }

    @Test
    void aNameTheResolverDoesNotKnowIsUnresolvable() {
        WebhookUrlPolicy nowhere = policy(List.of(), host -> {
            throw new java.net.UnknownHostException(host);
        });

        assertThatThrownBy(() -> nowhere.check("https://nowhere.example.cn/x")).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.getDetailMessageCode()).isEqualTo("notification.webhook.url-refused.unresolvable"));
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
        return policy(allowed, host -> List.of(InetAddress.getAllByName(host)));
    }

    private static WebhookUrlPolicy policy(List<String> allowed, HostResolver resolver) {
        return new WebhookUrlPolicy(new NotificationServiceProperties("http://fe", "zh-CN", Set.of(), Duration.ofSeconds(5),
                null, null, null, new NotificationServiceProperties.Webhooks(3, Duration.ofSeconds(1), Duration.ofSeconds(1),
                        Duration.ofMinutes(1), allowed, List.of("authorityCode")), null, "x@y", Map.of()), resolver);
    }
}
