package cn.chanjiao.reporting.list;

import java.time.LocalDate;

/** The values of one list row, validated; fields its kind has no column for are null. */
public record RowValues(String unitName, String description, String major, EducationLevel educationLevel,
        Integer headcount, String contact, String phone, LocalDate startOn, LocalDate endOn, ServiceType serviceType) {
}
