package cn.chanjiao.kit.files;

/**
 * Text for a spreadsheet cell that a spreadsheet program will never take for a formula (CSV/formula
 * injection, OWASP): text starting with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage
 * return is written with a leading {@code '}, so Excel and WPS show it as the text it is, also after the
 * cell is edited or the sheet is saved as CSV. Every XLSX export of the platform writes its text cells
 * through {@link #safe}; an import that reads an export back strips the mark again with {@link #restore}.
 */
public final class XlsxText {

    /** The mark put before text that would start a formula. */
    public static final char MARK = '\'';

    private XlsxText() {
    }

    /** {@code text} as a cell may hold it: with a leading {@code '} when it starts like a formula; null stays null. */
    public static String safe(String text) {
        return text != null && startsLikeFormula(text, 0) ? MARK + text : text;
    }

    /** The text {@link #safe} was given: without the mark it added; anything else unchanged. */
    public static String restore(String cell) {
        return cell != null && cell.length() > 1 && cell.charAt(0) == MARK && startsLikeFormula(cell, 1)
                ? cell.substring(1) : cell;
    }

    /** Whether the text from {@code index} on starts with a character that starts a formula. */
    public static boolean startsLikeFormula(String text, int index) {
        if (text.length() <= index) {
            return false;
        }
        char first = text.charAt(index);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
    }
}
