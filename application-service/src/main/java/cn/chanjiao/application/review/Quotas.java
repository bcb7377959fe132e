package cn.chanjiao.application.review;

import cn.chanjiao.application.programme.TypeRules;
import cn.chanjiao.application.programme.TypeRules.Quota;
import cn.chanjiao.application.programme.TypeRules.QuotaScope;
import cn.chanjiao.kit.web.ApiException;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A programme's quota per type. {@code PER_RECOMMENDING_REGION} bounds how many each recommending
 * authority recommends (≤ 3 city consortia per province); {@code TOTAL} bounds how many the selecting
 * authority shortlists (Hangzhou's 5 / 5 / 15 / 5 / 10). A breach is a 409 naming the quota.
 */
final class Quotas {

    private Quotas() {
    }

    /** Refuses taking {@code adding} more when {@code used} are taken already under {@code scope}. */
    static void check(TypeRules type, QuotaScope scope, String authorityCode, int used, int adding) {
        Quota quota = type.quota();
        if (quota == null || quota.scope() != scope) {
            return;
        }
        if (used + adding > quota.limit()) {
            Map<String, Object> described = new LinkedHashMap<>();
            described.put("limit", quota.limit());
            described.put("scope", quota.scope().name());
            described.put("platformType", type.type().name());
            described.put("authorityCode", authorityCode);
            described.put("used", used);
            described.put("requested", adding);
            throw ApiException.conflict(scope == QuotaScope.TOTAL ? "quota.total" : "quota.perRegion", type.name(),
                    String.valueOf(quota.limit()), authorityCode, String.valueOf(used)).with("quota", described);
        }
    }
}
