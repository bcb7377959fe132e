package cn.chanjiao.kit.events;

import cn.chanjiao.contracts.EventTypes;
import cn.chanjiao.contracts.IntegrationEvent;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The event records a service can read back from Kafka, by envelope type name; by default all of {@link EventTypes#ALL}. */
public class EventTypeCatalog {

    private final Map<String, Class<? extends IntegrationEvent>> byName;

    public EventTypeCatalog(Collection<Class<? extends IntegrationEvent>> eventClasses) {
        byName = eventClasses.stream().collect(Collectors.toUnmodifiableMap(EventTypes::typeName, Function.identity()));
    }

    public Optional<Class<? extends IntegrationEvent>> forName(String typeName) {
        return Optional.ofNullable(byName.get(typeName));
    }
}
