package cn.chanjiao.kit.openapi;

import io.swagger.v3.oas.models.Operation;
import org.springframework.web.method.HandlerMethod;

/**
 * Operation ids that do not depend on the order springdoc meets the controllers in: the controller's
 * name without {@code Controller}, then the method's ({@code ApplicationController.submit} →
 * {@code applicationSubmit}), so that generated clients keep their function names between releases.
 */
final class OperationIds {

    private OperationIds() {
    }

    static Operation name(Operation operation, HandlerMethod handler) {
        String type = handler.getBeanType().getSimpleName();
        int cglib = type.indexOf("$$");
        if (cglib > 0) {
            type = type.substring(0, cglib);
        }
        if (type.endsWith("Controller") && type.length() > "Controller".length()) {
            type = type.substring(0, type.length() - "Controller".length());
        }
        String method = handler.getMethod().getName();
        operation.setOperationId(Character.toLowerCase(type.charAt(0)) + type.substring(1)
                + Character.toUpperCase(method.charAt(0)) + method.substring(1));
        return operation;
    }
}
