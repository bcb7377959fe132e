package cn.chanjiao.identity.caller;

import cn.chanjiao.kit.security.Caller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/** Tells a front end or an integrator who the token says it is: roles, organisation and scope. */
@RestController
@RequestMapping("/api/v1/identity/me")
class CallerController {

    @GetMapping
    CallerResponse me(Caller caller) {
        return new CallerResponse(caller.subject(), caller.username(), new TreeSet<>(caller.roles()),
                caller.organisationId().orElse(null), caller.authorityCode().orElse(null),
                caller.department().orElse(null), caller.clientId(), caller.serviceAccount());
    }

    record CallerResponse(String subject, String username, Set<String> roles, UUID organisationId,
            String authorityCode, String department, String clientId, boolean serviceAccount) {
    }
}
