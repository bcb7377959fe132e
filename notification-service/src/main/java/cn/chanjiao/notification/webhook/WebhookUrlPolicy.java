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
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Which URLs a webhook may target, and which addresses its deliveries may connect to: absolute
 * {@code http}/{@code https} URLs without user info, whose host is a name or a canonical dotted-quad
 * IPv4 address ({@code 203.0.113.10}; never the octal, hexadecimal, integer or short forms other
 * software reads as another address, such as {@code 0177.0.0.1}, {@code 0x7f.1}, {@code 2130706433} or
 * {@code 127.1}) or an IPv6 literal, and whose every address is public — no loopback, private,
 * link-local (the cloud metadata address 169.254.169.254 among them), carrier-grade NAT (Alibaba
 * Cloud's 100.100.100.200), unique-local, multicast, unspecified or reserved range, also when embedded in
 * an IPv6 address (IPv4-compatible, NAT64, 6to4) — unless the host is listed in
 * {@code chanjiao.notification.webhooks.allowed-hosts}.
 * <p>
 * The same check runs twice: when a subscription is made ({@link #check}, a 400 problem) and on every
 * connection of a delivery ({@link #addresses}, through {@link WebhookSender}'s DNS resolver), so a name
 * that later resolves to a refused address (DNS rebinding) is never connected to: the addresses checked
 * are the addresses connected to.
 */
@Component
class WebhookUrlPolicy {

    private static final String OCTET = "(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])";
    private static final Pattern CANONICAL_IPV4 = Pattern.compile(OCTET + "(\\." + OCTET + "){3}");
    /** A label URL parsers read as a number, making the host an IPv4 address (WHATWG URL "ends in a number"). */
    private static final Pattern NUMERIC_LABEL = Pattern.compile("[0-9]+|0x[0-9a-f]*");

    private final NotificationServiceProperties.Webhooks settings;
    private final HostResolver resolver;

    WebhookUrlPolicy(NotificationServiceProperties properties, HostResolver resolver) {
        this.settings = properties.webhooks();
        this.resolver = resolver;
    }

    /** A host or address refused; an {@link UnknownHostException} so that a connection attempt stops with it. */
    static final class RefusedAddressException extends UnknownHostException {

        private final String reason;

        RefusedAddressException(String reason, String message) {
            super(message);
            this.reason = reason;
        }

        String reason() {
            return reason;
        }
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
        if (uri.getHost() == null && uri.getRawAuthority() != null && !uri.getRawAuthority().contains("@")
                && !isNameOrCanonicalIpv4(uri.getRawAuthority().replaceFirst(":[0-9]*$", "").toLowerCase(Locale.ROOT))) {
            // java.net.URI takes 127.1 or 0x7f.0.0.1 for no host at all; other software for 127.0.0.1
            throw refuse("non-canonical-address");
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null) {
            throw refuse("malformed");
        }
        try {
            addresses(uri.getHost());
        } catch (RefusedAddressException e) {
            throw refuse(e.reason());
        } catch (UnknownHostException e) {
            throw refuse("unresolvable");
        }
        return uri;
    }

    /**
     * The addresses a connection to {@code host} may use: all it resolves to, each public (or the host
     * allowed by configuration). Refused with {@link RefusedAddressException}; unknown with
     * {@link UnknownHostException}.
     */
    InetAddress[] addresses(String host) throws UnknownHostException {
        String name = host.toLowerCase(Locale.ROOT);
        if (name.startsWith("[") && name.endsWith("]")) {
            name = name.substring(1, name.length() - 1);
        } else if (name.contains(":")) {
            // an IPv6 literal as a connection names it, without brackets
        } else if (!isNameOrCanonicalIpv4(name)) {
            throw new RefusedAddressException("non-canonical-address", "not a canonical IPv4 address: " + host);
        }
        String lookup = name;
        boolean allowed = settings.allowedHosts().stream().anyMatch(a -> a.equalsIgnoreCase(host) || a.equalsIgnoreCase(lookup));
        List<InetAddress> addresses = resolver.resolve(lookup);
        if (addresses.isEmpty()) {
            throw new UnknownHostException(host);
        }
        if (!allowed) {
            for (InetAddress address : addresses) {
                if (!isPublic(address)) {
                    throw new RefusedAddressException("private-address",
                            host + " resolves to " + address.getHostAddress() + ", which is not a public address");
                }
            }
        }
        return addresses.toArray(InetAddress[]::new);
    }

    /**
     * A host name, or an IPv4 address in the one form every parser reads alike. A host whose last label
     * is a number (decimal, octal with a leading zero, or {@code 0x} hexadecimal) is an IPv4 address to
     * URL parsers: only four decimal octets without leading zeros and without a trailing dot pass.
     */
    static boolean isNameOrCanonicalIpv4(String host) {
        String h = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        String[] labels = h.split("\\.", -1);
        String last = labels[labels.length - 1].toLowerCase(Locale.ROOT);
        if (!NUMERIC_LABEL.matcher(last).matches()) {
            return true;
        }
        return CANONICAL_IPV4.matcher(host).matches();
    }

    static boolean isPublic(InetAddress address) {
        if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                || address.isAnyLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            return isPublicIpv4(b[0] & 0xff, b[1] & 0xff, b[2] & 0xff);
        }
        if (address instanceof Inet6Address) {
            if ((b[0] & 0xfe) == 0xfc) { // unique local fc00::/7 (AWS metadata fd00:ec2::254 among them)
                return false;
            }
            if (allZero(b, 0, 12) // IPv4-compatible ::a.b.c.d
                    || (b[0] == 0x00 && b[1] == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b && allZero(b, 4, 12))) { // NAT64 64:ff9b::/96
                return isPublicIpv4(b[12] & 0xff, b[13] & 0xff, b[14] & 0xff);
            }
            if (b[0] == 0x20 && b[1] == 0x02) { // 6to4 2002:a.b.c.d::/48
                return isPublicIpv4(b[2] & 0xff, b[3] & 0xff, b[4] & 0xff);
            }
        }
        return true;
    }

    private static boolean isPublicIpv4(int first, int second, int third) {
        return !(first == 0 || first == 10 || first == 127
                || first == 100 && second >= 64 && second <= 127 // carrier-grade NAT
                || first == 169 && second == 254 // link-local, cloud metadata
                || first == 172 && second >= 16 && second <= 31
                || first == 192 && second == 168
                || first == 192 && second == 0 && third == 0 // IETF protocol assignments
                || first == 198 && (second == 18 || second == 19) // benchmarking
                || first >= 224); // multicast, reserved, broadcast
    }

    private static boolean allZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static ApiException refuse(String reason) {
        return ApiException.badRequest("notification.webhook.url-refused." + reason).with("reason", reason);
    }
}
