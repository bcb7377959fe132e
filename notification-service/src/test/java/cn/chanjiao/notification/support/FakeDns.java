package cn.chanjiao.notification.support;

import cn.chanjiao.notification.webhook.HostResolver;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The service's {@link HostResolver} in tests: names a test told it answer the addresses it was told
 * (a hostile DNS server that rebinds a name to loopback); every other name is asked of the system.
 */
public final class FakeDns implements HostResolver {

    private static final Map<String, List<InetAddress>> ANSWERS = new ConcurrentHashMap<>();

    /** From now on {@code host} resolves to {@code addresses} (literals). */
    public static void answer(String host, String... addresses) {
        List<InetAddress> resolved = new ArrayList<>();
        for (String address : addresses) {
            try {
                resolved.add(InetAddress.getByName(address));
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException(address, e);
            }
        }
        ANSWERS.put(host.toLowerCase(Locale.ROOT), List.copyOf(resolved));
    }

    @Override
    public List<InetAddress> resolve(String host) throws UnknownHostException {
        List<InetAddress> answer = ANSWERS.get(host.toLowerCase(Locale.ROOT));
        return answer != null ? answer : List.of(InetAddress.getAllByName(host));
    }
}
