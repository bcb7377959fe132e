package cn.chanjiao.notification.template;

import cn.chanjiao.notification.config.NotificationServiceProperties;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class TemplatesTest {

    private final Templates templates = new Templates(new NotificationServiceProperties("https://fe.example.cn/", "zh-CN",
            Set.of(), Duration.ofSeconds(5), null, null, null, null, null, "x@y", Map.of()));

    private final Map<String, Object> reminder = Map.of("deadlineKind", "COLLECTION_CLOSES", "subjectId", "py-1",
            "dueAt", "2026-12-15T15:59:00Z", "daysLeft", 7);

    @Test
    void showsTheDeadlineInBeijingTimeInChinese() {
        Templates.Rendered zh = templates.render("DEADLINE_UPCOMING", reminder, "zh-CN");

        assertThat(zh.title()).isEqualTo("【截止提醒】绩效数据采集将于2026年12月15日 23:59（北京时间）截止");
        assertThat(zh.body()).contains("还有7天");
        assertThat(zh.link()).isEqualTo("https://fe.example.cn/deadlines/COLLECTION_CLOSES/py-1");
        assertThat(zh.html()).contains("<a href=\"https://fe.example.cn/deadlines/COLLECTION_CLOSES/py-1\">");
    }

    @Test
    void speaksEnglishAndEscapesHtml() {
        Templates.Rendered en = templates.render("DEADLINE_UPCOMING", reminder, "en");
        assertThat(en.title()).isEqualTo("Reminder: Performance data collection closes on 15 Dec 2026, 23:59 (Beijing time)");

        Templates.Rendered html = templates.render("APPLICATION_RETURNED", Map.of("comment", "<script>x</script>",
                "applicationId", "a1"), "en");
        assertThat(html.html()).contains("&lt;script&gt;").doesNotContain("<script>");
        assertThat(html.link()).isEqualTo("https://fe.example.cn/applications/a1");
    }

    @Test
    void aKindWithoutTemplatesFallsBackToTheDefaultOne() {
        assertThat(templates.knows("SOMETHING_NEW")).isFalse();
        assertThat(templates.render("SOMETHING_NEW", Map.of(), "zh-CN").title()).isEqualTo("平台通知：SOMETHING_NEW");
    }
}
