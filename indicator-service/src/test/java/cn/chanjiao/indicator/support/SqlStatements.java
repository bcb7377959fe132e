package cn.chanjiao.indicator.support;

import net.ttddyy.dsproxy.listener.MethodExecutionContext;
import net.ttddyy.dsproxy.listener.MethodExecutionListener;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import javax.sql.DataSource;
import java.sql.Connection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * What the service sends PostgreSQL, as the tests see it: the data source is wrapped by
 * datasource-proxy, and while {@link #record} runs every statement execution and every commit is
 * noted with the thread that made it (requests run on Tomcat's {@code http-nio-…} threads; the
 * scheduler, the outbox and the Kafka listeners on others). Each noted entry is one round trip.
 */
@TestConfiguration(proxyBeanMethods = false)
public class SqlStatements {

    /** A statement executed (its SQL) or a commit ({@code COMMIT}), and the thread it ran on. */
    public record Sent(String thread, String sql) {
    }

    private final List<Sent> sent = new CopyOnWriteArrayList<>();
    private volatile boolean recording;

    @Bean
    static BeanPostProcessor countingDataSource(org.springframework.beans.factory.ObjectProvider<SqlStatements> statements) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof DataSource dataSource && !(bean instanceof net.ttddyy.dsproxy.support.ProxyDataSource)) {
                    return ProxyDataSourceBuilder.create(dataSource).name("counted")
                            .afterQuery((execution, queries) -> statements.getObject().note(queries.isEmpty() ? "?"
                                    : String.join("; ", queries.stream().map(query -> query.getQuery()).toList())))
                            .methodListener(new MethodExecutionListener() {
                                @Override
                                public void beforeMethod(MethodExecutionContext context) {
                                }

                                @Override
                                public void afterMethod(MethodExecutionContext context) {
                                    if (context.getTarget() instanceof Connection && "commit".equals(context.getMethod().getName())) {
                                        statements.getObject().note("COMMIT");
                                    }
                                }
                            })
                            .build();
                }
                return bean;
            }
        };
    }

    private void note(String sql) {
        if (recording) {
            sent.add(new Sent(Thread.currentThread().getName(), sql));
        }
    }

    /** What {@code action} sent on the threads {@code threads} accepts (e.g. the request's). */
    public List<Sent> record(Runnable action, Predicate<String> threads) {
        sent.clear();
        recording = true;
        try {
            action.run();
        } finally {
            recording = false;
        }
        return sent.stream().filter(entry -> threads.test(entry.thread())).toList();
    }
}
