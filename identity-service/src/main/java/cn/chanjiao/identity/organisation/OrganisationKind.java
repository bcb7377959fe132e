package cn.chanjiao.identity.organisation;

/** What an organisation is; schools are identified by their 10-digit school code, the rest by their USCC. */
public enum OrganisationKind {
    ENTERPRISE,
    /** 普通高等学校: may hold master's and doctoral degree-granting rights */
    UNIVERSITY,
    /** secondary, higher or undergraduate vocational school */
    VOCATIONAL_SCHOOL,
    RESEARCH_INSTITUTE,
    INDUSTRY_ORGANISATION,
    GOVERNMENT_DEPARTMENT,
    /** an industrial park, represented by its management committee (管委会) */
    INDUSTRIAL_PARK,
    OTHER;

    public boolean isSchool() {
        return this == UNIVERSITY || this == VOCATIONAL_SCHOOL;
    }
}
