package cn.chanjiao.notification.webhook;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * What DNS says a host is: every address of a name, or the address of a literal. A bean (by default the
 * system resolver, {@link WebhookConfiguration}), so that the webhook URL check and the connections of
 * {@link WebhookSender} ask the same resolver, and tests can answer what a hostile DNS server would.
 */
@FunctionalInterface
public interface HostResolver {

    List<InetAddress> resolve(String host) throws UnknownHostException;
}
