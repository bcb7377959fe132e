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

/**
 * Hangzhou's 2024 programme (seed 004, 杭教高教〔2024〕1号, {@code HZ-PLATFORMS-2024}) walked through the
 * gateway: every one of its five platform types — city consortium, industry community and the school,
 * public and enterprise practice centres — applied for with a full form, each through its own route
 * (a district department's preliminary review and recommendation, then a different city department's
 * expert review and selection), one returned and resubmitted, one rejected, a public notice by the city
 * education bureau, approval — and then the practice centres' operation reports and every platform's
 * indicator collection, visible to their leads and to nobody of Shanxi.
 *
 * <p>The people of the other departments are appointed as a deployment appoints them: the platform
 * admin appoints the city education and industry-it bureaus' programme admins, and each city department's
 * programme admin appoints its district reviewers (identity-service's staff API); their first-login
 * password change goes through Keycloak's admin API as the experts' does. Runs between the Shanxi
 * year's late report (10 April 2024) and the indicator window (November 2024).
 */
final class HangzhouProgrammes {

    static final String HZ = "HZ-PLATFORMS-2024";
    static final String CONSORTIUM = "CITY_CONSORTIUM";
    static final String COMMUNITY = "INDUSTRY_COMMUNITY";
    static final String SCHOOL_CENTRE = "PRACTICE_CENTER_SCHOOL";
    static final String PUBLIC_CENTRE = "PRACTICE_CENTER_PUBLIC";
    static final String ENTERPRISE_CENTRE = "PRACTICE_CENTER_ENTERPRISE";
    static final String CITY = "330100";
    /** Hangzhou's districts; a rerun ({@code -Dscenario.run=N}) moves each filer one district on, so a list locked by run N-1 is not met again. */
    static final List<String> DISTRICTS = List.of("330102", "330105", "330106", "330108", "330109", "330110", "330111",
            "330112", "330113", "330114", "330122", "330127", "330182");
    /** Applications filed (one per type, two school practice centres) and approved (one per type). */
    static final int APPLICATIONS = 6;
    static final int APPROVED = 5;
    static final String EDUCATION = "education";
    static final String DRC = "development-reform";
    static final String INDUSTRY_IT = "industry-it";

    private final ProgrammeYear year;
    private final Api api;
    private final Caller platformAdmin;
    private final Caller adminDrc;
    private final Caller adminShanxi;
    private final Caller integrationZhejiang;
    private final Caller integrationShanxi;
    private final Caller publicVisitor;
    private Caller adminEducation;
    private Caller adminIndustryIt;
    /** District reviewers by "type". */
    private final Map<String, Caller> districtReviewers = new LinkedHashMap<>();
    /** The city department's caller that holds each type's expert and selection stages. */
    private final Map<String, Caller> cityDesk = new LinkedHashMap<>();
    private final Map<String, UUID> experts = new LinkedHashMap<>();
    private final Map<String, Application> applications = new LinkedHashMap<>();
    private JsonNode programme;

    HangzhouProgrammes(ProgrammeYear year, Api api) {
        this.year = year;
        this.api = api;
        this.platformAdmin = api.person("platform-admin", ProgrammeYear.DEMO_PASSWORD);
        this.adminDrc = api.person("programme-admin-hangzhou", ProgrammeYear.DEMO_PASSWORD);
        this.adminShanxi = api.person("programme-admin-shanxi", ProgrammeYear.DEMO_PASSWORD);
        this.integrationZhejiang = api.client("integration-zhejiang", "integration-zhejiang-demo-secret");
        this.integrationShanxi = api.client("integration-shanxi", "integration-shanxi-demo-secret");
        this.publicVisitor = api.anonymous();
    }

    /** The district where a type's filer sits: fixed for CI and the demo, one further per developer rerun. */
    static String district(int base) {
        int shift = ProgrammeYear.RUN.isEmpty() ? 0 : Integer.parseInt(ProgrammeYear.RUN);
        return DISTRICTS.get((base + shift) % DISTRICTS.size());
    }

    static final String CONSORTIUM_DISTRICT = district(9);   // 钱塘区
    static final String COMMUNITY_DISTRICT = district(5);    // 余杭区
    static final String SCHOOL_DISTRICT = district(3);       // 滨江区
    /** The public and the enterprise centre both in 西湖区: one through its DRC, the other through its industry-it bureau. */
    static final String PUBLIC_DISTRICT = district(2);       // 西湖区
    static final String ENTERPRISE_DISTRICT = district(2);   // 西湖区

    /** The leads Hangzhou's types need beyond the six Hangzhou organisations registered in step 1. */
    static List<OrganisationSpec> organisations() {
        int o = ProgrammeYear.OFFSET;
        return List.of(
                new OrganisationSpec("hz-qt-park", "INDUSTRIAL_PARK", "杭州钱塘新区产业发展园区", "330000", CITY, CONSORTIUM_DISTRICT,
                        Codes.uscc("11", CONSORTIUM_DISTRICT, 2101 + o), Map.of("managementCommittee", "杭州钱塘新区产业发展园区管理委员会",
                                "parkLevel", "NATIONAL", "parkOutputValue", 2350.0, "parkOutputYear", 2023), "hz-qt-park-admin"),
                new OrganisationSpec("hz-ev-parts", "ENTERPRISE", "杭州新能源汽车零部件集团有限公司", "330000", CITY, COMMUNITY_DISTRICT,
                        Codes.uscc("91", COMMUNITY_DISTRICT, 2102 + o),
                        Map.of("centralSoe", false, "chinaTop500", false, "integrationEnterpriseLevel", "PROVINCIAL"), "hz-ev-parts-admin"),
                new OrganisationSpec("hz-tech-college", "VOCATIONAL_SCHOOL", "杭州科技职业技术学院", "330000", CITY, SCHOOL_DISTRICT,
                        Codes.schoolCode("33", 620 + o), Map.of("vocationalLevel", "HIGHER", "doubleHighLevel", "PROVINCIAL",
                                "independentTrainingInstitution", true), "hz-tech-college-admin"),
                new OrganisationSpec("hz-trade-school", "VOCATIONAL_SCHOOL", "杭州市电子商务职业学校", "330000", CITY, SCHOOL_DISTRICT,
                        Codes.schoolCode("33", 621 + o), Map.of("vocationalLevel", "SECONDARY", "independentTrainingInstitution", false),
                        "hz-trade-school-admin"),
                new OrganisationSpec("hz-hr-bureau", "GOVERNMENT_DEPARTMENT", "杭州市西湖区人力资源和社会保障局", "330000", CITY, PUBLIC_DISTRICT,
                        Codes.uscc("11", PUBLIC_DISTRICT, 2103 + o), Map.of("governmentAuthorityCode", PUBLIC_DISTRICT,
                                "governmentDepartment", "hr-social-security"), "hz-hr-bureau-admin"),
                new OrganisationSpec("hz-robot", "ENTERPRISE", "杭州智能机器人股份有限公司", "330000", CITY, ENTERPRISE_DISTRICT,
                        Codes.uscc("91", ENTERPRISE_DISTRICT, 2104 + o),
                        Map.of("centralSoe", false, "chinaTop500", false, "integrationEnterpriseLevel", "MUNICIPAL"), "hz-robot-admin"));
    }

    void run() {
        year.step("7. 15 April 2024: Hangzhou's programme (seed 004) is open; " + organisations().size()
                + " more Hangzhou organisations register for its lead roles and are verified by Hangzhou's programme admin");
        year.setClock("2024-04-15T09:00:00+08:00");
        JsonNode hz = programme();
        year.check(hz.path("registration").path("open").asBoolean(), "Hangzhou's registration window is open on 2024-04-15");
        registerLeads();
        appointStaff();
        apply();
        districtReview();
        cityReview();
        noticeAndApproval();
        obligationsAndIndicators();
    }

    JsonNode programme() {
        if (programme == null) {
            JsonNode list = publicVisitor.get("/api/v1/public/programmes").expect(200).json();
            for (JsonNode summary : list.isArray() ? list : list.path("items")) {
                if (summary.path("code").asString().equals(HZ)) {
                    programme = publicVisitor.get("/api/v1/public/programmes/" + summary.path("id").asString()).expect(200).json();
                }
            }
            if (programme == null) {
                throw new ScenarioFailure("the preset " + HZ + " is not published: " + list);
            }
        }
        return programme;
    }

    String programmeId() {
        return programme().path("id").asString();
    }

    // --- organisations and staff -----------------------------------------------------------------

    void registerLeads() {
        int serial = 100;
        for (OrganisationSpec spec : organisations()) {
            serial++;
            Map<String, Object> admin = new LinkedHashMap<>();
            admin.put("username", spec.username());
            admin.put("familyName", "陈");
            admin.put("givenName", "管理员" + serial);
            admin.put("email", spec.username() + "@example.cn");
            admin.put("mobile", String.format("139%08d", 10000 + serial));
            admin.put("password", ProgrammeYear.PASSWORD);
            JsonNode organisation = publicVisitor.post("/api/v1/public/identity/registrations")
                    .idempotencyKey("scenario-registration-" + spec.key() + ProgrammeYear.RUN)
                    .json(Map.of("organisation", ProgrammeYear.organisationBody(spec), "admin", admin)).expect(201).json()
                    .path("organisation");
            year.check(organisation.path("status").asString().equals("PENDING"), spec.key() + " is PENDING");
            UUID id = UUID.fromString(organisation.path("id").asString());
            adminShanxi.post("/api/v1/identity/organisations/" + id + "/verification").send().expectOneOf(403, 404);
            JsonNode verified = adminDrc.post("/api/v1/identity/organisations/" + id + "/verification").send().expect(200).json();
            year.check(verified.path("status").asString().equals("VERIFIED") && verified.path("canLeadApplications").asBoolean(),
                    spec.key() + " VERIFIED by Hangzhou's programme admin and can lead");
            year.organisations.put(spec.key(), new Organisation(spec, id, api.person(spec.username(), ProgrammeYear.PASSWORD)));
        }
    }

    /** A staff member's invitation answered, then the first-login password change a browser page would make. */
    private Caller activate(JsonNode invited, String username) {
        UUID id = UUID.fromString(invited.path("account").path("id").asString());
        year.check(api.passwordGrantStatus(username, invited.path("initialPassword").asString()) == 400,
                username + "'s temporary initial password gives no token before it is changed");
        api.keycloakAdmin("PUT", "/users/" + id + "/reset-password", "chanjiao-identity-admin",
                "chanjiao-identity-admin-demo-secret", Map.of("type", "password", "value", ProgrammeYear.PASSWORD, "temporary", false))
                .expect(204);
        return api.person(username, ProgrammeYear.PASSWORD);
    }

    private Map<String, Object> person(String username, String family, String given, int n) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("username", username);
        body.put("familyName", family);
        body.put("givenName", given);
        body.put("email", username + "@example.cn");
        body.put("mobile", String.format("136%08d", 2000 + n));
        return body;
    }

    private Caller staff(Caller appointer, String kind, String username, String given, String authority, String department, int n) {
        Map<String, Object> body = person(username, "周", given, n);
        body.put("authorityCode", authority);
        body.put("department", department);
        JsonNode invited = appointer.post("/api/v1/identity/staff/" + kind).json(body).expect(201).json();
        return activate(invited, username);
    }

    /** The district reviewers' user names: department prefix and district. */
    static List<String> districtReviewerNames() {
        String run = ProgrammeYear.RUN;
        return List.of("hz-drc-" + CONSORTIUM_DISTRICT + run, "hz-drc-" + PUBLIC_DISTRICT + run, "hz-eit-" + COMMUNITY_DISTRICT + run,
                "hz-eit-" + ENTERPRISE_DISTRICT + run, "hz-edu-" + SCHOOL_DISTRICT + run);
    }

    void appointStaff() {
        String run = ProgrammeYear.RUN;
        year.step("7. the platform admin appoints the programme admins of Hangzhou's education and industry-it bureaus;"
                + " each city department appoints its district reviewers (staff API, first-login password change)");
        adminDrc.post("/api/v1/identity/staff/programme-admins").json(Map.of("username", "x-not-allowed" + run, "familyName", "周",
                "givenName", "某", "email", "x@example.cn", "authorityCode", CITY, "department", EDUCATION)).expect(403);
        adminEducation = staff(platformAdmin, "programme-admins", "hz-edu-admin" + run, "教育局管理员", CITY, EDUCATION, 1);
        adminIndustryIt = staff(platformAdmin, "programme-admins", "hz-eit-admin" + run, "经信局管理员", CITY, INDUSTRY_IT, 2);
        JsonNode me = adminEducation.get("/api/v1/identity/me").expect(200).json();
        year.check(me.path("roles").toString().contains("programme-admin"), "the city education bureau's admin is a programme admin");
        // a city department appoints reviewers inside its city only
        adminEducation.post("/api/v1/identity/staff/reviewers").json(Map.of("username", "x-outside" + run, "familyName", "周",
                "givenName", "某", "email", "x-outside@example.cn", "authorityCode", "140100", "department", EDUCATION)).expect(403);
        List<String> names = districtReviewerNames();
        districtReviewers.put(CONSORTIUM, staff(adminDrc, "reviewers", names.get(0), "发改初审", CONSORTIUM_DISTRICT, DRC, 3));
        districtReviewers.put(PUBLIC_CENTRE, staff(adminDrc, "reviewers", names.get(1), "发改初审", PUBLIC_DISTRICT, DRC, 4));
        districtReviewers.put(COMMUNITY, staff(adminIndustryIt, "reviewers", names.get(2), "经信初审", COMMUNITY_DISTRICT,
                INDUSTRY_IT, 5));
        districtReviewers.put(ENTERPRISE_CENTRE, staff(adminIndustryIt, "reviewers", names.get(3), "经信初审", ENTERPRISE_DISTRICT,
                INDUSTRY_IT, 6));
        districtReviewers.put(SCHOOL_CENTRE, staff(adminEducation, "reviewers", names.get(4), "教育初审", SCHOOL_DISTRICT,
                EDUCATION, 7));
        cityDesk.put(CONSORTIUM, api.person("reviewer-hangzhou-drc", ProgrammeYear.DEMO_PASSWORD));
        cityDesk.put(COMMUNITY, adminIndustryIt);
        cityDesk.put(ENTERPRISE_CENTRE, adminIndustryIt);
        cityDesk.put(SCHOOL_CENTRE, adminEducation);
        cityDesk.put(PUBLIC_CENTRE, adminEducation);

        year.step("7. Hangzhou's programme admin appoints three experts (the city's pool)");
        String[][] pool = {{"hz-expert-institute", "hz-institute"}, {"hz-expert-xihu", "hz-xihu-education"},
                {"hz-expert-univ", "hz-univ"}};
        int n = 10;
        for (String[] e : pool) {
            n++;
            Map<String, Object> body = person(e[0] + run, "孙", "专家" + n, n);
            body.put("organisationId", year.organisations.get(e[1]).id());
            JsonNode invited = adminDrc.post("/api/v1/identity/staff/experts").json(body).expect(201).json();
            activate(invited, e[0] + run);
            experts.put(e[0], UUID.fromString(invited.path("account").path("id").asString()));
        }
    }

    // --- applications ---------------------------------------------------------------------------

    record Lead(String role, String organisationKey) {
    }

    record Participant(String type, String name, String region, String code, Integer students) {
    }

    void apply() {
        year.step("7. one application to each Hangzhou type, two school practice centres: leads of the kinds each role"
                + " takes, participants, the plan table (2023 baseline, 2024–2026), the type's sections, attachments");
        int o = ProgrammeYear.OFFSET;
        applications.put("HZ-CONSORTIUM", fill("HZ-CONSORTIUM", CONSORTIUM, "杭州钱塘智能制造市域产教联合体", "hz-qt-park",
                List.of(new Lead("PARK", "hz-qt-park"), new Lead("SCHOOL", "hz-college"), new Lead("ENTERPRISE", "hz-iot")),
                List.of(new Participant("SECONDARY_VOCATIONAL_SCHOOL", "杭州市钱塘区职业高级中学", "330114", Codes.schoolCode("33", 700 + o), 1800),
                        new Participant("HIGHER_VOCATIONAL_SCHOOL", "浙江钱塘职业技术学院", "330114", Codes.schoolCode("33", 701 + o), 9500),
                        new Participant("UNDERGRADUATE_UNIVERSITY", "浙江理工科技大学", "330114", Codes.schoolCode("33", 702 + o), 21000),
                        new Participant("ENTERPRISE", "杭州精密传动科技有限公司", "330114", Codes.uscc("91", "330114", 3301 + o), null)),
                CONSORTIUM_DISTRICT, 1));
        applications.put("HZ-COMMUNITY", fill("HZ-COMMUNITY", COMMUNITY, "杭州新能源汽车零部件行业产教融合共同体", "hz-ev-parts",
                List.of(new Lead("ENTERPRISE", "hz-ev-parts"), new Lead("SCHOOL", "hz-univ")),
                List.of(new Participant("SCHOOL", "宁波汽车职业技术学院", "330203", Codes.schoolCode("33", 703 + o), null),
                        new Participant("UPSTREAM_DOWNSTREAM_ENTERPRISE", "温州汽车电子有限公司", "330302", Codes.uscc("91", "330302", 3302 + o), null),
                        new Participant("INDUSTRY_ORGANISATION", "浙江省汽车工业协会", "330106", Codes.uscc("51", "330106", 3303 + o), null)),
                COMMUNITY_DISTRICT, 2));
        applications.put("HZ-SCHOOL-A", fill("HZ-SCHOOL-A", SCHOOL_CENTRE, "杭州科技职业技术学院智能制造开放型实践中心", "hz-tech-college",
                List.of(new Lead("BUILDING_UNIT", "hz-tech-college")),
                List.of(new Participant("CO_BUILDER", "杭州数控机床有限公司", "330108", Codes.uscc("91", "330108", 3304 + o), null)),
                SCHOOL_DISTRICT, 3));
        applications.put("HZ-SCHOOL-B", fill("HZ-SCHOOL-B", SCHOOL_CENTRE, "杭州市电子商务职业学校直播电商实践中心", "hz-trade-school",
                List.of(new Lead("BUILDING_UNIT", "hz-trade-school")), List.of(), SCHOOL_DISTRICT, 4));
        applications.put("HZ-PUBLIC", fill("HZ-PUBLIC", PUBLIC_CENTRE, "杭州市西湖区公共实训基地开放型实践中心", "hz-hr-bureau",
                List.of(new Lead("BUILDING_UNIT", "hz-hr-bureau")),
                List.of(new Participant("CO_BUILDER", "杭州市西湖区职业技能培训指导中心", "330106", Codes.uscc("12", "330106", 3305 + o), null)),
                PUBLIC_DISTRICT, 5));
        applications.put("HZ-ENTERPRISE", fill("HZ-ENTERPRISE", ENTERPRISE_CENTRE, "杭州智能机器人企业开放型实践中心", "hz-robot",
                List.of(new Lead("BUILDING_UNIT", "hz-robot")),
                List.of(new Participant("CO_BUILDER", "杭州智能制造职业技术学院", "330108", year.organisations.get("hz-college").spec().code(), null)),
                ENTERPRISE_DISTRICT, 6));
        applications.forEach(year.applications::put);

        year.step("7. who sees Hangzhou's submissions: Hangzhou's programme admin and Zhejiang's platform, not Shanxi's people");
        Application consortium = applications.get("HZ-CONSORTIUM");
        adminDrc.get("/api/v1/applications/" + consortium.id()).expect(200);
        integrationZhejiang.get("/api/v1/applications/" + consortium.id()).expect(200);
        integrationShanxi.get("/api/v1/applications/" + consortium.id()).expect(404);
        adminShanxi.get("/api/v1/applications/" + consortium.id()).expect(404);
        year.organisations.get("sx-ev").admin().get("/api/v1/applications/" + consortium.id()).expect(404);
        JsonNode zhejiang = integrationZhejiang.get("/api/v1/applications?programmeId=" + programmeId() + "&size=200").expect(200).json();
        year.check(zhejiang.path("total").asLong() >= applications.size(), "Zhejiang's platform lists Hangzhou's " + applications.size()
                + " applications: " + zhejiang.path("total"));
        JsonNode shanxi = integrationShanxi.get("/api/v1/applications?programmeId=" + programmeId()).expect(200).json();
        year.check(shanxi.path("total").asLong() == 0, "Shanxi's platform lists none of Hangzhou's");
    }

    Application fill(String key, String platformType, String baseName, String filerKey, List<Lead> leads,
            List<Participant> participants, String recommendingDistrict, int scale) {
        String name = ProgrammeYear.RUN.isEmpty() ? baseName : baseName + "（第" + ProgrammeYear.RUN + "轮）";
        JsonNode type = Forms.type(programme(), platformType);
        Organisation filer = year.organisations.get(filerKey);
        Caller applicant = filer.admin();
        JsonNode draft = applicant.post("/api/v1/applications")
                .json(Map.of("programmeId", programmeId(), "platformType", platformType, "name", name)).expect(201).json();
        UUID id = UUID.fromString(draft.path("id").asString());
        String path = "/api/v1/applications/" + id;
        long[] version = {draft.path("version").asLong()};

        Map<String, Object> basic = new LinkedHashMap<>();
        basic.put("name", name);
        basic.put("foundedOn", "2024-03-01");
        basic.put("headName", "陈志远");
        basic.put("headTitle", "院长");
        basic.put("headPhone", "13800003333");
        basic.put("headEmail", "head-" + key.toLowerCase() + "@example.cn");
        basic.put("contactName", "吴晓");
        basic.put("contactOrganisation", filer.spec().name());
        basic.put("contactTitle", "办公室主任");
        basic.put("contactPhone", "0571-87650000");
        basic.put("contactEmail", "contact-" + key.toLowerCase() + "@example.cn");
        basic.put("recommendingRegionCode", recommendingDistrict);
        basic.put("address", "浙江省杭州市" + filer.spec().name() + "实训楼");
        basic.put("industryField", "智能制造");
        if (platformType.equals(CONSORTIUM)) {
            basic.put("parkName", year.organisations.get("hz-qt-park").spec().name());
            basic.put("secretariat", Map.of("organisation", year.organisations.get("hz-college").spec().name(), "headName", "黄明",
                    "officeArea", 180, "phone", "0571-86880000", "staffTotal", 8, "fullTimeStaff", 5, "partTimeStaff", 3,
                    "staffNames", "黄明、钱丽、孙强、李娜、周杰、郑伟、王芳、冯涛"));
        }
        version[0] = applicant.put(path + "/basic-info").ifMatch(version[0]).json(basic).expect(200).json().path("version").asLong();

        List<Map<String, Object>> leadUnits = new ArrayList<>();
        for (Lead lead : leads) {
            leadUnits.add(Map.of("role", lead.role(), "organisationId", year.organisations.get(lead.organisationKey()).id()));
        }
        version[0] = applicant.put(path + "/lead-units").ifMatch(version[0]).json(Map.of("leadUnits", leadUnits)).expect(200)
                .json().path("version").asLong();

        boolean proofs = type.path("participants").path("proofRequired").asBoolean();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Participant p : participants) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("type", p.type());
            row.put("name", p.name() + (ProgrammeYear.RUN.isEmpty() ? "" : "（第" + ProgrammeYear.RUN + "轮）"));
            row.put("regionCode", p.region());
            row.put("code", p.code());
            if (p.students() != null) {
                row.put("enrolledStudents", p.students());
            }
            if (proofs) {
                JsonNode uploaded = applicant.post(path + "/attachments").ifMatch(version[0])
                        .file(p.name() + "参与证明.pdf", ProgrammeYear.pdf(p.name() + " 参与证明"), Map.of("kind", "PARTICIPATION_PROOF"))
                        .expect(201).json();
                version[0] = uploaded.path("version").asLong();
                row.put("proofAttachmentId", ProgrammeYear.newest(uploaded, "PARTICIPATION_PROOF"));
            }
            rows.add(row);
        }
        version[0] = applicant.put(path + "/participants").ifMatch(version[0]).json(Map.of("participants", rows)).expect(200)
                .json().path("version").asLong();

        List<Map<String, Object>> plan = Forms.plan(programme(), type, scale);
        JsonNode planned = applicant.put(path + "/plan").ifMatch(version[0]).json(Map.of("values", plan)).expect(200).json();
        version[0] = planned.path("version").asLong();
        year.check(planned.path("plan").size() == plan.size(), key + "'s plan table keeps its " + plan.size() + " cells");

        for (JsonNode section : type.path("sections")) {
            version[0] = applicant.put(path + "/sections/" + section.path("code").asString()).ifMatch(version[0])
                    .json(Map.of("text", Forms.section(section, name))).expect(200).json().path("version").asLong();
        }
        version[0] = applicant.post(path + "/attachments").ifMatch(version[0])
                .file("推荐书盖章扫描件.pdf", ProgrammeYear.pdf(name + " 推荐书（盖章）"), Map.of("kind", "STAMPED_FORM")).expect(201)
                .json().path("version").asLong();
        version[0] = applicant.post(path + "/attachments").ifMatch(version[0])
                .file("佐证材料.pdf", ProgrammeYear.pdf(name + " 佐证材料"), Map.of("kind", "SUPPORTING_MATERIALS")).expect(201)
                .json().path("version").asLong();
        applicant.put(path + "/commitment").ifMatch(version[0]).json(Map.of("accepted", true, "signatory", "陈志远")).expect(200);

        JsonNode validation = applicant.get(path + "/validation").expect(200).json();
        year.check(validation.path("complete").asBoolean(), key + " (" + platformType + ") is complete: " + validation);
        JsonNode submitted = applicant.post(path + "/submission").idempotencyKey("scenario-" + key + ProgrammeYear.RUN + "-submission")
                .expect(200).json();
        year.check(submitted.path("status").asString().equals("SUBMITTED"), key + " SUBMITTED");
        JsonNode review = applicant.get(path + "/review").expect(200).json();
        JsonNode expectedRoute = type.path("reviewRoute");
        year.check(review.path("route").size() >= 2, key + " has its route: " + review.path("route"));
        JsonNode desk = review.path("route").get(0);
        year.check(desk.path("authorityCode").asString().equals(recommendingDistrict)
                        && desk.path("department").asString().equals(expectedRoute.get(0).path("department").asString()),
                key + "'s first stage is " + recommendingDistrict + " " + expectedRoute.get(0).path("department").asString() + ": " + desk);
        return new Application(key, id, filer, name);
    }

    // --- the district departments ---------------------------------------------------------------

    void districtReview() {
        Application schoolA = applications.get("HZ-SCHOOL-A");
        Application schoolB = applications.get("HZ-SCHOOL-B");
        Application publicCentre = applications.get("HZ-PUBLIC");
        year.step("7. a department acts only on its own stage: the city DRC and the education bureau's district reviewer"
                + " on another department's district stage are refused (403)");
        Response notYours = adminDrc.post("/api/v1/applications/" + schoolA.id() + "/decisions")
                .json(Map.of("decision", "APPROVE", "comment", "越权")).expect(403);
        year.check(notYours.text().contains(EDUCATION) && notYours.text().contains(SCHOOL_DISTRICT),
                "the 403 names the stage's authority and department: " + notYours.text());
        adminEducation.post("/api/v1/applications/" + publicCentre.id() + "/decisions")
                .json(Map.of("decision", "APPROVE", "comment", "越权")).expect(403);
        districtReviewers.get(SCHOOL_CENTRE).post("/api/v1/applications/" + publicCentre.id() + "/decisions")
                .json(Map.of("decision", "APPROVE", "comment", "越权")).expectOneOf(403, 404);
        districtReviewers.get(COMMUNITY).post("/api/v1/applications/" + applications.get("HZ-ENTERPRISE").id() + "/decisions")
                .json(Map.of("decision", "APPROVE", "comment", "越权")).expectOneOf(403, 404);

        year.step("7. a district reviewer is told of the submissions on its own department's desk only (inbox)");
        Application enterpriseCentre = applications.get("HZ-ENTERPRISE");
        Caller districtDrc = districtReviewers.get(PUBLIC_CENTRE);
        Caller districtIndustryIt = districtReviewers.get(ENTERPRISE_CENTRE);
        year.await(Duration.ofSeconds(90), "the public centre's submission in the district DRC reviewer's inbox", () ->
                districtDrc.get("/api/v1/notifications/inbox?size=50").expect(200).text().contains(publicCentre.name()) ? Boolean.TRUE : null);
        year.await(Duration.ofSeconds(90), "the enterprise centre's submission in the district industry-it reviewer's inbox", () ->
                districtIndustryIt.get("/api/v1/notifications/inbox?size=50").expect(200).text().contains(enterpriseCentre.name())
                        ? Boolean.TRUE : null);
        districtDrc.get("/api/v1/applications/" + enterpriseCentre.id()).expect(404);
        year.check(!districtDrc.get("/api/v1/notifications/inbox?size=50").expect(200).text().contains(enterpriseCentre.name()),
                "the district DRC reviewer is not told of the enterprise centre, which its department does not review (it cannot open it)");
        year.check(!districtIndustryIt.get("/api/v1/notifications/inbox?size=50").expect(200).text().contains(publicCentre.name()),
                "the district industry-it reviewer is not told of the public centre");

        year.step("7. the district education bureau returns school centre A, which edits and resubmits; it rejects school centre B");
        Caller schoolReviewer = districtReviewers.get(SCHOOL_CENTRE);
        schoolReviewer.post("/api/v1/applications/" + schoolA.id() + "/return")
                .json(Map.of("comment", "请在建设开放运营论证中补充与区域产业的对接情况。")).expect(200);
        Caller a = schoolA.filer().admin();
        JsonNode returned = a.get("/api/v1/applications/" + schoolA.id()).expect(200).json();
        year.check(returned.path("status").asString().equals("RETURNED"), "school centre A is RETURNED");
        JsonNode feasibility = null;
        for (JsonNode section : Forms.type(programme(), SCHOOL_CENTRE).path("sections")) {
            if (section.path("code").asString().equals("FEASIBILITY")) {
                feasibility = section;
            }
        }
        String text = "实践中心对接滨江区数字经济与智能制造产业集群，年均可承接区域内职业院校学生实训三千人次。";
        a.put("/api/v1/applications/" + schoolA.id() + "/sections/FEASIBILITY").ifMatch(returned.path("version").asLong())
                .json(Map.of("text", text + Forms.section(feasibility, schoolA.name()).substring(0,
                        Math.min(300, Forms.section(feasibility, schoolA.name()).length())))).expect(200);
        JsonNode again = a.post("/api/v1/applications/" + schoolA.id() + "/submission")
                .idempotencyKey("scenario-HZ-SCHOOL-A" + ProgrammeYear.RUN + "-resubmission").expect(200).json();
        year.check(again.path("status").asString().equals("SUBMITTED"), "school centre A is SUBMITTED again");
        JsonNode rejected = schoolReviewer.post("/api/v1/applications/" + schoolB.id() + "/decisions")
                .json(Map.of("decision", "REJECT", "comment", "实训场地为租赁且剩余租期不足三年，不符合申报条件。")).expect(200).json();
        year.check(rejected.path("status").asString().equals("REJECTED"), "school centre B is REJECTED");
        JsonNode history = schoolB.filer().admin().get("/api/v1/applications/" + schoolB.id() + "/history").expect(200).json();
        year.check(history.toString().contains("REJECTED"), "B's history shows the rejection");

        year.step("7. each district department passes its application (RECOMMENDED), ranks and locks its list");
        for (String type : List.of(CONSORTIUM, COMMUNITY, SCHOOL_CENTRE, PUBLIC_CENTRE, ENTERPRISE_CENTRE)) {
            Application application = approvedOf(type);
            Caller reviewer = districtReviewers.get(type);
            JsonNode passed = reviewer.post("/api/v1/applications/" + application.id() + "/decisions")
                    .json(Map.of("decision", "APPROVE", "comment", "初审通过，同意推荐。")).expect(200).json();
            year.check(passed.path("status").asString().equals("RECOMMENDED"), application.key() + " RECOMMENDED: " + passed.path("status"));
            String list = "/api/v1/programmes/" + programmeId() + "/recommendations/" + type;
            reviewer.put(list + "/ranking").json(Map.of("applicationIds", List.of(application.id()))).expect(200);
            JsonNode locked = reviewer.post(list + "/lock").expect(200).json();
            year.check(locked.path("locked").asBoolean(), type + "'s district list is locked");
            if (type.equals(CONSORTIUM)) {
                // another department's people cannot touch a district's list
                adminEducation.post(list + "/lock").expectOneOf(403, 404);
            }
        }
    }

    /** The application of a type that goes on to approval. */
    Application approvedOf(String type) {
        return switch (type) {
            case CONSORTIUM -> applications.get("HZ-CONSORTIUM");
            case COMMUNITY -> applications.get("HZ-COMMUNITY");
            case SCHOOL_CENTRE -> applications.get("HZ-SCHOOL-A");
            case PUBLIC_CENTRE -> applications.get("HZ-PUBLIC");
            default -> applications.get("HZ-ENTERPRISE");
        };
    }

    // --- the city departments -------------------------------------------------------------------

    void cityReview() {
        year.step("7. 20 May 2024: each city department holds its type's expert review (conflicts of interest refused) and selects");
        year.setClock("2024-05-20T09:00:00+08:00");
        adminEducation.post("/api/v1/applications/review-rounds").json(Map.of("programmeId", programmeId(), "platformType",
                ENTERPRISE_CENTRE, "name", "越权", "applicationIds", List.of(approvedOf(ENTERPRISE_CENTRE).id()),
                "expertsPerApplication", 2)).expectOneOf(403, 404);
        for (String type : List.of(CONSORTIUM, COMMUNITY, SCHOOL_CENTRE, PUBLIC_CENTRE, ENTERPRISE_CENTRE)) {
            Application application = approvedOf(type);
            Caller city = cityDesk.get(type);
            JsonNode round = city.post("/api/v1/applications/review-rounds").json(Map.of("programmeId", programmeId(),
                    "platformType", type, "name", "杭州市" + Forms.type(programme(), type).path("name").asString() + "专家评审",
                    "applicationIds", List.of(application.id()), "expertsPerApplication", 2)).expect(201).json();
            String roundId = round.path("id").asString();
            year.check(round.path("authorityCode").asString().equals(CITY), type + "'s round is held by the city");
            if (type.equals(COMMUNITY)) {
                Response conflict = city.post("/api/v1/applications/review-rounds/" + roundId + "/assignments")
                        .json(Map.of("applicationId", application.id(), "expertId", experts.get("hz-expert-univ"))).expect(409);
                year.check(conflict.text().contains("OWN_ORGANISATION"), "the lead school's expert is refused: " + conflict.text());
            }
            for (String expert : List.of("hz-expert-institute", "hz-expert-xihu")) {
                city.post("/api/v1/applications/review-rounds/" + roundId + "/assignments")
                        .json(Map.of("applicationId", application.id(), "expertId", experts.get(expert))).expectOneOf(200, 201);
            }
            for (String expert : List.of("hz-expert-institute", "hz-expert-xihu")) {
                Caller caller = api.person(expert + ProgrammeYear.RUN, ProgrammeYear.PASSWORD);
                JsonNode mine = caller.get("/api/v1/applications/expert/assignments").expect(200).json();
                for (JsonNode assignment : mine.isArray() ? mine : mine.path("items")) {
                    if (!assignment.path("roundId").asString().equals(roundId)) {
                        continue;
                    }
                    caller.put("/api/v1/applications/expert/assignments/" + assignment.path("id").asString() + "/score")
                            .json(scores(type)).expect(200);
                }
                caller.get("/api/v1/applications/" + applications.get("HZ-SCHOOL-B").id()).expectOneOf(403, 404);
            }
            city.post("/api/v1/applications/review-rounds/" + roundId + "/closure").send().expectOneOf(200, 201);
            JsonNode shortlisted = city.post("/api/v1/programmes/" + programmeId() + "/shortlist/" + type)
                    .json(Map.of("applicationIds", List.of(application.id()), "comment", "专家评审、会同市相关单位遴选通过")).send()
                    .expectOneOf(200, 201).json();
            JsonNode after = application.filer().admin().get("/api/v1/applications/" + application.id()).expect(200).json();
            year.check(after.path("status").asString().equals("SHORTLISTED"), application.key() + " SHORTLISTED: " + shortlisted);
        }
    }

    /** An expert's marks: the type's scoring sheet where it has one (the consortia), else one overall mark. */
    Map<String, Object> scores(String type) {
        Map<String, Object> scores = new LinkedHashMap<>();
        JsonNode sheet = Forms.type(programme(), type).path("scoringSheet");
        for (JsonNode item : sheet) {
            if (item.path("deduction").asBoolean()) {
                continue;
            }
            for (JsonNode point : item.path("observationPoints")) {
                scores.put(point.path("code").asString(), Math.max(0, point.path("maxScore").asInt() - 1));
            }
        }
        if (scores.isEmpty()) {
            scores.put("OVERALL", 86);
        }
        return Map.of("scores", scores, "comment", "建设基础较好，目标明确，同意推荐。");
    }

    // --- notice and approval ---------------------------------------------------------------------

    void noticeAndApproval() {
        List<UUID> ids = new ArrayList<>();
        for (String type : List.of(CONSORTIUM, COMMUNITY, SCHOOL_CENTRE, PUBLIC_CENTRE, ENTERPRISE_CENTRE)) {
            ids.add(approvedOf(type).id());
        }
        year.step("7. the city education bureau puts the five on public notice from 21 May 2024 (5 working days)");
        adminShanxi.post("/api/v1/applications/notices").json(Map.of("programmeId", programmeId(), "title", "越权",
                "startsOn", "2024-05-21", "applicationIds", ids)).expectOneOf(403, 404);
        JsonNode notice = adminEducation.post("/api/v1/applications/notices").json(Map.of("programmeId", programmeId(),
                "title", "杭州市首批市域产教联合体、行业产教融合共同体和开放型区域产教融合实践中心拟入选名单公示",
                "startsOn", "2024-05-21", "workingDays", 5, "applicationIds", ids)).expect(201).json();
        year.check(notice.path("endsOn").asString().equals("2024-05-27"), "the notice ends on 2024-05-27: " + notice.path("endsOn"));
        JsonNode read = publicVisitor.get("/api/v1/public/applications/notices/" + notice.path("id").asString()).expect(200).json();
        year.check(read.path("applications").size() == ids.size(), "the public reads the five on notice");

        year.step("7. 28 May 2024: the notice-closing job approves the five");
        year.setClock("2024-05-28T09:00:00+08:00");
        JsonNode platforms = year.await(Duration.ofSeconds(150), "Hangzhou's five approved", () -> {
            JsonNode list = publicVisitor.get("/api/v1/public/applications/platforms?programmeId=" + programmeId() + "&size=200")
                    .expect(200).json();
            JsonNode items = list.isArray() ? list : list.path("items");
            Set<String> found = new HashSet<>();
            items.forEach(p -> found.add(p.path("applicationId").asString()));
            return ids.stream().allMatch(id -> found.contains(id.toString())) ? items : null;
        });
        Set<String> types = new HashSet<>();
        for (JsonNode platform : platforms) {
            if (ids.contains(UUID.fromString(platform.path("applicationId").asString()))) {
                year.approvedPlatforms.add(platform);
                types.add(platform.path("platformType").asString(""));
            }
        }
        for (UUID id : ids) {
            Application application = applications.values().stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow();
            JsonNode approved = application.filer().admin().get("/api/v1/applications/" + id).expect(200).json();
            year.check(approved.path("status").asString().equals("APPROVED"), application.key() + " APPROVED");
        }
        JsonNode rejected = applications.get("HZ-SCHOOL-B").filer().admin()
                .get("/api/v1/applications/" + applications.get("HZ-SCHOOL-B").id()).expect(200).json();
        year.check(rejected.path("status").asString().equals("REJECTED"), "school centre B stays REJECTED");
    }

    // --- after approval --------------------------------------------------------------------------

    void obligationsAndIndicators() {
        year.step("7. Hangzhou's platforms get their obligations (practice centres: the 2024 operation report, 2025 the operation"
                + " plan; consortium and community: the 2024 annual summary) and indicator platforms; Shanxi's people see none");
        Organisation shanxiLead = year.organisations.get("sx-ev");
        for (String type : List.of(CONSORTIUM, COMMUNITY, SCHOOL_CENTRE, PUBLIC_CENTRE, ENTERPRISE_CENTRE)) {
            Application application = approvedOf(type);
            String platformId = year.platformOf(application);
            Caller lead = application.filer().admin();
            String expected = type.startsWith("PRACTICE_CENTER") ? "OPERATION_REPORT" : "ANNUAL_SUMMARY";
            JsonNode reports = year.await(Duration.ofSeconds(120), "obligations of " + application.key(), () -> {
                Response indicator = lead.get("/api/v1/indicators/platforms/" + platformId).send();
                Response list = lead.get("/api/v1/reports?platformId=" + platformId).send();
                return indicator.status() == 200 && list.status() == 200 && list.text().contains(expected) ? list.json() : null;
            });
            boolean plan2025 = false;
            for (JsonNode report : reports.isArray() ? reports : reports.path("items")) {
                if (type.startsWith("PRACTICE_CENTER") && report.path("kind").asString().equals("OPERATION_PLAN")
                        && report.path("year").asInt() == 2025) {
                    plan2025 = true;
                }
                year.check(!report.path("kind").asString().equals("OPERATION_PLAN") || report.path("year").asInt() >= 2025,
                        "no operation plan for 2024 (the programme's plan obligation starts in 2025): " + report);
            }
            year.check(!type.startsWith("PRACTICE_CENTER") || plan2025, application.key() + " has its 2025 operation plan: " + reports);
            JsonNode indicator = lead.get("/api/v1/indicators/platforms/" + platformId).expect(200).json();
            year.check(indicator.toString().contains(HZ) || indicator.path("platformType").asString().equals(type),
                    application.key() + "'s indicator platform is Hangzhou's " + type + ": " + indicator);
            shanxiLead.admin().get("/api/v1/indicators/platforms/" + platformId).expectOneOf(403, 404);
            shanxiLead.admin().get("/api/v1/reports?platformId=" + platformId).expectOneOf(403, 404);
            adminShanxi.get("/api/v1/reports?platformId=" + platformId).expectOneOf(403, 404);
            integrationShanxi.get("/api/v1/indicators/platforms/" + platformId).expectOneOf(403, 404);
            adminDrc.get("/api/v1/reports?platformId=" + platformId).expect(200);
        }
        year.step("7. the school practice centre submits its 2024 annual operation report (due 15 December) in May: on time;"
                + " Hangzhou's education bureau reads it, Shanxi's people and another centre's lead cannot");
        JsonNode report = year.submitReport(approvedOf(SCHOOL_CENTRE), "OPERATION_REPORT", 2024);
        year.check(report.path("onTime").asBoolean(), "the operation report is on time: " + report.path("onTime"));
        String reportPath = "/api/v1/reports/" + report.path("id").asString();
        adminEducation.get(reportPath).expect(200);
        adminShanxi.get(reportPath).expectOneOf(403, 404);
        shanxiLead.admin().get(reportPath).expectOneOf(403, 404);
        approvedOf(ENTERPRISE_CENTRE).filer().admin().get(reportPath).expectOneOf(403, 404);

        year.step("7. the leads are told of their approval (inbox); Shanxi's lead is not; Zhejiang's platform gets the signed"
                + " PlatformApproved of Hangzhou's platforms");
        Application enterpriseCentre = approvedOf(ENTERPRISE_CENTRE);
        year.await(Duration.ofSeconds(120), "the approval in the enterprise centre's lead's inbox", () ->
                enterpriseCentre.filer().admin().get("/api/v1/notifications/inbox?size=50").expect(200).text()
                        .contains("PLATFORM_APPROVED") ? Boolean.TRUE : null);
        year.check(!shanxiLead.admin().get("/api/v1/notifications/inbox?size=50").expect(200).text().contains(enterpriseCentre.name()),
                "Shanxi's lead was told nothing of Hangzhou's platforms");
        if (year.webhooksSubscribed) {
            WebhookReceiver.Delivery delivery = year.await(Duration.ofSeconds(120), "Hangzhou's PlatformApproved at Zhejiang's webhook",
                    () -> year.webhooks.deliveries().stream().filter(d -> d.path().equals("/zhejiang")
                            && "PlatformApproved".equals(d.type()) && d.event().toString().contains(enterpriseCentre.name()))
                            .findFirst().orElse(null));
            year.check(delivery.signatureValid(), "the PlatformApproved to Zhejiang verifies with its subscription secret");
            year.check(year.webhooks.deliveries().stream().noneMatch(d -> d.path().equals("/shanxi")
                    && d.event().toString().contains(enterpriseCentre.name())), "Shanxi's platform got none of Hangzhou's events");
        }
        // a practice centre's lead does not see another practice centre's obligations
        String enterprisePlatform = year.platformOf(approvedOf(ENTERPRISE_CENTRE));
        approvedOf(SCHOOL_CENTRE).filer().admin().get("/api/v1/reports?platformId=" + enterprisePlatform).expectOneOf(403, 404);
    }

    /** November 2024 (before Shanxi's collection step): the Hangzhou school centre's first indicator year. */
    void indicatorYear() {
        year.step("7. 5 November 2024: Hangzhou's 2024 collection window opens; the school practice centre enters its"
                + " values (its plan's 2024 targets) and submits; Zhejiang's platform reads them, Shanxi's people cannot");
        year.setClock("2024-11-05T09:30:00+08:00");
        Application school = approvedOf(SCHOOL_CENTRE);
        Caller lead = school.filer().admin();
        String path = "/api/v1/indicators/platforms/" + year.platformOf(school) + "/years/2024";
        JsonNode open = year.await(Duration.ofSeconds(120), "the 2024 window open for Hangzhou's school centre", () -> {
            JsonNode found = lead.get(path).expect(200).json();
            return found.path("state").asString().equals("OPEN") ? found : null;
        });
        year.check(open.path("indicators").size() > 0, "the school centre has indicators to enter");
        JsonNode saved = lead.put(path + "/values").ifMatch(open.path("version").asLong())
                .idempotencyKey("scenario-HZ-SCHOOL-2024-save" + ProgrammeYear.RUN)
                .json(Map.of("values", ProgrammeYear.values(open, 1.0))).expect(200).json();
        JsonNode submitted = lead.post(path + "/submission").ifMatch(saved.path("version").asLong())
                .idempotencyKey("scenario-HZ-SCHOOL-2024-submission" + ProgrammeYear.RUN).expect(200).json();
        year.check(submitted.path("status").asString().equals("SUBMITTED") || submitted.path("state").asString().equals("SUBMITTED"),
                "the school centre's 2024 values are SUBMITTED: " + submitted.path("state"));
        integrationZhejiang.get(path).expect(200);
        integrationShanxi.get(path).expectOneOf(403, 404);
        adminShanxi.get(path).expectOneOf(403, 404);
        year.organisations.get("sx-ev").admin().get(path).expectOneOf(403, 404);
        approvedOf(ENTERPRISE_CENTRE).filer().admin().get(path).expectOneOf(403, 404);
    }
}
