package cn.chanjiao.reporting.support;

/**
 * Which GB/T 2260 codes an authority covers: the Ministry ({@code 100000}) all of them, a province
 * ({@code 140000}) its cities and districts ({@code 14....}), a city ({@code 330100}) its districts
 * ({@code 3301..}), a district only itself.
 */
public final class Jurisdiction {

    public static final String NATIONAL = "100000";

    private Jurisdiction() {
    }

    public static boolean covers(String authorityCode, String code) {
        if (authorityCode == null || code == null || authorityCode.length() != 6 || code.length() != 6) {
            return false;
        }
        return code.startsWith(prefix(authorityCode));
    }

    /** The prefix shared by every code inside {@code code}: "" for national, 2 digits for a province, 4 for a city. */
    public static String prefix(String code) {
        if (NATIONAL.equals(code)) {
            return "";
        }
        if (code.endsWith("0000")) {
            return code.substring(0, 2);
        }
        if (code.endsWith("00")) {
            return code.substring(0, 4);
        }
        return code;
    }
}
