package cn.chanjiao.kit.openapi;

import io.swagger.v3.oas.annotations.media.Schema;

import java.net.URI;
import java.util.List;

/**
 * The documented shape of every error answer: an RFC 9457 problem detail ({@code application/problem+json})
 * in Simplified Chinese, or English with {@code Accept-Language: en}. Only for the OpenAPI document;
 * the answers themselves are Spring's {@code ProblemDetail} built by the kit's {@code Problems}.
 */
@Schema(name = "Problem", description = "RFC 9457 problem detail. `type` is stable and meant for code "
        + "(`urn:chanjiao:problem:<code>`); `title` and `detail` are for people, in Simplified Chinese unless "
        + "the request says `Accept-Language: en`. A problem may carry further properties named in its "
        + "operation's description (e.g. `currentVersion`, `dependency`).")
record ProblemBody(
        @Schema(description = "what went wrong, for code to branch on", example = "urn:chanjiao:problem:validation",
                requiredMode = Schema.RequiredMode.REQUIRED) URI type,
        @Schema(description = "the status's name in the caller's language", example = "请求无效",
                requiredMode = Schema.RequiredMode.REQUIRED) String title,
        @Schema(description = "the HTTP status", example = "400", requiredMode = Schema.RequiredMode.REQUIRED) int status,
        @Schema(description = "what the caller can do about it, in the caller's language",
                example = "请求有 1 处错误") String detail,
        @Schema(description = "the request's path", example = "/api/v1/applications") URI instance,
        @Schema(description = "the request id (also the `X-Request-Id` header) to quote to support",
                example = "3f1c2a7e-9b4d-4f51-8a0e-2c6d7b9e1f30") String requestId,
        @Schema(description = "each bad field of a 400") List<FieldProblem> errors,
        @Schema(description = "412 only: the resource's current version (also its `ETag`)", example = "8")
        Long currentVersion) {

    @Schema(name = "FieldProblem", description = "one rejected field of a request")
    record FieldProblem(
            @Schema(description = "the field as a JSON path", example = "basicInfo.name",
                    requiredMode = Schema.RequiredMode.REQUIRED) String field,
            @Schema(description = "why, in the caller's language", example = "不能为空",
                    requiredMode = Schema.RequiredMode.REQUIRED) String message,
            @Schema(description = "the value sent, where it is a single value", example = "") String rejectedValue,
            @Schema(description = "the rule's message code, where the service names it", example = "form.required")
            String code) {
    }
}
