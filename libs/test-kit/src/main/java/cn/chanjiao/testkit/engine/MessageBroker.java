package cn.chanjiao.testkit.engine;

/** A running Kafka broker, embedded or in a container, that can be stopped and started again. */
public interface MessageBroker {

    String bootstrapServers();

    /** Stops the broker; its data and port are kept for {@link #start()}. */
    void stop();

    /** Starts the broker again on the same port with the same data. */
    void start();

    boolean isRunning();
}
