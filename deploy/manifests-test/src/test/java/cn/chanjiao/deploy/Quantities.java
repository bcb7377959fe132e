package cn.chanjiao.deploy;

import java.math.BigDecimal;

/** Kubernetes resource quantities: CPU in millicores, memory in bytes. */
final class Quantities {

    private Quantities() {
    }

    static long millicores(Object quantity) {
        String text = String.valueOf(quantity);
        if (text.endsWith("m")) {
            return Long.parseLong(text.substring(0, text.length() - 1));
        }
        return new BigDecimal(text).multiply(BigDecimal.valueOf(1000)).longValueExact();
    }

    static long bytes(Object quantity) {
        String text = String.valueOf(quantity);
        String[][] units = {{"Ki", "1024"}, {"Mi", "1048576"}, {"Gi", "1073741824"}, {"Ti", "1099511627776"},
            {"k", "1000"}, {"M", "1000000"}, {"G", "1000000000"}, {"T", "1000000000000"}};
        for (String[] unit : units) {
            if (text.endsWith(unit[0])) {
                return new BigDecimal(text.substring(0, text.length() - unit[0].length()))
                        .multiply(new BigDecimal(unit[1])).longValue();
            }
        }
        return new BigDecimal(text).longValue();
    }

    static long mebibytes(Object quantity) {
        return bytes(quantity) / 1048576;
    }
}
