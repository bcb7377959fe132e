package cn.chanjiao.identity.organisation;

import java.util.Optional;

/**
 * The unified social credit code (统一社会信用代码) of GB 32100-2015: 18 characters from the 31 of
 * {@link #ALPHABET} (digits and upper-case letters without I, O, S, V and Z) — registration authority
 * (1), organisation category (1), administrative division (6 digits, GB/T 2260), organisation code
 * (9) and a check character computed over the first 17 with the weights 3<sup>i</sup> mod 31.
 */
public final class UnifiedSocialCreditCode {

    /** Code characters by value 0–30. */
    public static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    private static final int[] WEIGHTS = { 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28 };

    /** What is wrong with a code, each with its own message. */
    public enum Defect {
        /** not 18 characters */
        LENGTH,
        /** lower-case letters: the code is written in capitals */
        LOWER_CASE,
        /** a character outside the alphabet, e.g. I, O, S, V, Z or punctuation */
        ILLEGAL_CHARACTER,
        /** characters 3–8 are not the six digits of an administrative division */
        REGION,
        /** the 18th character is not the check character of the first 17 */
        CHECK_CHARACTER
    }

    private UnifiedSocialCreditCode() {
    }

    /** The defect of {@code code}, or empty when it is a well-formed code with the right check character. */
    public static Optional<Defect> defect(String code) {
        if (code == null || code.length() != 18) {
            return Optional.of(Defect.LENGTH);
        }
        for (char c : code.toCharArray()) {
            if (c >= 'a' && c <= 'z') {
                return Optional.of(Defect.LOWER_CASE);
            }
        }
        for (char c : code.toCharArray()) {
            if (ALPHABET.indexOf(c) < 0) {
                return Optional.of(Defect.ILLEGAL_CHARACTER);
            }
        }
        for (int i = 2; i < 8; i++) {
            if (!Character.isDigit(code.charAt(i))) {
                return Optional.of(Defect.REGION);
            }
        }
        if (checkCharacter(code.substring(0, 17)) != code.charAt(17)) {
            return Optional.of(Defect.CHECK_CHARACTER);
        }
        return Optional.empty();
    }

    public static boolean isValid(String code) {
        return defect(code).isEmpty();
    }

    /** The check character (18th) for the first 17 characters of a code. */
    public static char checkCharacter(String first17) {
        if (first17.length() != 17) {
            throw new IllegalArgumentException("17 characters expected: " + first17);
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int value = ALPHABET.indexOf(first17.charAt(i));
            if (value < 0) {
                throw new IllegalArgumentException("not a code character: " + first17.charAt(i));
            }
            sum += value * WEIGHTS[i];
        }
        return ALPHABET.charAt((31 - sum % 31) % 31);
    }
}
