package cn.chanjiao.reporting.list;

import java.util.Arrays;
import java.util.Optional;

/** 服务项目类型 of the practice centre's open-service plan (seed 004 annex 3.1): 实习实训、培训、技术服务. */
public enum ServiceType {
    INTERNSHIP("实习实训"), TRAINING("培训"), TECH_SERVICE("技术服务");

    private final String nameZh;

    ServiceType(String nameZh) {
        this.nameZh = nameZh;
    }

    public String nameZh() {
        return nameZh;
    }

    public static Optional<ServiceType> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String value = text.strip();
        return Arrays.stream(values()).filter(t -> t.name().equalsIgnoreCase(value) || t.nameZh.equals(value)).findFirst();
    }
}
