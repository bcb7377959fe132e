package cn.chanjiao.application.attachment;

import cn.chanjiao.application.config.ApplicationServiceProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.io.IOException;

/** The filesystem object storage, unless another {@link ObjectStorage} (e.g. S3) is configured. */
@Configuration(proxyBeanMethods = false)
class AttachmentStorageConfiguration {

    @Bean
    @ConditionalOnMissingBean(ObjectStorage.class)
    ObjectStorage fileSystemObjectStorage(ApplicationServiceProperties properties) throws IOException {
        return new FileSystemObjectStorage(properties.attachments().directory());
    }
}
