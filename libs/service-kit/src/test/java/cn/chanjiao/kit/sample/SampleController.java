package cn.chanjiao.kit.sample;

import cn.chanjiao.kit.security.Caller;
import cn.chanjiao.kit.web.ApiException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.util.Map;
import java.util.Set;

/** Endpoints that make each kind of error happen. */
@RestController
@RequestMapping("/api/v1/kit-sample")
class SampleController {

    @GetMapping("/caller")
    Caller caller(Caller caller) {
        return caller;
    }

    @GetMapping("/authorities")
    @PreAuthorize("hasRole('reviewer') and hasAuthority('AUTHORITY_140000') and hasAuthority('DEPARTMENT_education')")
    Set<String> reviewersOfShanxiEducationOnly() {
        return Set.of("ok");
    }

    @PostMapping(path = "/forms", consumes = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> create(@Valid @RequestBody SampleForm form) {
        return Map.of("name", form.name());
    }

    @GetMapping("/forms/{id}")
    Map<String, Object> find(@PathVariable String id) {
        throw ApiException.notFound("sample.notFound", id);
    }

    @PutMapping("/forms/{id}")
    Map<String, Object> save(@PathVariable String id, @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        if (ifMatch == null) {
            throw ApiException.preconditionRequired("sample.ifMatchRequired");
        }
        if (!ifMatch.equals("\"3\"")) {
            throw ApiException.preconditionFailed("sample.stale", ifMatch, "\"3\"");
        }
        throw new OptimisticLockingFailureException("row changed under us");
    }

    @PostMapping("/codes/{code}")
    Map<String, Object> register(@PathVariable String code) {
        throw ApiException.conflict("sample.duplicate", code).with("existingName", "太原重工股份有限公司");
    }

    @PostMapping("/uploads")
    Map<String, Object> upload(@RequestParam MultipartFile file) {
        return Map.of("size", file.getSize());
    }

    @GetMapping("/boom")
    Map<String, Object> boom() {
        throw new IllegalStateException("secret internals");
    }

    @GetMapping("/busy")
    Map<String, Object> busy() {
        throw new QueryTimeoutException("canceling statement due to statement timeout: secret internals");
    }

    record SampleForm(@NotBlank @Size(max = 10) String name, @Min(2023) @Max(2030) int year) {
    }
}
