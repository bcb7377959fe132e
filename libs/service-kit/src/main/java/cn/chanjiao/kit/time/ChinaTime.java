package cn.chanjiao.kit.time;

import java.time.ZoneId;

/** Deadlines, windows and working days are reckoned in Beijing time. */
public final class ChinaTime {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private ChinaTime() {
    }
}
