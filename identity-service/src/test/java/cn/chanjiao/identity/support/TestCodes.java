package cn.chanjiao.identity.support;

import cn.chanjiao.identity.organisation.UnifiedSocialCreditCode;

import java.util.concurrent.ThreadLocalRandom;

/** Fresh, valid codes and names for tests, so that tests sharing a database never collide. */
public final class TestCodes {

    private TestCodes() {
    }

    /** A valid USCC of an enterprise registered in {@code region} (GB 32100-2015 check character computed). */
    public static String uscc(String region) {
        StringBuilder code = new StringBuilder("91").append(region);
        String alphabet = UnifiedSocialCreditCode.ALPHABET;
        for (int i = 0; i < 9; i++) {
            code.append(alphabet.charAt(ThreadLocalRandom.current().nextInt(alphabet.length())));
        }
        return code.append(UnifiedSocialCreditCode.checkCharacter(code.toString())).toString();
    }

    public static String uscc() {
        return uscc("140100");
    }

    /** A 10-digit school code. */
    public static String schoolCode() {
        return "41" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    /** A username no test used before. */
    public static String username(String prefix) {
        return prefix + "-" + Long.toString(ThreadLocalRandom.current().nextLong(Long.MAX_VALUE), 36);
    }

    public static String mobile() {
        return "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }
}
