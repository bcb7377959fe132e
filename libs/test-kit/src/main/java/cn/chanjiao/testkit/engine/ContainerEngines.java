package cn.chanjiao.testkit.engine;

import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;


/** PostgreSQL and Kafka in containers, for machines where a Docker engine runs. */
final class ContainerEngines {

    private ContainerEngines() {
    }

    static DatabaseServer postgres() {
        PostgreSQLContainer container = new PostgreSQLContainer("postgres:17-alpine");
        container.start();
        return new DatabaseServer() {
            @Override
            public int port() {
                return container.getMappedPort(5432);
            }

            @Override
            public String jdbcUrl(String database) {
                return "jdbc:postgresql://" + container.getHost() + ":" + port() + "/" + database;
            }

            @Override
            public String username() {
                return container.getUsername();
            }

            @Override
            public String password() {
                return container.getPassword();
            }



            @Override
            public void stop() {
                container.stop();
            }
        };
    }

    static MessageBroker kafka() {
        KafkaContainer container = new KafkaContainer("apache/kafka-native:4.1.1");
        container.start();
        return new MessageBroker() {
            private boolean running = true;

            @Override
            public String bootstrapServers() {
                return container.getBootstrapServers();
            }

            @Override
            public synchronized void stop() {
                // pausing keeps the mapped port and the data, as a broker restart would
                container.getDockerClient().pauseContainerCmd(container.getContainerId()).exec();
                running = false;
            }

            @Override
            public synchronized void start() {
                if (!running) {
                    container.getDockerClient().unpauseContainerCmd(container.getContainerId()).exec();
                    running = true;
                }
            }

            @Override
            public synchronized boolean isRunning() {
                return running;
            }
        };
    }
}
