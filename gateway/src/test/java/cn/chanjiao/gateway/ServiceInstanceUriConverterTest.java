package cn.chanjiao.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.springframework.cloud.client.discovery.simple.InstanceProperties;

class ServiceInstanceUriConverterTest {

    private final ServiceInstanceUriConverter converter = new ServiceInstanceUriConverter();

    @Test
    void uriBecomesAnInstanceWithItsHostPortAndScheme() {
        InstanceProperties instance = converter.convert(" https://10.0.0.7:8443 ");

        assertThat(instance.getHost()).isEqualTo("10.0.0.7");
        assertThat(instance.getPort()).isEqualTo(8443);
        assertThat(instance.isSecure()).isTrue();
    }

    @Test
    void uriWithoutAPortIsRefusedWithAClearMessage() {
        assertThatIllegalArgumentException().isThrownBy(() -> converter.convert("http://indicator-service"))
                .withMessageContaining("scheme://host:port");
    }
}
