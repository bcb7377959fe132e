package cn.chanjiao.notification.support;

import cn.chanjiao.testkit.security.TestJwtIssuer;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * The service's peers, one each per test JVM: identity-service, Keycloak's token endpoint, the SMS
 * provider and integrators' webhook endpoints played by WireMock, and a real SMTP server (GreenMail).
 */
public final class Peers {

    public static final String TOKEN_PATH = "/realms/chanjiao/protocol/openid-connect/token";
    public static final String SMS_PATH = "/sms/send";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static Peers instance;

    private final WireMockServer http;
    private final GreenMail mail;

    private Peers() {
        http = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
        http.start();
        mail = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        String token = TestJwtIssuer.get().client("chanjiao-services").roles("service").mint();
        http.stubFor(post(urlPathEqualTo(TOKEN_PATH))
                .willReturn(okJson("{\"access_token\":\"" + token + "\",\"expires_in\":300,\"token_type\":\"Bearer\"}")));
        http.stubFor(post(urlPathEqualTo(SMS_PATH)).atPriority(10).willReturn(aResponse().withStatus(202)));
    }

    public static synchronized Peers instance() {
        if (instance == null) {
            instance = new Peers();
        }
        return instance;
    }

    public WireMockServer http() {
        return http;
    }

    public String baseUrl() {
        return http.baseUrl();
    }

    public int smtpPort() {
        return mail.getSmtp().getPort();
    }

    /** A person as identity-service knows them. */
    public static Map<String, Object> user(String username, String email, String mobile) {
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("id", UUID.randomUUID().toString());
        user.put("username", username);
        user.put("displayName", username);
        user.put("email", email);
        user.put("mobile", mobile);
        user.put("roles", List.of("applicant"));
        return user;
    }

    /** identity-service answers these users for the organisation. */
    @SafeVarargs
    public final void organisationHas(UUID organisationId, Map<String, Object>... users) {
        http.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo("/api/v1/identity/organisations/" + organisationId + "/users"))
                .willReturn(okJson(JSON.writeValueAsString(Arrays.asList(users)))));
    }

    /** identity-service answers these users for the role in the authority (one page). */
    @SafeVarargs
    public final void authorityHas(String role, String authorityCode, Map<String, Object>... users) {
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("items", Arrays.asList(users));
        page.put("page", 0);
        page.put("size", 100);
        page.put("totalItems", users.length);
        page.put("totalPages", 1);
        http.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo("/api/v1/identity/users"))
                .withQueryParam("role", com.github.tomakehurst.wiremock.client.WireMock.equalTo(role))
                .withQueryParam("authority", com.github.tomakehurst.wiremock.client.WireMock.equalTo(authorityCode))
                .willReturn(okJson(JSON.writeValueAsString(page))));
    }

    /** identity-service fails for this organisation (503). */
    public void organisationLookupFails(UUID organisationId) {
        http.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo("/api/v1/identity/organisations/" + organisationId + "/users"))
                .willReturn(aResponse().withStatus(503)));
    }

    public void userIs(Map<String, Object> user) {
        http.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo("/api/v1/identity/users/" + user.get("id")))
                .willReturn(okJson(JSON.writeValueAsString(user))));
    }

    /** The e-mails GreenMail received for an address. */
    public List<MimeMessage> mailTo(String address) {
        return Arrays.stream(mail.getReceivedMessages()).filter(message -> {
            try {
                return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                        .anyMatch(to -> to.toString().contains(address));
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    /** The part of a message with the given MIME type, e.g. {@code text/plain}, {@code text/html}. */
    public static String part(Part message, String mimeType) {
        try {
            if (message.isMimeType(mimeType)) {
                return message.getContent().toString();
            }
            if (message.getContent() instanceof Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart part = multipart.getBodyPart(i);
                    String found = part(part, mimeType);
                    if (found != null) {
                        return found;
                    }
                }
            }
            return null;
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
