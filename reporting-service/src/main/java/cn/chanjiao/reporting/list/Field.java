package cn.chanjiao.reporting.list;

/** The stored fields a list column maps onto (one table for every list, see V2 {@code sd_row}). */
public enum Field {
    UNIT_NAME, DESCRIPTION, MAJOR, EDUCATION_LEVEL, HEADCOUNT, CONTACT, PHONE, START_ON, END_ON, SERVICE_TYPE;

    /** The JSON property of a row: {@code unitName}, {@code educationLevel} … */
    public String property() {
        String[] parts = name().toLowerCase().split("_");
        StringBuilder camel = new StringBuilder(parts[0]);
        for (int i = 1; i < parts.length; i++) {
            camel.append(Character.toUpperCase(parts[i].charAt(0))).append(parts[i].substring(1));
        }
        return camel.toString();
    }
}
