package cn.chanjiao.identity.authority;

import cn.chanjiao.kit.web.ApiException;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The jurisdiction tree, read-only and public (registration forms need it before anyone has a token).
 */
@RestController
@RequestMapping("/api/v1/public/identity")
class AuthorityController {

    private static final int MAX_DEPTH = 3;

    private final AuthorityDirectory authorities;

    AuthorityController(AuthorityDirectory authorities) {
        this.authorities = authorities;
    }

    /** Search by name (substring) or code (prefix), optionally by level and below an authority. */
    @GetMapping("/authorities")
    List<AuthorityResponse> search(@RequestParam(required = false) String q,
            @RequestParam(required = false) AuthorityLevel level, @RequestParam(required = false) String within) {
        if (within != null && authorities.find(within).isEmpty()) {
            throw ApiException.notFound("problem.authorityNotFound", within);
        }
        return authorities.search(q, level, within).stream().map(AuthorityController::response).toList();
    }

    /** The tree from {@code root} (default the nation) down {@code depth} levels (default and at most 3). */
    @GetMapping("/authorities/tree")
    AuthorityNode tree(@RequestParam(defaultValue = AuthorityDirectory.NATIONAL) String root,
            @RequestParam(defaultValue = "3") int depth) {
        if (depth < 0 || depth > MAX_DEPTH) {
            throw ApiException.badRequest("problem.treeDepth", MAX_DEPTH);
        }
        Authority top = authorities.find(root).orElseThrow(() -> ApiException.notFound("problem.authorityNotFound", root));
        return node(top, depth);
    }

    /** One authority with its path from the nation, its departments and its direct children. */
    @GetMapping("/authorities/{code}")
    AuthorityDetailResponse authority(@PathVariable String code) {
        Authority authority = authorities.find(code).orElseThrow(() -> ApiException.notFound("problem.authorityNotFound", code));
        return new AuthorityDetailResponse(authority.code(), authority.name(), authority.level(), authority.parentCode(),
                authorities.path(code).stream().map(AuthorityController::response).toList(),
                authorities.departments(code).stream().map(d -> new AuthorityDepartmentResponse(d.code(), d.name())).toList(),
                authorities.children(code).stream().map(AuthorityController::response).toList());
    }

    /** The eight departments every authority has, with the code the {@code department} claim carries. */
    @GetMapping("/departments")
    List<DepartmentResponse> departments() {
        boolean english = Locale.ENGLISH.getLanguage().equals(LocaleContextHolder.getLocale().getLanguage());
        return Arrays.stream(Department.values())
                .map(d -> new DepartmentResponse(d.code(), english ? d.nameEn() : d.nameZh()))
                .toList();
    }

    private AuthorityNode node(Authority authority, int depth) {
        List<AuthorityNode> children = depth == 0 ? List.of()
                : authorities.children(authority.code()).stream().map(child -> node(child, depth - 1)).toList();
        return new AuthorityNode(authority.code(), authority.name(), authority.level(), children);
    }

    private static AuthorityResponse response(Authority authority) {
        return new AuthorityResponse(authority.code(), authority.name(), authority.level(), authority.parentCode());
    }

    record AuthorityResponse(String code, String name, AuthorityLevel level, String parentCode) {
    }

    record AuthorityNode(String code, String name, AuthorityLevel level, List<AuthorityNode> children) {
    }

    record AuthorityDepartmentResponse(String code, String name) {
    }

    record AuthorityDetailResponse(String code, String name, AuthorityLevel level, String parentCode,
            List<AuthorityResponse> path, List<AuthorityDepartmentResponse> departments, List<AuthorityResponse> children) {
    }

    record DepartmentResponse(String code, String name) {
    }
}
