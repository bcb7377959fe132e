package cn.chanjiao.notification.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.List;

/** A user account as identity-service describes it; {@code id} is the token's {@code sub}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record UserAccount(String id, String username, String displayName, String email, String mobile,
        List<String> roles) {
}
