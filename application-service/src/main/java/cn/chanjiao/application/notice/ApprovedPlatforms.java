package cn.chanjiao.application.notice;

import cn.chanjiao.application.form.ApplicationForm;
import cn.chanjiao.application.form.Form;
import cn.chanjiao.application.programme.Programme;
import cn.chanjiao.application.programme.TypeRules;
import cn.chanjiao.contracts.application.PlatformApproved;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** What other services learn of an approved platform: {@link PlatformApproved} from the form as submitted. */
final class ApprovedPlatforms {

    private ApprovedPlatforms() {
    }

    static PlatformApproved event(UUID platformId, ApplicationForm application, Form submitted, Programme programme,
            TypeRules type, Instant approvedAt) {
        Form.LeadUnit filer = submitted.leadUnits().stream()
                .filter(lead -> application.organisationId().equals(lead.organisationId())).findFirst()
                .orElse(submitted.leadUnits().isEmpty() ? null : submitted.leadUnits().get(0));
        List<PlatformApproved.Member> members = new ArrayList<>();
        for (Form.LeadUnit lead : submitted.leadUnits()) {
            // a lead's type is its organisation kind (ENTERPRISE, VOCATIONAL_SCHOOL, INDUSTRIAL_PARK …), as identity-service knows it
            members.add(new PlatformApproved.Member(lead.organisationId(), lead.name(), "LEAD",
                    lead.kind() != null ? lead.kind() : lead.role(),
                    lead.uscc() != null ? lead.uscc() : lead.schoolCode(), lead.provinceCode(), lead.cityCode(),
                    lead.districtCode()));
        }
        for (Form.Participant participant : submitted.participants()) {
            String region = participant.regionCode();
            members.add(new PlatformApproved.Member(participant.organisationId(), participant.name(), "PARTICIPANT",
                    participant.type(), participant.code(), province(region), city(region), district(region)));
        }
        List<PlatformApproved.PlanTarget> targets = submitted.plan().stream()
                .map(value -> new PlatformApproved.PlanTarget(value.indicator(), value.year(), value.value())).toList();
        String name = submitted.basicInfo().name() != null ? submitted.basicInfo().name() : application.name();
        return new PlatformApproved(UUID.randomUUID(), approvedAt, platformId, application.id(), programme.id(),
                programme.definition().code(), application.platformType().name(), name, application.organisationId(),
                submitted.leadUnits().stream().map(Form.LeadUnit::organisationId).toList(), regionOf(filer, application),
                programme.definition().authority().code(), programme.definition().planYears().years(),
                type.baselineYear(), targets, members, approvedAt, programme.definition().windows().stream()
                        .map(w -> new PlatformApproved.ProgrammeWindow(w.purpose().name(), w.opensOn(), w.closesOn(),
                                w.yearly() == null ? null : w.yearly().opens(), w.yearly() == null ? null : w.yearly().closes(),
                                w.yearly() == null ? null : w.yearly().fromYear(),
                                w.yearly() == null ? null : w.yearly().untilYear()))
                        .toList());
    }

    static String regionOf(Form.LeadUnit filer, ApplicationForm application) {
        if (filer != null) {
            if (filer.districtCode() != null) {
                return filer.districtCode();
            }
            if (filer.cityCode() != null) {
                return filer.cityCode();
            }
            if (filer.provinceCode() != null) {
                return filer.provinceCode();
            }
        }
        return application.recommendingRegionCode();
    }

    static String province(String region) {
        return region == null || region.length() != 6 ? null : region.substring(0, 2) + "0000";
    }

    static String city(String region) {
        return region == null || region.length() != 6 || region.endsWith("0000") ? null : region.substring(0, 4) + "00";
    }

    static String district(String region) {
        return region == null || region.length() != 6 || region.endsWith("00") ? null : region;
    }
}
