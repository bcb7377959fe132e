package cn.chanjiao.contracts;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the topic an {@link IntegrationEvent} travels on and its schema version. The event's type
 * name in the envelope is the record's simple name unless {@link #name()} says otherwise.
 * Changes are additive; a breaking change is a new record on a {@code .v2} topic.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EventType {

    /** One of the constants of {@link Topics}. */
    String topic();

    /** Schema version of the payload. */
    int version() default 1;

    /** Type name in the envelope; the record's simple name when empty. */
    String name() default "";
}
