package cn.chanjiao.kit.events;

import cn.chanjiao.contracts.EventEnvelope;
import cn.chanjiao.contracts.EventTypes;
import cn.chanjiao.contracts.IntegrationEvent;
import cn.chanjiao.contracts.Topics;
import cn.chanjiao.kit.ServiceKitProperties;
import cn.chanjiao.kit.scheduling.SchedulingAutoConfiguration;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.modulith.events.EventExternalizationConfiguration;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.events.RoutingTarget;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;

/**
 * The transactional outbox, wired once for every service: Spring Modulith's event publication
 * registry stores each {@link IntegrationEvent} in the publishing transaction and externalizes it to
 * Kafka after commit, wrapped in an {@link EventEnvelope}, on the topic its {@code @EventType} names,
 * keyed by its aggregate id. {@link OutboxRelay} resends what Kafka did not acknowledge.
 */
@AutoConfiguration(after = SchedulingAutoConfiguration.class)
@EnableConfigurationProperties(ServiceKitProperties.class)
public class OutboxAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    EventExternalizationConfiguration integrationEventExternalization(
            @Value("${spring.application.name}") String source) {
        return EventExternalizationConfiguration.externalizing()
                .select(event -> event instanceof IntegrationEvent)
                .routeAll(event -> RoutingTarget.forTarget(EventTypes.topicOf(event.getClass()))
                        .andKey(((IntegrationEvent) event).aggregateId()))
                .mapping(event -> EventEnvelope.wrap((IntegrationEvent) event, source))
                .build();
    }

    @Bean
    @ConditionalOnMissingBean
    IntegrationEvents integrationEvents(ApplicationEventPublisher publisher) {
        return new IntegrationEvents(publisher);
    }

    @Bean
    @ConditionalOnMissingBean
    EventTypeCatalog eventTypeCatalog() {
        return new EventTypeCatalog(EventTypes.ALL);
    }

    @Bean
    @ConditionalOnMissingBean
    InboundEvents inboundEvents(JsonMapper json, JdbcTemplate jdbc, TransactionTemplate transactions, Clock clock,
            EventTypeCatalog catalog) {
        return new InboundEvents(json, jdbc, transactions, clock, catalog);
    }

    /** Answers of commands sent with an {@code Idempotency-Key} (table {@code idempotent_request} of the kit's V1). */
    @Bean
    @ConditionalOnMissingBean
    cn.chanjiao.kit.web.IdempotentRequests idempotentRequests(JdbcTemplate jdbc, JsonMapper json) {
        return new cn.chanjiao.kit.web.IdempotentRequests(org.springframework.jdbc.core.simple.JdbcClient.create(jdbc), json);
    }

    @Bean
    OutboxRelay outboxRelay(IncompleteEventPublications incomplete, CompletedEventPublications completed,
            ServiceKitProperties properties, Clock clock) {
        return new OutboxRelay(incomplete, completed, properties, clock);
    }

    @Bean
    EventPublicationsController eventPublicationsController(JdbcTemplate jdbc, OutboxRelay relay, Clock clock) {
        return new EventPublicationsController(jdbc, relay, clock);
    }

    @Bean
    V1__Service_kit serviceKitMigration() {
        return new V1__Service_kit();
    }

    /** The platform's topics, created when missing (partitions and replicas from configuration). */
    @Bean
    KafkaAdmin.NewTopics platformTopics(@Value("${chanjiao.kafka.topic-partitions:3}") int partitions,
            @Value("${chanjiao.kafka.topic-replicas:1}") int replicas) {
        return new KafkaAdmin.NewTopics(Topics.ALL.stream()
                .map(name -> TopicBuilder.name(name).partitions(partitions).replicas(replicas).build())
                .toArray(NewTopic[]::new));
    }
}
