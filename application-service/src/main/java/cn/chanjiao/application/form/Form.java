package cn.chanjiao.application.form;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The content of an application form (申报书 / 推荐书), stored as one JSON document and changed part
 * by part. A draft may be incomplete; completeness is judged at submission ({@link FormRules}).
 */
public record Form(BasicInfo basicInfo, List<LeadUnit> leadUnits, List<Participant> participants,
        List<PlanValue> plan, Map<String, String> sections, Commitment commitment) {

    public Form {
        basicInfo = basicInfo == null ? BasicInfo.EMPTY : basicInfo;
        leadUnits = leadUnits == null ? List.of() : List.copyOf(leadUnits);
        participants = participants == null ? List.of() : List.copyOf(participants);
        plan = plan == null ? List.of() : List.copyOf(plan);
        sections = sections == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(sections));
        commitment = commitment == null ? Commitment.NONE : commitment;
    }

    public static Form empty() {
        return new Form(null, null, null, null, null, null);
    }

    public Form withBasicInfo(BasicInfo value) {
        return new Form(value, leadUnits, participants, plan, sections, commitment);
    }

    public Form withLeadUnits(List<LeadUnit> value) {
        return new Form(basicInfo, value, participants, plan, sections, commitment);
    }

    public Form withParticipants(List<Participant> value) {
        return new Form(basicInfo, leadUnits, value, plan, sections, commitment);
    }

    public Form withPlan(List<PlanValue> value) {
        return new Form(basicInfo, leadUnits, participants, value, sections, commitment);
    }

    public Form withSection(String code, String text) {
        Map<String, String> changed = new LinkedHashMap<>(sections);
        if (text == null || text.isBlank()) {
            changed.remove(code);
        } else {
            changed.put(code, text);
        }
        return new Form(basicInfo, leadUnits, participants, plan, changed, commitment);
    }

    public Form withCommitment(Commitment value) {
        return new Form(basicInfo, leadUnits, participants, plan, sections, value);
    }

    /**
     * 基本信息. Which fields a type requires is the programme's {@code requiredBasicFields}.
     *
     * @param name                   the platform's name (共同体 / 联合体 / 实践中心名称)
     * @param foundedOn              (拟)成立时间
     * @param headName               负责人姓名
     * @param headTitle              职务
     * @param recommendingRegionCode 推荐省份 / 推荐区、县（市）, GB/T 2260
     * @param contactName            联系人 (practice centres: 建设单位负责人)
     * @param address                实践中心地址
     * @param industryField          服务行业产业领域
     * @param parkName               依托园区
     * @param secretariat            秘书处（办公室）情况 (consortia)
     */
    public record BasicInfo(String name, LocalDate foundedOn, String headName, String headTitle, String headPhone,
            String headEmail, String contactName, String contactOrganisation, String contactTitle, String contactPhone,
            String contactEmail, String recommendingRegionCode, String address, String industryField, String parkName,
            Secretariat secretariat) {

        public static final BasicInfo EMPTY = new BasicInfo(null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null);
    }

    /** 秘书处（办公室）情况. */
    public record Secretariat(String organisation, String headName, BigDecimal officeArea, String phone,
            Integer staffTotal, Integer fullTimeStaff, Integer partTimeStaff, String staffNames) {

        public boolean complete() {
            return notBlank(organisation) && notBlank(headName) && officeArea != null && notBlank(phone)
                    && staffTotal != null && fullTimeStaff != null && partTimeStaff != null;
        }

        private static boolean notBlank(String value) {
            return value != null && !value.isBlank();
        }
    }

    /**
     * A lead unit as identity-service described it when it was checked.
     *
     * @param role       the programme's lead role, e.g. {@code UNIVERSITY}
     * @param attributes the rule attributes it held when checked
     */
    public record LeadUnit(String role, UUID organisationId, String name, String kind, String uscc, String schoolCode,
            String address, String provinceCode, String cityCode, String districtCode, List<String> attributes,
            Instant checkedAt) {
    }

    /**
     * A participant (参与单位 / 成员单位 / 共建单位); it need not be registered with the platform.
     *
     * @param type             one of the programme's participant types
     * @param regionCode       where it is (所在省份 / 所在区、县（市）), GB/T 2260
     * @param code             USCC or school code (学校机构代码/统一社会信用代码)
     * @param enrolledStudents 在校生数, for school types of consortia
     * @param proofAttachmentId its proof of participation (参与证明材料), an attachment of this form
     * @param organisationId   its id in identity-service, if registered
     */
    public record Participant(UUID id, String type, String name, String regionCode, String code,
            Integer enrolledStudents, UUID proofAttachmentId, UUID organisationId) {
    }

    /** One cell of the construction-plan table. */
    public record PlanValue(String indicator, int year, BigDecimal value) {
    }

    /** 承诺: the lead's head accepted the programme's commitment text. */
    public record Commitment(boolean accepted, String signatory, Instant acceptedAt, String acceptedBy) {

        public static final Commitment NONE = new Commitment(false, null, null, null);
    }
}
