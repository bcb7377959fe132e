package cn.chanjiao.gateway;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;

/**
 * The problems the gateway answers itself (RFC 9457), with their texts in Simplified Chinese and
 * English. Everything else is the services' own answer, passed through unchanged.
 */
enum GatewayProblem {

    UNAUTHORIZED(HttpStatus.UNAUTHORIZED, "unauthorized",
            "未认证", "请先登录或提供有效的访问令牌",
            "Unauthorized", "Sign in or provide a valid access token."),
    INVALID_TOKEN(HttpStatus.UNAUTHORIZED, "invalid-token",
            "未认证", "访问令牌无效或已过期，请重新登录",
            "Unauthorized", "The access token is invalid or has expired. Sign in again."),
    FORBIDDEN(HttpStatus.FORBIDDEN, "forbidden",
            "无权访问", "当前账号无权执行此操作",
            "Forbidden", "Your account is not allowed to do this."),
    BAD_REQUEST(HttpStatus.BAD_REQUEST, "bad-request",
            "请求无效", "请求格式有误，请检查后重试",
            "Bad Request", "The request is malformed. Check it and try again."),
    NOT_FOUND(HttpStatus.NOT_FOUND, "not-found",
            "未找到", "请求的地址不存在",
            "Not Found", "Nothing exists at the requested address."),
    METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed",
            "方法不允许", "该地址不支持此请求方法",
            "Method Not Allowed", "The address does not support this request method."),
    REQUEST_NOT_PROCESSED(HttpStatus.BAD_REQUEST, "request-not-processed",
            "请求未能处理", "网关无法处理该请求",
            "Request Not Processed", "The gateway could not process the request."),
    TOO_MANY_REQUESTS(HttpStatus.TOO_MANY_REQUESTS, "too-many-requests",
            "请求过于频繁", "请求过于频繁，请稍后重试（见 Retry-After 响应头）",
            "Too Many Requests", "Too many requests. Try again later (see the Retry-After header)."),
    BAD_GATEWAY(HttpStatus.BAD_GATEWAY, "service-unreachable",
            "服务无法连接", "后端服务暂时无法连接，请稍后重试",
            "Bad Gateway", "The service could not be reached. Try again later."),
    SERVICE_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable",
            "服务暂不可用", "后端服务当前没有可用实例，请稍后重试",
            "Service Unavailable", "No instance of the service is available. Try again later."),
    GATEWAY_TIMEOUT(HttpStatus.GATEWAY_TIMEOUT, "service-timeout",
            "服务响应超时", "后端服务未在规定时间内响应，请稍后重试",
            "Gateway Timeout", "The service did not answer in time. Try again later."),
    INTERNAL_ERROR(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error",
            "服务器内部错误", "网关处理请求时出错，请稍后重试",
            "Internal Server Error", "The gateway failed to process the request. Try again later.");

    /** Problem types are URNs: stable names that clients may compare, not web pages. */
    static final String TYPE_PREFIX = "urn:chanjiao:problem:gateway:";

    private final HttpStatus status;
    private final URI type;
    private final String titleZh;
    private final String detailZh;
    private final String titleEn;
    private final String detailEn;

    GatewayProblem(HttpStatus status, String slug, String titleZh, String detailZh, String titleEn,
            String detailEn) {
        this.status = status;
        this.type = URI.create(TYPE_PREFIX + slug);
        this.titleZh = titleZh;
        this.detailZh = detailZh;
        this.titleEn = titleEn;
        this.detailEn = detailEn;
    }

    /** The problem that best describes a status the gateway must answer itself. */
    static GatewayProblem forStatus(HttpStatusCode status) {
        return switch (status.value()) {
            case 400 -> BAD_REQUEST;
            case 401 -> UNAUTHORIZED;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 429 -> TOO_MANY_REQUESTS;
            case 502 -> BAD_GATEWAY;
            case 503 -> SERVICE_UNAVAILABLE;
            case 504 -> GATEWAY_TIMEOUT;
            default -> status.is4xxClientError() ? REQUEST_NOT_PROCESSED : INTERNAL_ERROR;
        };
    }

    HttpStatus status() {
        return status;
    }

    URI type() {
        return type;
    }

    String title(boolean english) {
        return english ? titleEn : titleZh;
    }

    String detail(boolean english) {
        return english ? detailEn : detailZh;
    }
}
