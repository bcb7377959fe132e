package cn.chanjiao.notification.delivery;

import java.util.Set;

/** The channels a notification travels on; the inbox is always on. */
public final class Channels {

    public static final String INBOX = "INBOX";
    public static final String EMAIL = "EMAIL";
    public static final String SMS = "SMS";
    public static final String WEBHOOK = "WEBHOOK";

    /** What a user may choose per notification kind. */
    public static final Set<String> CHOOSABLE = Set.of(EMAIL, SMS);

    private Channels() {
    }
}
