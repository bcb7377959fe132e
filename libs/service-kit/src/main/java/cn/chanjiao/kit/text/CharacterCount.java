package cn.chanjiao.kit.text;

import java.text.Normalizer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Counts text as a person counts characters for a form's limit (“不超过 500 字”): each Chinese
 * character, letter, digit or punctuation mark is one, whatever its encoding — a character outside
 * the Basic Multilingual Plane (e.g. 𠀀) or a letter with a combining accent is still one (one
 * user-perceived character, a grapheme cluster). White space and line breaks are not counted.
 */
public final class CharacterCount {

    private static final Pattern GRAPHEME = Pattern.compile("\\X");

    private CharacterCount() {
    }

    public static int of(String text) {
        if (text == null || text.isEmpty()) {
            return 0;
        }
        Matcher matcher = GRAPHEME.matcher(Normalizer.normalize(text, Normalizer.Form.NFC));
        int count = 0;
        while (matcher.find()) {
            String cluster = matcher.group();
            if (!cluster.isBlank() && !Character.isWhitespace(cluster.codePointAt(0))
                    && !Character.isSpaceChar(cluster.codePointAt(0))) {
                count++;
            }
        }
        return count;
    }
}
