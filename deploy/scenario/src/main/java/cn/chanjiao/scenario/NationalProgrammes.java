package cn.chanjiao.scenario;

import cn.chanjiao.scenario.Api.Caller;
import cn.chanjiao.scenario.Api.Response;
import cn.chanjiao.scenario.ProgrammeYear.Application;
import cn.chanjiao.scenario.ProgrammeYear.Organisation;
import cn.chanjiao.scenario.ProgrammeYear.OrganisationSpec;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static cn.chanjiao.scenario.ProgrammeYear.OFFSET;
import static cn.chanjiao.scenario.ProgrammeYear.PASSWORD;
import static cn.chanjiao.scenario.ProgrammeYear.RUN;

/**
 * The two national programmes of the year, walked through the gateway like the Shanxi one:
 *
 * <ul>
 *   <li><b>City consortia</b> (seed 003, {@code MOE-CITY-CONSORTIUM-2023}): in spring 2023 four consortia of one
 *       province (park or government body, school, enterprise each) file their 推荐书; the province's education
 *       department recommends three — the fourth is refused with 409 {@code quota.perRegion}, the per-province quota
 *       of three — ranks and locks its list and exports the 推荐名单汇总表; the Ministry of Education (100000)
 *       scores them with seed 003's observation points, shortlists two, rejects one, and (with the Shanxi notice
 *       over the National Day holiday) puts two on public notice and approves them.</li>
 *   <li><b>The national industry community</b> (seed 001, {@code MOE-INDUSTRY-COMMUNITY-2023}): one community of
 *       the province (lead university with master's and doctoral degree rights, an independent-training vocational
 *       school) through the province's desk stage to the ministry, and a central SOE's community filed directly to the
 *       ministry (its route skips the province); the province's staff cannot act at the ministry's stage.</li>
 * </ul>
 *
 * <p>The realm has no national staff: the platform admin appoints the ministry's programme admin through
 * identity-service ({@code POST /api/v1/identity/staff/programme-admins}), who appoints the ministry's experts; the
 * province's programme admin appoints the reviewer of its education department. Their first-login password change is
 * done through Keycloak's admin API as for the Shanxi experts.
 *
 * <p>The province is Shanxi (140000). A developer rerunning the year against one platform ({@code -Dscenario.run=N})
 * gets another province each run, whose programme admin the platform admin appoints too: a province recommends at most
 * three consortia once, and its locked lists do not change.
 */
final class NationalProgrammes {

    static final String CONSORTIA = "MOE-CITY-CONSORTIUM-2023";
    static final String NATIONAL_COMMUNITY = "MOE-INDUSTRY-COMMUNITY-2023";
    static final String CONSORTIUM = "CITY_CONSORTIUM";
    static final String COMMUNITY = ProgrammeYear.COMMUNITY;
    static final String MINISTRY = "100000";
    /** Provinces of reruns on one platform (identity-service knows no cities there: organisations name none). */
    static final List<String> RERUN_PROVINCES = List.of("410000", "130000", "370000", "320000", "610000", "220000",
            "340000", "360000", "430000", "450000");
    static final Map<String, String> PROVINCE_NAMES = Map.of("140000", "山西省", "410000", "河南省", "130000", "河北省",
            "370000", "山东省", "320000", "江苏省", "610000", "陕西省", "220000", "吉林省", "340000", "安徽省",
            "360000", "江西省", "430000", "湖南省");

    private final ProgrammeYear year;
    private final Api api;
    private final Caller platformAdmin;
    private final Caller adminShanxi;
    private final Caller adminHangzhou;
    private final Caller publicVisitor;
    final String province;
    private final boolean shanxi;
    private Caller provincialAdmin;
    private Caller provincialReviewer;
    private Caller ministryAdmin;
    /** The account id of the last person appointed (an expert's id in review rounds). */
    private UUID lastAppointed;
    private final Map<String, JsonNode> programmes = new LinkedHashMap<>();
    /** The organisations this part registers, by key (merged into the year's once the year has verified its own). */
    final Map<String, Organisation> organisations = new LinkedHashMap<>();
    final Map<String, Application> applications = new LinkedHashMap<>();
    final Map<String, ProgrammeYear.Expert> experts = new LinkedHashMap<>();
    /** Shortlisted by the ministry, put on notice with the Shanxi notice and approved by the same job. */
    private final List<Application> consortiaShortlisted = new ArrayList<>();
    private final List<Application> communitiesShortlisted = new ArrayList<>();
    final List<JsonNode> approvedPlatforms = new ArrayList<>();
    private final Map<String, String> notices = new LinkedHashMap<>();
    int recommended;
    int staffAppointed;

    NationalProgrammes(ProgrammeYear year, Api api) {
        this.year = year;
        this.api = api;
        this.platformAdmin = api.person("platform-admin", ProgrammeYear.DEMO_PASSWORD);
        this.adminShanxi = api.person("programme-admin-shanxi", ProgrammeYear.DEMO_PASSWORD);
        this.adminHangzhou = api.person("programme-admin-hangzhou", ProgrammeYear.DEMO_PASSWORD);
        this.publicVisitor = api.anonymous();
        this.shanxi = RUN.isEmpty();
        this.province = shanxi ? "140000" : RERUN_PROVINCES.get(Integer.parseInt(RUN) % RERUN_PROVINCES.size());
    }

    // --- cities of the province: Shanxi's real ones; a rerun's province has none in identity-service ---------------

    private String city(int n) {
        return shanxi ? "14" + String.format("%02d", n) + "00" : null;
    }

    private String provinceName() {
        return PROVINCE_NAMES.getOrDefault(province, "某省");
    }

    // === 1. city consortia (spring 2023) ========================================================================

    /** From registration to the ministry's shortlist, 10 May – 20 June 2023: the clock then stands before the Shanxi year. */
    void cityConsortia() {
        year.setClock("2023-05-10T09:00:00+08:00");
        appointStaff();
        registerAndVerify();
        JsonNode programme = programme(CONSORTIA);
        year.check(programme.path("registration").path("open").asBoolean(), "the consortium registration window is open on 2023-05-10");

        year.step("N1. four consortia of " + provinceName() + " fill their 推荐书: park, school and enterprise as leads, members with"
                + " enrolled students, the 2022 baseline and 2023–2025 committed data, ten sections, the stamped form");
        String[][] consortia = {
                {"CC1", "太原市新能源汽车市域产教联合体", "cc1"},
                {"CC2", "大同市煤机装备市域产教联合体", "cc2"},
                {"CC3", "阳泉市数字经济市域产教联合体", "cc3"},
                {"CC4", "长治市特种钢材市域产教联合体", "cc4"}};
        int scale = 0;
        for (String[] c : consortia) {
            scale++;
            String base = shanxi ? c[1] : provinceName() + c[1].substring(3);
            applications.put(c[0], fileConsortium(c[0], base, c[2], scale));
        }
        Application first = applications.get("CC1");
        organisations.get("cc2-park").admin().get("/api/v1/applications/" + first.id()).expect(404);
        adminHangzhou.get("/api/v1/applications/" + first.id()).expect(404);
        ministryAdmin.get("/api/v1/applications/" + first.id()).expect(200);

        recommendWithinTheQuota(programme);
        ministryReviewsTheConsortia(programme);
    }

    void appointStaff() {
        year.step("N1. the platform admin appoints the ministry's programme admin (100000, education) through identity-service;"
                + " the realm has no national staff");
        Map<String, Object> national = staff("moe-edu-admin", "教育部", "职成司管理员", 1);
        national.put("authorityCode", MINISTRY);
        national.put("department", "education");
        adminShanxi.post("/api/v1/identity/staff/programme-admins").json(national).expect(403);
        ministryAdmin = appoint(platformAdmin, "programme-admins", national);
        JsonNode me = ministryAdmin.get("/api/v1/identity/me").expect(200).json();
        year.check(me.path("roles").toString().contains("programme-admin"), "the ministry's admin has role programme-admin");
        year.check(me.toString().contains(MINISTRY), "the ministry's admin is scoped to 100000: " + me);

        if (shanxi) {
            provincialAdmin = adminShanxi;
        } else {
            Map<String, Object> admin = staff("prov-edu-admin-" + province, provinceName() + "教育厅", "管理员", 2);
            admin.put("authorityCode", province);
            admin.put("department", "education");
            provincialAdmin = appoint(platformAdmin, "programme-admins", admin);
        }
        year.step("N1. " + provinceName() + "'s programme admin appoints a reviewer of its education department; not one of the ministry");
        Map<String, Object> outside = staff("prov-edu-reviewer-x", "越权", "审核员", 3);
        outside.put("authorityCode", MINISTRY);
        outside.put("department", "education");
        Response refused = provincialAdmin.post("/api/v1/identity/staff/reviewers").json(outside).expect(403);
        year.check(refused.text().contains(MINISTRY), "the 403 names the authority outside its jurisdiction: " + refused.text());
        Map<String, Object> reviewer = staff("prov-edu-reviewer-" + province, provinceName() + "教育厅", "职成处审核员", 4);
        reviewer.put("authorityCode", province);
        reviewer.put("department", "education");
        provincialReviewer = appoint(provincialAdmin, "reviewers", reviewer);
    }

    private static Map<String, Object> staff(String username, String familyName, String givenName, int n) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("username", username + RUN);
        body.put("familyName", familyName);
        body.put("givenName", givenName);
        body.put("email", username + RUN + "@example.cn");
        body.put("mobile", String.format("136%08d", n + OFFSET));
        return body;
    }

    /** An invitation through identity-service, then the person's first login: the new password set on Keycloak's page. */
    private Caller appoint(Caller by, String kind, Map<String, Object> body) {
        String username = (String) body.get("username");
        JsonNode invited = by.post("/api/v1/identity/staff/" + kind).json(body).expect(201).json();
        UUID id = UUID.fromString(invited.path("account").path("id").asString());
        year.check(invited.path("initialPassword").isString(), "the invitation of " + username + " answers the initial password once");
        year.check(api.passwordGrantStatus(username, invited.path("initialPassword").asString()) == 400,
                "the temporary initial password of " + username + " gives no token before it is changed");
        api.keycloakAdmin("PUT", "/users/" + id + "/reset-password", "chanjiao-identity-admin",
                "chanjiao-identity-admin-demo-secret", Map.of("type", "password", "value", PASSWORD, "temporary", false))
                .expect(204);
        staffAppointed++;
        lastAppointed = id;
        return api.person(username, PASSWORD);
    }

    // --- organisations -------------------------------------------------------------------------------------------

    private List<OrganisationSpec> specs() {
        String p = province.substring(0, 2);
        String name = shanxi ? "" : provinceName();
        List<OrganisationSpec> specs = new ArrayList<>();
        String[][] consortia = {
                {"cc1", "太原", "1", "GOVERNMENT_DEPARTMENT"}, {"cc2", "大同", "2", "INDUSTRIAL_PARK"},
                {"cc3", "阳泉", "3", "INDUSTRIAL_PARK"}, {"cc4", "长治", "4", "GOVERNMENT_DEPARTMENT"}};
        int serial = 0;
        for (String[] c : consortia) {
            serial++;
            String city = city(Integer.parseInt(c[2]));
            String division = city != null ? city : province;
            String place = name + c[1];
            if (c[3].equals("INDUSTRIAL_PARK")) {
                specs.add(new OrganisationSpec(c[0] + "-park", "INDUSTRIAL_PARK", place + "经济技术开发区", province, city, null,
                        Codes.uscc("11", division, 4000 + serial + OFFSET), Map.of("managementCommittee", place + "经济技术开发区管理委员会",
                                "parkLevel", "NATIONAL", "parkOutputValue", 800.0 + serial * 100, "parkOutputYear", 2022), c[0] + "-park-admin"));
            } else {
                specs.add(new OrganisationSpec(c[0] + "-park", "GOVERNMENT_DEPARTMENT", place + "市人民政府", province, city, null,
                        Codes.uscc("11", division, 4000 + serial + OFFSET), Map.of("governmentAuthorityCode", division,
                                "governmentDepartment", "development-reform"), c[0] + "-park-admin"));
            }
            specs.add(new OrganisationSpec(c[0] + "-school", "VOCATIONAL_SCHOOL", place + "职业技术学院", province, city, null,
                    Codes.schoolCode(p, 560 + serial + OFFSET), Map.of("vocationalLevel", "HIGHER", "doubleHighLevel", "PROVINCIAL",
                            "independentTrainingInstitution", true), c[0] + "-school-admin"));
            specs.add(new OrganisationSpec(c[0] + "-enterprise", "ENTERPRISE", place + "装备制造集团有限公司", province, city, null,
                    Codes.uscc("91", division, 4010 + serial + OFFSET), Map.of("centralSoe", false, "chinaTop500", false,
                            "integrationEnterpriseLevel", "PROVINCIAL"), c[0] + "-enterprise-admin"));
        }
        // the ministry's experts work here: Beijing, Tianjin, and the first consortium's city (avoided for it)
        specs.add(new OrganisationSpec("bj-institute", "RESEARCH_INSTITUTE", "中国职业教育研究院（北京）", "110000", null, null,
                Codes.uscc("12", "110000", 4101 + OFFSET), Map.of(), "bj-institute-admin"));
        specs.add(new OrganisationSpec("tj-univ", "UNIVERSITY", "天津职业技术师范学院", "120000", null, null,
                Codes.schoolCode("12", 21 + OFFSET), Map.of("masterDegreeRights", true, "doctoralDegreeRights", false,
                        "independentTrainingInstitution", true), "tj-univ-admin"));
        specs.add(new OrganisationSpec("p1-institute", "RESEARCH_INSTITUTE", name + (shanxi ? "太原" : "") + "产业技术研究院", province,
                city(1), null, Codes.uscc("12", city(1) != null ? city(1) : province, 4102 + OFFSET), Map.of(), "p1-institute-admin"));
        // the national community of the province: Jinzhong and Yuncheng
        String jz = city(7) != null ? city(7) : province;
        String yc = city(8) != null ? city(8) : province;
        specs.add(new OrganisationSpec("nc-enterprise", "ENTERPRISE", name + "晋南高端装备制造集团有限公司", province, city(8), null,
                Codes.uscc("91", yc, 4201 + OFFSET), Map.of("centralSoe", false, "chinaTop500", true, "integrationEnterpriseLevel", "NATIONAL"),
                "nc-enterprise-admin"));
        specs.add(new OrganisationSpec("nc-univ", "UNIVERSITY", name + "晋中工业大学", province, city(7), null,
                Codes.schoolCode(p, 22 + OFFSET), Map.of("masterDegreeRights", true, "doctoralDegreeRights", true,
                        "independentTrainingInstitution", true), "nc-univ-admin"));
        specs.add(new OrganisationSpec("nc-school", "VOCATIONAL_SCHOOL", name + "运城装备制造职业技术学院", province, city(8), null,
                Codes.schoolCode(p, 566 + OFFSET), Map.of("vocationalLevel", "HIGHER", "doubleHighLevel", "NATIONAL",
                        "independentTrainingInstitution", true), "nc-school-admin"));
        // a central SOE's community, filed directly to the ministry
        specs.add(new OrganisationSpec("soe", "ENTERPRISE", "中国重型装备集团有限公司", "110000", null, null,
                Codes.uscc("91", "110000", 4301 + OFFSET), Map.of("centralSoe", true, "chinaTop500", true, "integrationEnterpriseLevel", "NATIONAL"),
                "soe-admin"));
        specs.add(new OrganisationSpec("soe-univ", "UNIVERSITY", "北京机械工程大学", "110000", null, null,
                Codes.schoolCode("11", 23 + OFFSET), Map.of("masterDegreeRights", true, "doctoralDegreeRights", true,
                        "independentTrainingInstitution", true), "soe-univ-admin"));
        specs.add(new OrganisationSpec("soe-school", "VOCATIONAL_SCHOOL", "北京装备制造职业技术学院", "110000", null, null,
                Codes.schoolCode("11", 567 + OFFSET), Map.of("vocationalLevel", "HIGHER", "doubleHighLevel", "NATIONAL",
                        "independentTrainingInstitution", true), "soe-school-admin"));
        return specs;
    }

    void registerAndVerify() {
        List<OrganisationSpec> specs = specs();
        year.step("N1. " + specs.size() + " lead organisations of the national programmes and the ministry's experts' organisations"
                + " register themselves");
        int serial = 0;
        for (OrganisationSpec spec : specs) {
            serial++;
            Map<String, Object> admin = new LinkedHashMap<>();
            admin.put("username", spec.username());
            admin.put("familyName", "周");
            admin.put("givenName", "管理员" + serial);
            admin.put("email", spec.username() + "@example.cn");
            admin.put("mobile", String.format("135%08d", serial + OFFSET));
            admin.put("password", PASSWORD);
            Map<String, Object> body = ProgrammeYear.organisationBody(spec);
            if (!spec.province().equals("140000")) {
                body.put("address", PROVINCE_NAMES.getOrDefault(spec.province(), spec.province().equals("110000") ? "北京市"
                        : "天津市") + spec.name() + "办公楼1号");
            }
            JsonNode created = publicVisitor.post("/api/v1/public/identity/registrations")
                    .idempotencyKey("scenario-registration-" + spec.key() + RUN)
                    .json(Map.of("organisation", body, "admin", admin)).expect(201).json().path("organisation");
            year.check(created.path("status").asString().equals("PENDING"), spec.key() + " is PENDING");
            organisations.put(spec.key(), new Organisation(spec, UUID.fromString(created.path("id").asString()),
                    api.person(spec.username(), PASSWORD)));
        }

        year.step("N1. " + provinceName() + "'s programme admin verifies its province's organisations, the ministry's admin the others");
        Organisation beijing = organisations.get("soe");
        provincialAdmin.post("/api/v1/identity/organisations/" + beijing.id() + "/verification").send().expectOneOf(403, 404);
        for (Organisation organisation : organisations.values()) {
            Caller verifier = organisation.spec().province().equals(province) ? provincialAdmin : ministryAdmin;
            JsonNode verified = verifier.post("/api/v1/identity/organisations/" + organisation.id() + "/verification").send()
                    .expect(200).json();
            year.check(verified.path("status").asString().equals("VERIFIED") && verified.path("canLeadApplications").asBoolean(),
                    organisation.spec().key() + " VERIFIED and can lead");
        }
    }

    // --- the forms ---------------------------------------------------------------------------------------------

    JsonNode programme(String code) {
        return programmes.computeIfAbsent(code, c -> {
            JsonNode list = publicVisitor.get("/api/v1/public/programmes").expect(200).json();
            for (JsonNode summary : list.isArray() ? list : list.path("items")) {
                if (summary.path("code").asString().equals(c)) {
                    return publicVisitor.get("/api/v1/public/programmes/" + summary.path("id").asString()).expect(200).json();
                }
            }
            throw new ScenarioFailure("the preset " + c + " is not published: " + list);
        });
    }

    Application fileConsortium(String key, String baseName, String prefix, int scale) {
        String name = RUN.isEmpty() ? baseName : baseName + "（第" + RUN + "轮）";
        Organisation park = organisations.get(prefix + "-park");
        Map<String, Object> basic = basicInfo(name, park, province);
        basic.put("parkName", park.spec().name());
        basic.put("industryField", "装备制造");
        basic.put("address", park.spec().name() + "产教融合大厦");
        Map<String, Object> secretariat = new LinkedHashMap<>();
        secretariat.put("organisation", organisations.get(prefix + "-school").spec().name());
        secretariat.put("headName", "赵志强");
        secretariat.put("officeArea", 320.5);
        secretariat.put("phone", "0351-7000" + (100 + scale));
        secretariat.put("staffTotal", 8);
        secretariat.put("fullTimeStaff", 5);
        secretariat.put("partTimeStaff", 3);
        secretariat.put("staffNames", "赵志强、钱敏、孙伟、李娜、周杰");
        basic.put("secretariat", secretariat);
        Map<String, UUID> leads = new LinkedHashMap<>();
        leads.put("PARK", park.id());
        leads.put("SCHOOL", organisations.get(prefix + "-school").id());
        leads.put("ENTERPRISE", organisations.get(prefix + "-enterprise").id());
        String p = province.substring(0, 2);
        String division = city(scale) != null ? city(scale) : province;
        Object[][] members = {
                {"SECONDARY_VOCATIONAL_SCHOOL", "第一职业中学", Codes.schoolCode(p, 800 + scale * 10 + OFFSET), 1850},
                {"HIGHER_VOCATIONAL_SCHOOL", "城市职业技术学院", Codes.schoolCode(p, 801 + scale * 10 + OFFSET), 9200},
                {"UNDERGRADUATE_UNIVERSITY", "工学院", Codes.schoolCode(p, 802 + scale * 10 + OFFSET), 15600},
                {"GOVERNMENT_DEPARTMENT", "教育局", null, null},
                {"ENTERPRISE", "智能装备有限公司", Codes.uscc("91", division, 4400 + scale * 10 + OFFSET), null},
                {"RESEARCH_INSTITUTE", "工业技术研究所", Codes.uscc("12", division, 4401 + scale * 10 + OFFSET), null}};
        List<Map<String, Object>> participants = new ArrayList<>();
        for (Object[] m : members) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("type", m[0]);
            row.put("name", park.spec().name().substring(0, Math.min(4, park.spec().name().length())) + m[1]);
            row.put("code", m[2]);
            row.put("enrolledStudents", m[3]);
            participants.add(row);
        }
        return fill(key, programme(CONSORTIA), CONSORTIUM, name, park, basic, leads, participants, scale);
    }

    private Map<String, Object> basicInfo(String name, Organisation filer, String recommending) {
        Map<String, Object> basic = new LinkedHashMap<>();
        basic.put("name", name);
        basic.put("foundedOn", "2023-03-01");
        basic.put("headName", "刘建华");
        basic.put("headTitle", "理事长");
        basic.put("headPhone", "13800003333");
        basic.put("headEmail", "head-" + filer.spec().key() + "@example.cn");
        basic.put("contactName", "陈静");
        basic.put("contactOrganisation", filer.spec().name());
        basic.put("contactTitle", "秘书长");
        basic.put("contactPhone", "13900004444");
        basic.put("contactEmail", "contact-" + filer.spec().key() + "@example.cn");
        basic.put("recommendingRegionCode", recommending);
        return basic;
    }

    /**
     * One form from draft to submission, each save with {@code If-Match}: basic information, leads, participants (each
     * with its proof where the programme asks for one), the plan table from the published rules, every section,
     * the stamped form and the supporting materials, the commitment; then the validation and the submission.
     */
    Application fill(String key, JsonNode programme, String platformType, String name, Organisation filer,
            Map<String, Object> basic, Map<String, UUID> leads, List<Map<String, Object>> participants, int scale) {
        JsonNode type = Forms.type(programme, platformType);
        Caller applicant = filer.admin();
        JsonNode draft = applicant.post("/api/v1/applications")
                .json(Map.of("programmeId", programme.path("id").asString(), "platformType", platformType, "name", name))
                .expect(201).json();
        UUID id = UUID.fromString(draft.path("id").asString());
        String path = "/api/v1/applications/" + id;
        long version = draft.path("version").asLong();
        version = applicant.put(path + "/basic-info").ifMatch(version).json(basic).expect(200).json().path("version").asLong();
        List<Map<String, Object>> leadUnits = new ArrayList<>();
        leads.forEach((role, organisation) -> leadUnits.add(Map.of("role", role, "organisationId", organisation)));
        version = applicant.put(path + "/lead-units").ifMatch(version).json(Map.of("leadUnits", leadUnits)).expect(200)
                .json().path("version").asLong();
        if (type.path("participants").path("proofRequired").asBoolean()) {
            for (Map<String, Object> row : participants) {
                JsonNode uploaded = applicant.post(path + "/attachments").ifMatch(version)
                        .file(row.get("name") + "参与证明.pdf", ProgrammeYear.pdf(name + row.get("name")), Map.of("kind", "PARTICIPATION_PROOF"))
                        .expect(201).json();
                version = uploaded.path("version").asLong();
                UUID proof = null;
                String newest = "";
                for (JsonNode attachment : uploaded.path("attachments")) {
                    if (attachment.path("kind").asString().equals("PARTICIPATION_PROOF")
                            && attachment.path("uploadedAt").asString().compareTo(newest) >= 0) {
                        newest = attachment.path("uploadedAt").asString();
                        proof = UUID.fromString(attachment.path("id").asString());
                    }
                }
                row.put("proofAttachmentId", proof);
            }
        }
        version = applicant.put(path + "/participants").ifMatch(version).json(Map.of("participants", participants)).expect(200)
                .json().path("version").asLong();
        List<Map<String, Object>> plan = Forms.plan(programme, type, scale);
        JsonNode planned = applicant.put(path + "/plan").ifMatch(version).json(Map.of("values", plan)).expect(200).json();
        version = planned.path("version").asLong();
        year.check(planned.path("plan").size() == plan.size(), key + "'s plan table keeps its " + plan.size() + " cells");
        for (JsonNode section : type.path("sections")) {
            version = applicant.put(path + "/sections/" + section.path("code").asString()).ifMatch(version)
                    .json(Map.of("text", Forms.section(section, name))).expect(200).json().path("version").asLong();
        }
        version = applicant.post(path + "/attachments").ifMatch(version)
                .file("推荐书盖章扫描件.pdf", ProgrammeYear.pdf(name + " 盖章"), Map.of("kind", "STAMPED_FORM")).expect(201)
                .json().path("version").asLong();
        version = applicant.post(path + "/attachments").ifMatch(version)
                .file("支撑材料.pdf", ProgrammeYear.pdf(name + " 支撑材料"), Map.of("kind", "SUPPORTING_MATERIALS")).expect(201)
                .json().path("version").asLong();
        applicant.put(path + "/commitment").ifMatch(version).json(Map.of("accepted", true, "signatory", "刘建华")).expect(200);
        JsonNode validation = applicant.get(path + "/validation").expect(200).json();
        year.check(validation.path("complete").asBoolean(), key + " is complete: " + validation);
        JsonNode submitted = applicant.post(path + "/submission").idempotencyKey("scenario-" + key + RUN + "-submission")
                .expect(200).json();
        year.check(submitted.path("status").asString().equals("SUBMITTED"), key + " SUBMITTED");
        return new Application(key, id, filer, name);
    }

    // --- the province recommends within its quota ------------------------------------------------------------

    void recommendWithinTheQuota(JsonNode programme) {
        String pid = programme.path("id").asString();
        Application c1 = applications.get("CC1");
        Application c2 = applications.get("CC2");
        Application c3 = applications.get("CC3");
        Application c4 = applications.get("CC4");
        year.step("N1. " + provinceName() + "'s education department verifies and recommends; the fourth recommendation is refused"
                + " (409: at most three per province)");
        JsonNode review = provincialReviewer.get("/api/v1/applications/" + c1.id() + "/review").expect(200).json();
        year.check(review.path("route").get(0).path("stage").asString().equals("RECOMMENDATION")
                && review.path("route").get(0).path("authorityCode").asString().equals(province),
                "the first stage is the province's recommendation: " + review.path("route"));
        adminHangzhou.post("/api/v1/applications/" + c1.id() + "/decisions").json(Map.of("decision", "APPROVE", "comment", "x"))
                .expectOneOf(403, 404);
        ministryAdmin.post("/api/v1/applications/" + c1.id() + "/decisions").json(Map.of("decision", "APPROVE", "comment", "越级"))
                .expect(403);
        for (Application c : List.of(c1, c2, c3)) {
            JsonNode passed = provincialReviewer.post("/api/v1/applications/" + c.id() + "/decisions")
                    .json(Map.of("decision", "APPROVE", "comment", "经核实，同意推荐。")).expect(200).json();
            year.check(passed.path("status").asString().equals("RECOMMENDED"), c.key() + " RECOMMENDED: " + passed.path("status"));
            recommended++;
        }
        Response fourth = provincialReviewer.post("/api/v1/applications/" + c4.id() + "/decisions")
                .json(Map.of("decision", "APPROVE", "comment", "经核实，同意推荐。")).expect(409);
        JsonNode problem = fourth.json();
        year.check(problem.path("type").asString().endsWith("quota.perRegion"), "the problem type is quota.perRegion: " + problem);
        year.check(problem.path("quota").path("limit").asInt() == 3
                && problem.path("quota").path("scope").asString().equals("PER_RECOMMENDING_REGION")
                && problem.path("quota").path("authorityCode").asString().equals(province)
                && problem.path("quota").path("used").asInt() == 3, "the quota says 3 of 3 used by " + province + ": " + problem.path("quota"));
        year.check(problem.path("detail").asString().contains("3"), "the detail names the limit: " + problem.path("detail"));
        JsonNode stillSubmitted = c4.filer().admin().get("/api/v1/applications/" + c4.id()).expect(200).json();
        year.check(stillSubmitted.path("status").asString().equals("SUBMITTED"), "the fourth is still SUBMITTED");
        provincialReviewer.post("/api/v1/applications/" + c4.id() + "/decisions")
                .json(Map.of("decision", "REJECT", "comment", "本省推荐名额（3个）已满，未予推荐。")).expect(200);

        year.step("N1. the province ranks its three, locks the list and exports the 推荐名单汇总表");
        String list = "/api/v1/programmes/" + pid + "/recommendations/" + CONSORTIUM;
        c1.filer().admin().get(list).expect(403);
        JsonNode ranked = provincialReviewer.put(list + "/ranking").json(Map.of("applicationIds", List.of(c2.id(), c1.id(), c3.id())))
                .expect(200).json();
        year.check(ranked.path("quota").asInt() == 3, "the list shows the quota of 3: " + ranked.path("quota"));
        JsonNode locked = provincialReviewer.post(list + "/lock").expect(200).json();
        year.check(locked.path("locked").asBoolean(), "the list is locked");
        List<String> order = new ArrayList<>();
        locked.path("items").forEach(item -> order.add(item.path("applicationId").asString()));
        year.check(order.equals(List.of(c2.id().toString(), c1.id().toString(), c3.id().toString())), "ranked CC2, CC1, CC3: " + order);
        provincialReviewer.put(list + "/ranking").json(Map.of("applicationIds", List.of(c1.id(), c2.id(), c3.id()))).expect(409);
        byte[] summary = provincialReviewer.get(list + "/summary.xlsx").expect(200).bytes();
        String text = Sheets.allText(summary);
        year.check(text.contains(c1.name()) && text.contains(c2.name()) && text.contains(c3.name()),
                "the 推荐名单汇总表 holds the three");
        year.check(!text.contains(c4.name()), "the 推荐名单汇总表 does not hold the fourth");
        year.check(text.indexOf(c2.name()) < text.indexOf(c1.name()), "in rank order");
    }

    // --- the ministry: experts, scores, shortlist ------------------------------------------------------------

    void appointMinistryExperts() {
        year.step("N1. the ministry's programme admin appoints three experts (Beijing, Tianjin, and one of the province)");
        String[][] pool = {{"moe-expert-bj", "bj-institute"}, {"moe-expert-tj", "tj-univ"}, {"moe-expert-p1", "p1-institute"}};
        int n = 10;
        for (String[] e : pool) {
            n++;
            Map<String, Object> body = staff(e[0], "孙", "国家专家" + n, n);
            body.put("organisationId", organisations.get(e[1]).id());
            Caller expert = appoint(ministryAdmin, "experts", body);
            experts.put(e[0], new ProgrammeYear.Expert(e[0] + RUN, lastAppointed, e[1], expert));
        }
    }

    void ministryReviewsTheConsortia(JsonNode programme) {
        String pid = programme.path("id").asString();
        Application c1 = applications.get("CC1");
        Application c2 = applications.get("CC2");
        Application c3 = applications.get("CC3");
        year.setClock("2023-06-12T09:00:00+08:00");
        appointMinistryExperts();

        year.step("N1. the ministry's expert review of the recommended consortia; the province's admin cannot open it");
        Map<String, Object> round = Map.of("programmeId", pid, "platformType", CONSORTIUM, "name", "2023年市域产教联合体专家评审",
                "applicationIds", List.of(c1.id(), c2.id(), c3.id()), "expertsPerApplication", 2);
        provincialAdmin.post("/api/v1/applications/review-rounds").json(round).expect(403);
        JsonNode created = ministryAdmin.post("/api/v1/applications/review-rounds").json(round).expect(201).json();
        String roundId = created.path("id").asString();
        year.check(created.path("authorityCode").asString().equals(MINISTRY) && created.path("avoidSameCity").asBoolean(),
                "the round is the ministry's and avoids same-city experts");
        if (shanxi) {
            Response sameCity = ministryAdmin.post("/api/v1/applications/review-rounds/" + roundId + "/assignments")
                    .json(Map.of("applicationId", c1.id(), "expertId", experts.get("moe-expert-p1").id())).expect(409);
            year.check(sameCity.text().contains("SAME_CITY"), "an expert of Taiyuan is refused for a Taiyuan consortium: " + sameCity.text());
        }
        Map<Application, List<String>> plan = new LinkedHashMap<>();
        plan.put(c1, List.of("moe-expert-bj", "moe-expert-tj"));
        plan.put(c2, List.of("moe-expert-bj", "moe-expert-p1"));
        plan.put(c3, List.of("moe-expert-tj", "moe-expert-p1"));
        plan.forEach((application, chosen) -> chosen.forEach(expert -> ministryAdmin
                .post("/api/v1/applications/review-rounds/" + roundId + "/assignments")
                .json(Map.of("applicationId", application.id(), "expertId", experts.get(expert).id())).expectOneOf(200, 201)));
        scoreRound(roundId, Map.of(c1.id(), 0.9, c2.id(), 0.85, c3.id(), 0.6), applications.get("CC4"));
        ministryAdmin.post("/api/v1/applications/review-rounds/" + roundId + "/closure").send().expectOneOf(200, 201);
        JsonNode closed = ministryAdmin.get("/api/v1/applications/review-rounds/" + roundId).expect(200).json();
        year.check(closed.path("status").asString().equals("CLOSED"), "the round is CLOSED");
        Map<String, Double> averages = new LinkedHashMap<>();
        closed.path("applications").forEach(a -> averages.put(a.path("applicationId").asString(), a.path("average").asDouble()));
        year.check(averages.get(c1.id().toString()) > averages.get(c3.id().toString()), "CC1 scores above CC3: " + averages);
        year.check(closed.path("sheet").path("maximum").asDouble() == 100, "seed 003's sheet of 100 points");

        year.step("N1. the ministry shortlists two consortia and rejects the third; the province cannot shortlist");
        Map<String, Object> shortlist = Map.of("applicationIds", List.of(c1.id(), c2.id()), "comment", "专家评审通过");
        provincialAdmin.post("/api/v1/programmes/" + pid + "/shortlist/" + CONSORTIUM).json(shortlist).expect(403);
        ministryAdmin.post("/api/v1/programmes/" + pid + "/shortlist/" + CONSORTIUM).json(shortlist).send().expectOneOf(200, 201);
        ministryAdmin.post("/api/v1/applications/" + c3.id() + "/decisions")
                .json(Map.of("decision", "REJECT", "comment", "专家评审得分未达到入选线。")).expect(200);
        year.check(c3.filer().admin().get("/api/v1/applications/" + c3.id()).expect(200).json().path("status").asString()
                .equals("REJECTED"), "CC3 is REJECTED");
        year.check(c1.filer().admin().get("/api/v1/applications/" + c1.id()).expect(200).json().path("status").asString()
                .equals("SHORTLISTED"), "CC1 is SHORTLISTED");
        consortiaShortlisted.addAll(List.of(c1, c2));
    }

    /** Each expert of the round scores their assignments on the round's sheet, at {@code share} of each point's maximum. */
    private void scoreRound(String roundId, Map<UUID, Double> share, Application notAssigned) {
        for (ProgrammeYear.Expert expert : experts.values()) {
            JsonNode mine = expert.caller().get("/api/v1/applications/expert/assignments").expect(200).json();
            for (JsonNode assignment : mine.isArray() ? mine : mine.path("items")) {
                if (!assignment.path("roundId").asString().equals(roundId)) {
                    continue;
                }
                String id = assignment.path("id").asString();
                JsonNode detail = expert.caller().get("/api/v1/applications/expert/assignments/" + id).expect(200).json();
                double s = share.getOrDefault(UUID.fromString(detail.path("applicationId").asString()), 0.8);
                Map<String, Object> scores = new LinkedHashMap<>();
                for (JsonNode item : detail.path("sheet").path("items")) {
                    if (item.path("deduction").asBoolean()) {
                        continue;
                    }
                    for (JsonNode point : item.path("observationPoints")) {
                        scores.put(point.path("code").asString(), Math.round(point.path("maxScore").asDouble() * s * 2) / 2.0);
                    }
                }
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("scores", scores);
                if (detail.path("sheet").path("maxDeduction").asDouble() > 0) {
                    body.put("deduction", 0);
                }
                body.put("comment", "材料完整，建设基础较好。");
                expert.caller().put("/api/v1/applications/expert/assignments/" + id + "/score").json(body).expect(200);
            }
            expert.caller().get("/api/v1/applications/" + notAssigned.id()).expectOneOf(403, 404);
        }
    }

    // === 2. the national industry community (August 2023) =======================================================

    /** At the Shanxi year's 15 August: the province's community through its desk stage, a central SOE's directly. */
    void nationalCommunity() {
        JsonNode programme = programme(NATIONAL_COMMUNITY);
        String pid = programme.path("id").asString();
        year.check(programme.path("registration").path("open").asBoolean(), "the national community registration window is open");
        year.step("N2. a community of " + provinceName() + " (lead university with master's and doctoral degree rights) and a central"
                + " SOE's community file the national 申报书");
        Application nc = fillCommunity("NC", (shanxi ? "" : provinceName()) + "高端装备行业产教融合共同体", "nc", province, 4);
        Application soe = fillCommunity("SOE", "全国重型装备行业产教融合共同体", "soe", "110000", 5);
        applications.put("NC", nc);
        applications.put("SOE", soe);

        year.step("N2. the routes: the province's desk stage then the ministry; the central SOE straight to the ministry");
        JsonNode ncRoute = provincialReviewer.get("/api/v1/applications/" + nc.id() + "/review").expect(200).json();
        List<String> stages = new ArrayList<>();
        ncRoute.path("route").forEach(s -> stages.add(s.path("stage").asString() + "@" + s.path("authorityCode").asString()));
        year.check(stages.equals(List.of("PRELIMINARY_REVIEW@" + province, "EXPERT_REVIEW@" + MINISTRY)), "NC's route: " + stages);
        JsonNode soeRoute = ministryAdmin.get("/api/v1/applications/" + soe.id() + "/review").expect(200).json();
        year.check(soeRoute.path("route").size() == 1 && soeRoute.path("route").get(0).path("stage").asString().equals("EXPERT_REVIEW"),
                "the central SOE's route is the ministry's alone: " + soeRoute.path("route"));
        provincialReviewer.get("/api/v1/applications/" + soe.id()).expect(404);

        year.step("N2. the province's education department passes its desk stage; the ministry cannot act there, nor the province later");
        ministryAdmin.post("/api/v1/applications/" + nc.id() + "/decisions").json(Map.of("decision", "APPROVE", "comment", "越级"))
                .expect(403);
        JsonNode passed = provincialReviewer.post("/api/v1/applications/" + nc.id() + "/decisions")
                .json(Map.of("decision", "APPROVE", "comment", "经审核，同意推荐，已加盖公章。")).expect(200).json();
        year.check(passed.path("status").asString().equals("RECOMMENDED"), "NC is RECOMMENDED by the province: " + passed.path("status"));
        String list = "/api/v1/programmes/" + pid + "/recommendations/" + COMMUNITY;
        provincialReviewer.put(list + "/ranking").json(Map.of("applicationIds", List.of(nc.id()))).expect(200);
        provincialReviewer.post(list + "/lock").expect(200);
        recommended++;
        Map<String, Object> round = Map.of("programmeId", pid, "platformType", COMMUNITY, "name", "2023年国家级行业产教融合共同体审核",
                "applicationIds", List.of(nc.id(), soe.id()), "expertsPerApplication", 2);
        Response provinceRound = provincialAdmin.post("/api/v1/applications/review-rounds").json(round).send();
        if (provinceRound.status() != 403) {
            throw new ScenarioFailure("the province's programme admin must not open the ministry's review (403): " + provinceRound);
        }
        year.check(true, "the province's programme admin is refused the ministry's stage (403)");

        year.step("N2. the ministry reviews both with its experts (manually assigned, no same-city conflict), shortlists both");
        JsonNode created = ministryAdmin.post("/api/v1/applications/review-rounds").json(round).expect(201).json();
        String roundId = created.path("id").asString();
        Map<Application, List<String>> plan = new LinkedHashMap<>();
        plan.put(nc, List.of("moe-expert-bj", "moe-expert-tj"));
        plan.put(soe, List.of("moe-expert-tj", "moe-expert-p1"));
        plan.forEach((application, chosen) -> chosen.forEach(expert -> ministryAdmin
                .post("/api/v1/applications/review-rounds/" + roundId + "/assignments")
                .json(Map.of("applicationId", application.id(), "expertId", experts.get(expert).id())).expectOneOf(200, 201)));
        scoreRound(roundId, Map.of(nc.id(), 0.88, soe.id(), 0.9), applications.get("CC4"));
        ministryAdmin.post("/api/v1/applications/review-rounds/" + roundId + "/closure").send().expectOneOf(200, 201);
        Map<String, Object> shortlist = Map.of("applicationIds", List.of(nc.id(), soe.id()), "comment", "审核通过");
        provincialAdmin.post("/api/v1/programmes/" + pid + "/shortlist/" + COMMUNITY).json(shortlist).expectOneOf(403, 404);
        ministryAdmin.post("/api/v1/programmes/" + pid + "/shortlist/" + COMMUNITY).json(shortlist).send().expectOneOf(200, 201);
        communitiesShortlisted.addAll(List.of(nc, soe));
        mergeInto(year.organisations, year.applications);
    }

    Application fillCommunity(String key, String baseName, String prefix, String recommending, int scale) {
        String name = RUN.isEmpty() ? baseName : baseName + "（第" + RUN + "轮）";
        Organisation filer = organisations.get(prefix.equals("nc") ? "nc-enterprise" : "soe");
        Map<String, UUID> leads = new LinkedHashMap<>();
        leads.put("ENTERPRISE", filer.id());
        leads.put("UNIVERSITY", organisations.get(prefix + "-univ").id());
        leads.put("VOCATIONAL_SCHOOL", organisations.get(prefix + "-school").id());
        String[][] members = {
                {"SCHOOL", "机电职业技术学院", "140000", Codes.schoolCode("14", 900 + scale + OFFSET)},
                {"RESEARCH_INSTITUTE", "重型机械研究院", "110000", Codes.uscc("12", "110000", 4500 + scale + OFFSET)},
                {"UPSTREAM_DOWNSTREAM_ENTERPRISE", "精密轴承有限公司", "330000", Codes.uscc("91", "330000", 4510 + scale + OFFSET)},
                {"INDUSTRY_ORGANISATION", "重型机械工业协会", "110000", Codes.uscc("51", "110000", 4520 + scale + OFFSET)}};
        List<Map<String, Object>> participants = new ArrayList<>();
        for (String[] m : members) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("type", m[0]);
            row.put("name", (prefix.equals("nc") ? "晋南" : "中重") + m[1]);
            row.put("regionCode", m[2]);
            row.put("code", m[3]);
            participants.add(row);
        }
        return fill(key, programme(NATIONAL_COMMUNITY), COMMUNITY, name, filer, basicInfo(name, filer, recommending), leads,
                participants, scale);
    }

    // === 3. notices and approval, with the Shanxi notice over the National Day holiday ===========================

    /** At 26 Sep 2023 (the Shanxi notice's day): the ministry's notices of both national programmes from 27 Sep. */
    void ministryNotices() {
        year.step("N3. the ministry puts its shortlists on public notice from 27 Sep 2023 (5 working days over the holiday)");
        notice(CONSORTIA, "2023年市域产教联合体拟建名单公示", consortiaShortlisted);
        notice(NATIONAL_COMMUNITY, "2023年国家级行业产教融合共同体拟建名单公示", communitiesShortlisted);
    }

    private void notice(String code, String title, List<Application> shortlisted) {
        String pid = programme(code).path("id").asString();
        Map<String, Object> body = Map.of("programmeId", pid, "title", title, "startsOn", "2023-09-27", "workingDays", 5,
                "applicationIds", shortlisted.stream().map(Application::id).toList());
        adminShanxi.post("/api/v1/applications/notices").json(body).expectOneOf(403, 404);
        JsonNode notice = ministryAdmin.post("/api/v1/applications/notices").json(body).expect(201).json();
        year.check(notice.path("endsOn").asString().equals("2023-10-09"), title + " ends on 2023-10-09: " + notice.path("endsOn"));
        notices.put(code, notice.path("id").asString());
        JsonNode shown = publicVisitor.get("/api/v1/public/applications/notices/" + notice.path("id").asString()).expect(200).json();
        year.check(shown.path("applications").size() == shortlisted.size(), "the public reads " + title);
    }

    /** At 10 Oct 2023: the notice-closing job approved the national shortlists with the Shanxi one. */
    void approved() {
        year.step("N3. the notice-closing job approves the ministry's shortlists: two consortia, two communities");
        for (var entry : Map.of(CONSORTIA, consortiaShortlisted, NATIONAL_COMMUNITY, communitiesShortlisted).entrySet()) {
            String pid = programme(entry.getKey()).path("id").asString();
            Set<String> wanted = new HashSet<>();
            entry.getValue().forEach(a -> wanted.add(a.id().toString()));
            JsonNode platforms = year.await(Duration.ofSeconds(150), entry.getKey() + " approved", () -> {
                JsonNode list = publicVisitor.get("/api/v1/public/applications/platforms?programmeId=" + pid).expect(200).json();
                JsonNode items = list.isArray() ? list : list.path("items");
                Set<String> ids = new HashSet<>();
                items.forEach(p -> ids.add(p.path("applicationId").asString()));
                return ids.containsAll(wanted) ? items : null;
            });
            for (JsonNode platform : platforms) {
                if (wanted.contains(platform.path("applicationId").asString())) {
                    approvedPlatforms.add(platform);
                    year.check(platform.toString().contains(MINISTRY), "approved by the ministry: " + platform);
                }
            }
        }
        Application c1 = applications.get("CC1");
        year.check(c1.filer().admin().get("/api/v1/applications/" + c1.id()).expect(200).json().path("status").asString()
                .equals("APPROVED"), "CC1 is APPROVED");
        year.check(applications.get("CC4").filer().admin().get("/api/v1/applications/" + applications.get("CC4").id()).expect(200)
                .json().path("status").asString().equals("REJECTED"), "CC4 stays REJECTED");

        year.step("N3. PlatformApproved over Kafka: the consortium's report obligations and indicator platform; its annual summary"
                + " speaks of the consortium (联合体), not of a community");
        String platformId = approvedPlatforms.stream().filter(p -> p.path("applicationId").asString().equals(c1.id().toString()))
                .findFirst().orElseThrow().path("id").asString();
        Caller lead = c1.filer().admin();
        JsonNode reports = year.await(Duration.ofSeconds(90), "CC1's obligations and indicator platform", () -> {
            Response indicator = lead.get("/api/v1/indicators/platforms/" + platformId).send();
            Response found = lead.get("/api/v1/reports?platformId=" + platformId).send();
            return indicator.status() == 200 && found.status() == 200 && found.json().size() > 0 ? found.json() : null;
        });
        JsonNode indicator = lead.get("/api/v1/indicators/platforms/" + platformId).expect(200).json();
        year.check(indicator.path("platform").path("programmeCode").asString().equals(CONSORTIA)
                && indicator.path("platform").path("platformType").asString().equals(CONSORTIUM), "CC1's indicator platform");
        JsonNode summary = null;
        for (JsonNode report : reports.isArray() ? reports : reports.path("items")) {
            if (report.path("kind").asString().equals("ANNUAL_SUMMARY") && report.path("year").asInt() == 2023) {
                summary = report;
            }
        }
        year.check(summary != null && summary.path("dueOn").asString().equals("2023-12-15"), "CC1 owes its 2023 annual summary by"
                + " 15 December: " + reports);
        List<String> titles = new ArrayList<>();
        summary.path("sections").forEach(section -> titles.add(section.path("title").asString()));
        year.check(titles.contains("联合体简介") && titles.stream().noneMatch(t -> t.contains("共同体")),
                "the consortium's annual summary has the consortium's headings: " + titles);
        adminHangzhou.get("/api/v1/reports?platformId=" + platformId).expectOneOf(403, 404);
    }

    /** Its organisations and applications join the year's counts (after the year has verified its own). */
    void mergeInto(Map<String, Organisation> yearOrganisations, Map<String, Application> yearApplications) {
        organisations.forEach((key, organisation) -> yearOrganisations.putIfAbsent("national-" + key, organisation));
        applications.forEach((key, application) -> yearApplications.putIfAbsent(key, application));
    }
}
