package cn.chanjiao.application.form;

import java.util.concurrent.ThreadLocalRandom;

/** Valid unified social credit codes for tests. */
public final class Usccs {

    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = { 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28 };

    private Usccs() {
    }

    /** {@code first17} with its check character. */
    public static String withCheck(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += ALPHABET.indexOf(first17.charAt(i)) * WEIGHTS[i];
        }
        return first17 + ALPHABET.charAt((31 - sum % 31) % 31);
    }

    /** A random valid code of an enterprise registered in {@code region}. */
    public static String random(String region) {
        StringBuilder body = new StringBuilder("91").append(region);
        for (int i = 0; i < 9; i++) {
            body.append(ALPHABET.charAt(ThreadLocalRandom.current().nextInt(ALPHABET.length())));
        }
        return withCheck(body.toString());
    }
}
