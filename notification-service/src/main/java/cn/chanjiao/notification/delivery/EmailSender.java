package cn.chanjiao.notification.delivery;

import cn.chanjiao.notification.config.NotificationServiceProperties;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** E-mail over SMTP (Spring Mail, {@code spring.mail.*}): a text and an HTML alternative. */
@Component
class EmailSender implements DeliverySender {

    private final JavaMailSender mail;
    private final NotificationServiceProperties properties;

    EmailSender(JavaMailSender mail, NotificationServiceProperties properties) {
        this.mail = mail;
        this.properties = properties;
    }

    @Override
    public String channel() {
        return Channels.EMAIL;
    }

    @Override
    public Outcome send(PendingDelivery delivery) {
        try {
            MimeMessage message = mail.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, true, StandardCharsets.UTF_8.name());
            helper.setFrom(properties.mailFrom());
            helper.setTo(delivery.recipient());
            helper.setSubject(String.valueOf(delivery.content().get("subject")));
            helper.setText(String.valueOf(delivery.content().get("text")), String.valueOf(delivery.content().get("html")));
            mail.send(message);
            return Outcome.ok(null);
        } catch (MessagingException | MailException e) {
            return Outcome.failed(null, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    @Override
    public int maxAttempts() {
        return properties.delivery().maxAttempts();
    }

    @Override
    public Duration backoffAfter(int attempts) {
        return properties.delivery().backoffAfter(attempts);
    }
}
