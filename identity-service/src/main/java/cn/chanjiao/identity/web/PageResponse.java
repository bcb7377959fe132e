package cn.chanjiao.identity.web;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list: {@code page} counts from 0.
 *
 * @param totalItems across all pages
 */
public record PageResponse<T>(List<T> items, int page, int size, long totalItems, int totalPages) {

    public static <S, T> PageResponse<T> map(org.springframework.data.domain.Page<S> page, Function<S, T> mapper) {
        return new PageResponse<>(page.getContent().stream().map(mapper).toList(), page.getNumber(), page.getSize(),
                page.getTotalElements(), page.getTotalPages());
    }
}
