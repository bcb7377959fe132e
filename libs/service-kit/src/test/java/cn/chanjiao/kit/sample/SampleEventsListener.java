package cn.chanjiao.kit.sample;

import cn.chanjiao.contracts.EventTypes;
import cn.chanjiao.contracts.IntegrationEvent;
import cn.chanjiao.contracts.Topics;
import cn.chanjiao.kit.events.EventTypeCatalog;
import cn.chanjiao.kit.events.InboundEvents;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/** Consumes the sample events idempotently, as every listener of the platform does. */
@Component
class SampleEventsListener {

    static final String NAME = "kit-sample-listener";

    private final InboundEvents inbound;
    private final JdbcTemplate jdbc;

    SampleEventsListener(InboundEvents inbound, JdbcTemplate jdbc) {
        this.inbound = inbound;
        this.jdbc = jdbc;
    }

    @KafkaListener(topics = Topics.NOTIFICATION, groupId = NAME)
    void on(ConsumerRecord<String, byte[]> record) {
        inbound.applyOnce(NAME, record.value(), event -> {
            if (event instanceof SampleRaised raised) {
                jdbc.update("insert into sample_seen (note_id) values (?)", raised.noteId());
            }
        });
    }

    @Configuration
    static class Catalog {

        @Bean
        EventTypeCatalog eventTypeCatalog() {
            List<Class<? extends IntegrationEvent>> types = new ArrayList<>(EventTypes.ALL);
            types.add(SampleRaised.class);
            return new EventTypeCatalog(types);
        }
    }
}
