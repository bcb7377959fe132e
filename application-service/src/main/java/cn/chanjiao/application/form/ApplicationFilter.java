package cn.chanjiao.application.form;

import cn.chanjiao.application.programme.PlatformType;
import cn.chanjiao.kit.security.Caller;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What a caller may see, narrowed by the list's query parameters. */
record ApplicationFilter(Caller caller, UUID programmeId, PlatformType platformType, ApplicationStatus status,
        String region, Instant updatedSince) {

    String where(List<Object> params) {
        StringBuilder where = new StringBuilder(ApplicationAccess.where(caller, params));
        if (programmeId != null) {
            where.append(" and a.programme_id = ?");
            params.add(programmeId);
        }
        if (platformType != null) {
            where.append(" and a.platform_type = ?");
            params.add(platformType.name());
        }
        if (status != null) {
            where.append(" and a.status = ?");
            params.add(status.name());
        }
        if (region != null && !region.isBlank()) {
            where.append(" and a.recommending_region_code like ?");
            params.add(Codes.prefix(region) + "%");
        }
        if (updatedSince != null) {
            where.append(" and a.updated_at > ?");
            params.add(Timestamp.from(updatedSince));
        }
        return where.toString();
    }
}
