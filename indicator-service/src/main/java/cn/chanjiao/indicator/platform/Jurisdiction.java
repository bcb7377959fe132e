package cn.chanjiao.indicator.platform;

/**
 * Which regions an authority's code covers (GB/T 2260): 100000 the whole country, a province
 * (xx0000) its cities and districts, a city (xxxx00) its districts, a district itself.
 */
public final class Jurisdiction {

    public static final String NATIONAL = "100000";

    private Jurisdiction() {
    }

    public static boolean covers(String authorityCode, String regionCode) {
        if (authorityCode == null || authorityCode.length() != 6) {
            return false;
        }
        if (NATIONAL.equals(authorityCode)) {
            return true;
        }
        if (regionCode == null || regionCode.length() < 6) {
            return false;
        }
        if (authorityCode.endsWith("0000")) {
            return regionCode.startsWith(authorityCode.substring(0, 2));
        }
        if (authorityCode.endsWith("00")) {
            return regionCode.startsWith(authorityCode.substring(0, 4));
        }
        return regionCode.startsWith(authorityCode);
    }

    /** The province of a region: 330106 → 330000. */
    public static String province(String regionCode) {
        return regionCode == null || regionCode.length() < 2 ? null : regionCode.substring(0, 2) + "0000";
    }

    /** The city of a region: 330106 → 330100; null for a province. */
    public static String city(String regionCode) {
        if (regionCode == null || regionCode.length() < 6 || regionCode.endsWith("0000")) {
            return null;
        }
        return regionCode.substring(0, 4) + "00";
    }
}
