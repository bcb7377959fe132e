package cn.chanjiao.identity.account;

import java.security.SecureRandom;

/**
 * One-time initial passwords for invited users: told once to whoever invited them, set in Keycloak
 * as temporary (Keycloak asks for a new password at the first login), stored nowhere.
 */
final class InitialPasswords {

    private static final String LETTERS = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final String DIGITS = "23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private InitialPasswords() {
    }

    /** 16 characters without look-alikes (no 0/O, 1/l/I), with letters and digits. */
    static String next() {
        String all = LETTERS + DIGITS;
        char[] password = new char[16];
        for (int i = 0; i < password.length; i++) {
            password[i] = all.charAt(RANDOM.nextInt(all.length()));
        }
        password[RANDOM.nextInt(8)] = DIGITS.charAt(RANDOM.nextInt(DIGITS.length()));
        password[8 + RANDOM.nextInt(8)] = LETTERS.charAt(RANDOM.nextInt(LETTERS.length()));
        return new String(password);
    }
}
