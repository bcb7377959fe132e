package cn.chanjiao.notification.template;

import cn.chanjiao.kit.time.ChinaTime;
import cn.chanjiao.notification.config.NotificationServiceProperties;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The texts of each notification kind in Simplified Chinese ({@code notification-templates.properties})
 * and English ({@code notification-templates_en.properties}): {@code <KIND>.title}, {@code <KIND>.body}
 * and {@code <KIND>.link} (a front-end path), with named placeholders {@code {field}} filled from the
 * event's payload. Instants ({@code dueAt}, {@code occurredAt} …) are shown in Asia/Shanghai;
 * {@code deadline.<KIND>} names a deadline kind. A kind without a template falls back to {@code DEFAULT.*}.
 */
@Component
public class Templates {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z0-9_.]+)}");
    private static final DateTimeFormatter ZH = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm").withZone(ChinaTime.ZONE);
    private static final DateTimeFormatter EN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH)
            .withZone(ChinaTime.ZONE);

    private final Properties chinese = load("notification-templates.properties");
    private final Properties english = load("notification-templates_en.properties");
    private final String frontEndUrl;

    public Templates(NotificationServiceProperties properties) {
        String url = properties.frontEndUrl();
        this.frontEndUrl = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** {@code en…} is English; anything else Simplified Chinese. */
    public static boolean english(String language) {
        return language != null && language.toLowerCase(Locale.ROOT).startsWith("en");
    }

    public boolean knows(String kind) {
        return chinese.containsKey(kind + ".title");
    }

    public Rendered render(String kind, Map<String, Object> params, String language) {
        boolean en = english(language);
        Properties texts = en ? english : chinese;
        Map<String, String> values = values(params, texts, en);
        String key = texts.containsKey(kind + ".title") ? kind : "DEFAULT";
        values.putIfAbsent("kind", kind);
        String title = fill(texts.getProperty(key + ".title", ""), values);
        String body = fill(texts.getProperty(key + ".body", ""), values);
        String path = texts.getProperty(key + ".link", chinese.getProperty(key + ".link", "/notifications"));
        String link = frontEndUrl + fill(path, values);
        String closing = texts.getProperty("link.label", "");
        String text = body + "\n\n" + closing + " " + link;
        String html = "<!DOCTYPE html><html lang=\"" + (en ? "en" : "zh-CN") + "\"><head><meta charset=\"UTF-8\"><title>"
                + HtmlUtils.htmlEscape(title) + "</title></head><body><h2>" + HtmlUtils.htmlEscape(title) + "</h2><p>"
                + HtmlUtils.htmlEscape(body).replace("\n", "<br>") + "</p><p><a href=\"" + HtmlUtils.htmlEscape(link)
                + "\">" + HtmlUtils.htmlEscape(closing) + "</a></p></body></html>";
        return new Rendered(title, body, link, text, html);
    }

    private Map<String, String> values(Map<String, Object> params, Properties texts, boolean en) {
        Map<String, String> values = new HashMap<>();
        params.forEach((name, value) -> {
            if (value == null) {
                return;
            }
            String shown = value.toString();
            if (value instanceof String s && looksLikeInstant(s)) {
                try {
                    Instant instant = Instant.parse(s);
                    shown = (en ? EN : ZH).format(instant) + (en ? " (Beijing time)" : "（北京时间）");
                } catch (DateTimeParseException ignored) {
                    // not an instant after all
                }
            }
            values.put(name, shown);
        });
        Object deadlineKind = params.get("deadlineKind");
        if (deadlineKind != null) {
            values.put("deadline", texts.getProperty("deadline." + deadlineKind, deadlineKind.toString()));
        }
        return values;
    }

    private static boolean looksLikeInstant(String s) {
        return s.length() >= 20 && s.length() <= 35 && s.charAt(4) == '-' && s.charAt(10) == 'T' && s.endsWith("Z");
    }

    private static String fill(String template, Map<String, String> values) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(out, Matcher.quoteReplacement(values.getOrDefault(matcher.group(1), "")));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static Properties load(String name) {
        Properties properties = new Properties();
        try (InputStream in = Templates.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing " + name);
            }
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    /**
     * A notification's texts in one language.
     *
     * @param text the plain-text body of an e-mail or SMS, link included
     * @param html the HTML body of an e-mail
     */
    public record Rendered(String title, String body, String link, String text, String html) {
    }
}
