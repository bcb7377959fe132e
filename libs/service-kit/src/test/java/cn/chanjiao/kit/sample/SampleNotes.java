package cn.chanjiao.kit.sample;

import cn.chanjiao.kit.events.IntegrationEvents;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.UUID;

/** Writes a row and raises an event in one transaction, as real features do. */
@Service
public class SampleNotes {

    private final JdbcTemplate jdbc;
    private final IntegrationEvents events;
    private final Clock clock;

    SampleNotes(JdbcTemplate jdbc, IntegrationEvents events, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public SampleRaised write(String text, boolean failAfterPublishing) {
        String id = UUID.randomUUID().toString();
        jdbc.update("insert into sample_note (id, text) values (?, ?)", id, text);
        SampleRaised event = new SampleRaised(UUID.randomUUID(), clock.instant(), id, text);
        events.publish(event);
        if (failAfterPublishing) {
            throw new IllegalStateException("rolled back on purpose");
        }
        return event;
    }

    public int count(String text) {
        return jdbc.queryForObject("select count(*) from sample_note where text = ?", Integer.class, text);
    }
}
