package cn.chanjiao.kit.events;

import cn.chanjiao.contracts.IntegrationEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Publishes an event through the transactional outbox: the event is stored with the state change
 * in the same transaction and sent to Kafka after commit, retried until Kafka acknowledges it. An
 * event of a rolled-back transaction is never sent. Publishing outside a transaction is refused,
 * because there the event could be lost.
 */
public class IntegrationEvents {

    private final ApplicationEventPublisher publisher;

    public IntegrationEvents(ApplicationEventPublisher publisher) {
        this.publisher = publisher;
    }

    public void publish(IntegrationEvent event) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("publish " + event.getClass().getSimpleName()
                    + " inside the transaction that makes the change, or it may be lost");
        }
        publisher.publishEvent(event);
    }
}
