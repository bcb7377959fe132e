package cn.chanjiao.reporting.support;

import java.util.List;

/** One page of a list: {@code items}, the page asked for and the total number of matches. */
public record PageResponse<T>(List<T> items, int page, int size, long total) {
}
