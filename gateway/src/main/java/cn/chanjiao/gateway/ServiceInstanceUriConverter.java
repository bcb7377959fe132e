package cn.chanjiao.gateway;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.cloud.client.discovery.simple.InstanceProperties;
import org.springframework.core.convert.converter.Converter;
import org.springframework.stereotype.Component;

/**
 * Lets a service's instances be listed as comma-separated URIs, e.g.
 * {@code CHANJIAO_INDICATOR_URIS=http://10.0.0.7:8084,http://10.0.0.8:8084}, besides Spring Cloud's
 * indexed form {@code spring.cloud.discovery.client.simple.instances.indicator-service[1].uri}.
 * The discovery client fills in the service id from the map key.
 */
@Component
@ConfigurationPropertiesBinding
class ServiceInstanceUriConverter implements Converter<String, InstanceProperties> {

    @Override
    public InstanceProperties convert(String source) {
        URI uri = URI.create(source.strip());
        if (uri.getScheme() == null || uri.getHost() == null || uri.getPort() < 0) {
            throw new IllegalArgumentException(
                    "A service instance must be given as scheme://host:port, not '" + source + "'");
        }
        InstanceProperties instance = new InstanceProperties();
        instance.setUri(uri);
        return instance;
    }
}
