package cn.chanjiao.notification.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.List;

/** One page of identity-service's user search. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record UserPage(List<UserAccount> items, int page, int size, long totalItems, int totalPages) {

    public List<UserAccount> items() {
        return items == null ? List.of() : items;
    }
}
