package cn.chanjiao.scenario;

/**
 * Organisation codes the way the registration forms need them: unified social credit codes with the
 * check character of GB 32100-2015, and 10-digit school codes (学校标识码).
 */
public final class Codes {

    /** Code characters by value 0–30 (digits and capitals without I, O, S, V, Z). */
    static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private Codes() {
    }

    /**
     * A USCC: registration authority {@code 9} (market regulation) and category {@code 1} (enterprise)
     * or {@code 1}/{@code 1} (organ) etc., the six-digit division, a nine-character organisation code
     * made from {@code serial}, and the check character.
     */
    public static String uscc(String authorityAndCategory, String division, int serial) {
        String organisation = String.format("%08d", serial) + "X";
        String first17 = authorityAndCategory + division + organisation;
        if (first17.length() != 17) {
            throw new IllegalArgumentException(first17);
        }
        return first17 + checkCharacter(first17);
    }

    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += ALPHABET.indexOf(first17.charAt(i)) * WEIGHTS[i];
        }
        return ALPHABET.charAt((31 - sum % 31) % 31);
    }

    /** The same code with a wrong check character. */
    public static String withWrongCheckCharacter(String uscc) {
        char right = uscc.charAt(17);
        char wrong = ALPHABET.charAt((ALPHABET.indexOf(right) + 1) % ALPHABET.length());
        return uscc.substring(0, 17) + wrong;
    }

    /** 学校标识码: 10 digits (41 + province + serial in the national register's layout). */
    public static String schoolCode(String provinceTwoDigits, int serial) {
        return "41" + provinceTwoDigits + String.format("%06d", serial);
    }
}
