package cn.chanjiao.identity.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Request bodies as maps, so that a test can break any field: {@code Requests.set(body, "organisation.uscc", "x")}.
 * Object mothers for the usual registrations.
 */
public final class Requests {

    public static final String PASSWORD = "Chanjiao2026";

    private Requests() {
    }

    /** A Taiyuan enterprise and its org admin. */
    public static Map<String, Object> enterpriseRegistration(String uscc, String username) {
        Map<String, Object> organisation = new LinkedHashMap<>();
        organisation.put("kind", "ENTERPRISE");
        organisation.put("name", "测试重工集团有限公司 " + username);
        organisation.put("uscc", uscc);
        organisation.put("region", new LinkedHashMap<>(Map.of("provinceCode", "140000", "cityCode", "140100")));
        organisation.put("address", "山西省太原市万柏林区测试路 1 号");
        organisation.put("postalCode", "030024");
        organisation.put("phone", "0351-1234567");
        organisation.put("email", "office@" + username + ".example.cn");
        organisation.put("industry", "装备制造");
        organisation.put("leader", new LinkedHashMap<>(Map.of("name", "王建国", "title", "董事长", "phone", "13900000001")));
        organisation.put("attributes", new LinkedHashMap<>(Map.of("centralSoe", false, "chinaTop500", true,
                "integrationEnterpriseLevel", "PROVINCIAL")));
        return registration(organisation, username);
    }

    /** A Hangzhou (Yuhang) higher vocational school and its org admin. */
    public static Map<String, Object> schoolRegistration(String schoolCode, String username) {
        Map<String, Object> organisation = new LinkedHashMap<>();
        organisation.put("kind", "VOCATIONAL_SCHOOL");
        organisation.put("name", "杭州测试职业技术学院 " + username);
        organisation.put("schoolCode", schoolCode);
        organisation.put("region", new LinkedHashMap<>(Map.of("provinceCode", "330000", "cityCode", "330100",
                "districtCode", "330110")));
        organisation.put("address", "浙江省杭州市余杭区测试路 2 号");
        organisation.put("phone", "0571-87654321");
        organisation.put("attributes", new LinkedHashMap<>(Map.of("vocationalLevel", "HIGHER", "doubleHighLevel",
                "NATIONAL", "independentTrainingInstitution", true)));
        return registration(organisation, username);
    }

    /** A Taiyuan university without degree rights or a training institution, and its org admin. */
    public static Map<String, Object> universityRegistration(String schoolCode, String username) {
        Map<String, Object> organisation = new LinkedHashMap<>();
        organisation.put("kind", "UNIVERSITY");
        organisation.put("name", "太原测试大学 " + username);
        organisation.put("schoolCode", schoolCode);
        organisation.put("region", new LinkedHashMap<>(Map.of("provinceCode", "140000", "cityCode", "140100")));
        organisation.put("address", "山西省太原市小店区测试路 3 号");
        organisation.put("phone", "0351-7010000");
        organisation.put("attributes", new LinkedHashMap<>(Map.of("masterDegreeRights", false,
                "doctoralDegreeRights", false, "independentTrainingInstitution", false)));
        return registration(organisation, username);
    }

    private static Map<String, Object> registration(Map<String, Object> organisation, String username) {
        Map<String, Object> admin = new LinkedHashMap<>();
        admin.put("username", username);
        admin.put("familyName", "李");
        admin.put("givenName", "明");
        admin.put("email", username + "@example.cn");
        admin.put("mobile", TestCodes.mobile());
        admin.put("password", PASSWORD);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("organisation", organisation);
        body.put("admin", admin);
        return body;
    }

    /** A person to invite or make staff. */
    public static Map<String, Object> person(String username) {
        Map<String, Object> person = new LinkedHashMap<>();
        person.put("username", username);
        person.put("familyName", "张");
        person.put("givenName", "三");
        person.put("email", username + "@example.cn");
        person.put("mobile", TestCodes.mobile());
        return person;
    }

    /** Sets (or, with null, removes) the value at a dotted path, creating maps on the way. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> set(Map<String, Object> body, String path, Object value) {
        String[] parts = path.split("\\.");
        Map<String, Object> node = body;
        for (int i = 0; i < parts.length - 1; i++) {
            node = (Map<String, Object>) node.computeIfAbsent(parts[i], k -> new LinkedHashMap<>());
        }
        if (value == null) {
            node.remove(parts[parts.length - 1]);
        } else {
            node.put(parts[parts.length - 1], value);
        }
        return body;
    }

    /** A deep copy, to vary one request without touching another. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> copy(Map<String, Object> body) {
        Map<String, Object> copy = new LinkedHashMap<>();
        body.forEach((k, v) -> copy.put(k, v instanceof Map<?, ?> m ? copy((Map<String, Object>) m)
                : v instanceof List<?> l ? new ArrayList<>(l) : v));
        return copy;
    }
}
