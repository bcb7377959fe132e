package cn.chanjiao.notification.webhook;

import cn.chanjiao.kit.web.ApiException;
import cn.chanjiao.notification.config.NotificationServiceProperties;
import org.springframework.stereotype.Component;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Which URLs a webhook may target: absolute {@code http}/{@code https} URLs without user info whose
 * host resolves only to public addresses — no loopback, private, link-local, carrier-grade NAT,
 * multicast or unspecified ranges — unless the host is listed in {@code chanjiao.notification.webhooks.allowed-hosts}.
 */
@Component
class WebhookUrlPolicy {

    private final NotificationServiceProperties.Webhooks settings;

    WebhookUrlPolicy(NotificationServiceProperties properties) {
        this.settings = properties.webhooks();
    }

    /** The URL, checked; a refusal is a 400 problem naming why. */
    URI check(String url) {
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw refuse("malformed");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw refuse("scheme");
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null) {
            throw refuse("malformed");
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        if (settings.allowedHosts().stream().anyMatch(allowed -> allowed.equalsIgnoreCase(host))) {
            return uri;
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host.startsWith("[") ? host.substring(1, host.length() - 1) : host);
        } catch (UnknownHostException e) {
            throw refuse("unresolvable");
        }
        for (InetAddress address : addresses) {
            if (!isPublic(address)) {
                throw refuse("private-address");
            }
        }
        return uri;
    }

    static boolean isPublic(InetAddress address) {
        if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                || address.isAnyLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return !(first == 0 || first == 100 && second >= 64 && second <= 127 // carrier-grade NAT
                    || first == 169 && second == 254 || first == 198 && (second == 18 || second == 19) || first >= 240);
        }
        if (address instanceof Inet6Address) {
            return (b[0] & 0xfe) != 0xfc; // unique local fc00::/7
        }
        return true;
    }

    private static ApiException refuse(String reason) {
        return ApiException.badRequest("notification.webhook.url-refused." + reason).with("reason", reason);
    }
}
