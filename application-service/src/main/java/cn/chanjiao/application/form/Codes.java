package cn.chanjiao.application.form;

import cn.chanjiao.application.programme.ProgrammeDefinition.Level;

import java.util.regex.Pattern;

/**
 * The identity codes a form holds: the unified social credit code (统一社会信用代码, GB 32100-2015,
 * 18 characters, the last a check character), the 10-digit school code (学校标识码) and GB/T 2260
 * region codes.
 */
public final class Codes {

    private static final String USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] USCC_WEIGHTS = { 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28 };
    private static final Pattern USCC_SHAPE = Pattern.compile("[0-9A-HJ-NPQRTUWXY]{2}\\d{6}[0-9A-HJ-NPQRTUWXY]{10}");
    private static final Pattern SCHOOL_CODE = Pattern.compile("\\d{10}");
    private static final Pattern REGION = Pattern.compile("\\d{6}");

    private Codes() {
    }

    /** A USCC with a correct check character (upper case; I, O, S, V, Z never occur). */
    public static boolean isUscc(String code) {
        if (code == null || code.length() != 18 || !USCC_SHAPE.matcher(code).matches()) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += USCC_ALPHABET.indexOf(code.charAt(i)) * USCC_WEIGHTS[i];
        }
        int check = (31 - sum % 31) % 31;
        return code.charAt(17) == USCC_ALPHABET.charAt(check);
    }

    public static boolean isSchoolCode(String code) {
        return code != null && SCHOOL_CODE.matcher(code).matches();
    }

    /** Either a valid USCC or a school code. */
    public static boolean isOrganisationCode(String code) {
        return isUscc(code) || isSchoolCode(code);
    }

    public static boolean isRegion(String code) {
        return code != null && REGION.matcher(code).matches() && !code.startsWith("00");
    }

    /** Whether a region code is at least as precise as {@code level} (a district code is precise enough for a city). */
    public static boolean precise(String code, Level level) {
        return switch (level) {
            case NATIONAL, PROVINCE -> true;
            case CITY -> !code.endsWith("0000");
            case DISTRICT -> !code.endsWith("00");
        };
    }

    /** The region {@code code} lies in at {@code level}: 330106 at CITY is 330100. */
    public static String atLevel(String code, Level level) {
        return switch (level) {
            case NATIONAL -> "100000";
            case PROVINCE -> code.substring(0, 2) + "0000";
            case CITY -> code.substring(0, 4) + "00";
            case DISTRICT -> code;
        };
    }

    /** Whether region {@code code} lies inside region {@code area} (100000 = the nation holds every region). */
    public static boolean within(String code, String area) {
        if (area == null || "100000".equals(area)) {
            return true;
        }
        if (code == null) {
            return false;
        }
        return code.startsWith(prefix(area));
    }

    /** The prefix all regions inside {@code area} share: 330000 → 33, 330100 → 3301. */
    public static String prefix(String area) {
        if ("100000".equals(area)) {
            return "";
        }
        if (area.endsWith("0000")) {
            return area.substring(0, 2);
        }
        if (area.endsWith("00")) {
            return area.substring(0, 4);
        }
        return area;
    }
}
