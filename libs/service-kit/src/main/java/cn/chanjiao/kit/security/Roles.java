package cn.chanjiao.kit.security;

/** Keycloak realm roles (DESIGN §5); Spring authorities are {@code ROLE_<name>}. */
public final class Roles {

    public static final String APPLICANT = "applicant";
    public static final String ORG_ADMIN = "org-admin";
    public static final String REVIEWER = "reviewer";
    public static final String EXPERT = "expert";
    public static final String PROGRAMME_ADMIN = "programme-admin";
    public static final String PLATFORM_ADMIN = "platform-admin";
    /** Provincial platforms calling with client credentials, scoped to a province by {@code authority_code}. */
    public static final String INTEGRATION = "integration";
    /** Our own services calling each other with client credentials. */
    public static final String SERVICE = "service";

    private Roles() {
    }
}
