package cn.chanjiao.identity.organisation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import static cn.chanjiao.identity.organisation.OrganisationRules.blankToNull;

/**
 * An organisation: its kind, codes, region, contacts and the attributes programme rules look at, and
 * where it stands ({@link OrganisationStatus}). Never leaves this package as it is: controllers answer
 * {@link OrganisationResponse}.
 */
@Entity
@Table(name = "organisation")
public class Organisation {

    /**
     * Fields whose change makes a verified organisation pending again: what identifies it, where it is,
     * and every attribute a programme rule may read. Programme rules name attributes by their key
     * (a lead role's {@code requiredAttributes}, a stage's {@code skippedFor}, the lead unit's held
     * attributes on a form), so an attribute changed without review could fake eligibility or skip a
     * review stage ({@code centralSoe} skips the provincial one): each of them is re-verified.
     */
    static final Set<String> IDENTIFYING = Set.of("kind", "name", "uscc", "schoolCode", "region.provinceCode",
            "region.cityCode", "region.districtCode",
            "attributes.centralSoe", "attributes.chinaTop500", "attributes.integrationEnterpriseLevel",
            "attributes.masterDegreeRights", "attributes.doctoralDegreeRights", "attributes.vocationalLevel",
            "attributes.doubleHighLevel", "attributes.independentTrainingInstitution", "attributes.parkLevel",
            "attributes.parkOutputValue", "attributes.parkOutputYear", "attributes.managementCommittee",
            "attributes.governmentAuthorityCode", "attributes.governmentDepartment");

    @Id
    private UUID id;
    @Enumerated(EnumType.STRING)
    private OrganisationKind kind;
    private String name;
    private String shortName;
    private String uscc;
    private String schoolCode;
    private String provinceCode;
    private String cityCode;
    private String districtCode;
    private String address;
    private String postalCode;
    private String phone;
    private String email;
    private String website;
    private String industry;
    private String leaderName;
    private String leaderTitle;
    private String leaderPhone;
    private String leaderEmail;
    private Boolean centralSoe;
    @Column(name = "china_top500")
    private Boolean chinaTop500;
    private String integrationEnterpriseLevel;
    private Boolean masterDegreeRights;
    private Boolean doctoralDegreeRights;
    private String vocationalLevel;
    private String doubleHighLevel;
    private Boolean independentTrainingInstitution;
    private String parkLevel;
    private BigDecimal parkOutputValue;
    private Integer parkOutputYear;
    private String managementCommittee;
    private String governmentAuthorityCode;
    private String governmentDepartment;
    @Enumerated(EnumType.STRING)
    private OrganisationStatus status;
    private String rejectionReason;
    private String reviewedBy;
    private String reviewedByAuthority;
    private Instant reviewedAt;
    private Instant createdAt;
    private Instant updatedAt;
    @Version
    private long version;

    protected Organisation() {
        // for JPA
    }

    /** A newly registered organisation, {@code PENDING}. */
    static Organisation register(UUID id, OrganisationDetails details, Instant now) {
        Organisation organisation = new Organisation();
        organisation.id = id;
        organisation.status = OrganisationStatus.PENDING;
        organisation.createdAt = now;
        organisation.updatedAt = now;
        organisation.assign(details);
        return organisation;
    }

    /**
     * Takes the edited details; returns the names of the fields that changed. A change of what
     * identifies it or of a rule attribute ({@link #IDENTIFYING}) makes a verified organisation pending
     * again; any change makes a rejected one
     * pending again (it was corrected and is submitted anew).
     */
    List<String> edit(OrganisationDetails details, Instant now) {
        Map<String, Object> before = snapshot();
        assign(details);
        Map<String, Object> after = snapshot();
        List<String> changed = new ArrayList<>();
        after.forEach((field, value) -> {
            if (!sameValue(before.get(field), value)) {
                changed.add(field);
            }
        });
        if (!changed.isEmpty()) {
            updatedAt = now;
            boolean identifying = changed.stream().anyMatch(IDENTIFYING::contains);
            if (status == OrganisationStatus.REJECTED || (status == OrganisationStatus.VERIFIED && identifying)) {
                status = OrganisationStatus.PENDING;
                rejectionReason = null;
            }
        }
        return changed;
    }

    void verify(String by, String byAuthority, Instant now) {
        status = OrganisationStatus.VERIFIED;
        rejectionReason = null;
        reviewed(by, byAuthority, now);
    }

    void reject(String reason, String by, String byAuthority, Instant now) {
        status = OrganisationStatus.REJECTED;
        rejectionReason = reason;
        reviewed(by, byAuthority, now);
    }

    private void reviewed(String by, String byAuthority, Instant now) {
        reviewedBy = by;
        reviewedByAuthority = byAuthority;
        reviewedAt = now;
        updatedAt = now;
    }

    private void assign(OrganisationDetails d) {
        kind = OrganisationKind.valueOf(d.kind());
        name = d.name().strip();
        shortName = blankToNull(d.shortName());
        uscc = blankToNull(d.uscc());
        schoolCode = blankToNull(d.schoolCode());
        provinceCode = blankToNull(d.region().provinceCode());
        cityCode = blankToNull(d.region().cityCode());
        districtCode = blankToNull(d.region().districtCode());
        address = d.address().strip();
        postalCode = blankToNull(d.postalCode());
        phone = d.phone().strip();
        email = blankToNull(d.email());
        website = blankToNull(d.website());
        industry = blankToNull(d.industry());
        OrganisationDetails.Leader leader = d.leader();
        leaderName = leader == null ? null : blankToNull(leader.name());
        leaderTitle = leader == null ? null : blankToNull(leader.title());
        leaderPhone = leader == null ? null : blankToNull(leader.phone());
        leaderEmail = leader == null ? null : blankToNull(leader.email());
        OrganisationDetails.Attributes a = d.attributes() == null ? OrganisationDetails.Attributes.NONE : d.attributes();
        centralSoe = a.centralSoe();
        chinaTop500 = a.chinaTop500();
        integrationEnterpriseLevel = blankToNull(a.integrationEnterpriseLevel());
        masterDegreeRights = a.masterDegreeRights();
        doctoralDegreeRights = a.doctoralDegreeRights();
        vocationalLevel = blankToNull(a.vocationalLevel());
        doubleHighLevel = blankToNull(a.doubleHighLevel());
        independentTrainingInstitution = a.independentTrainingInstitution();
        parkLevel = blankToNull(a.parkLevel());
        parkOutputValue = a.parkOutputValue();
        parkOutputYear = a.parkOutputYear();
        managementCommittee = blankToNull(a.managementCommittee());
        governmentAuthorityCode = blankToNull(a.governmentAuthorityCode());
        governmentDepartment = blankToNull(a.governmentDepartment());
    }

    private Map<String, Object> snapshot() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("kind", kind);
        s.put("name", name);
        s.put("shortName", shortName);
        s.put("uscc", uscc);
        s.put("schoolCode", schoolCode);
        s.put("region.provinceCode", provinceCode);
        s.put("region.cityCode", cityCode);
        s.put("region.districtCode", districtCode);
        s.put("address", address);
        s.put("postalCode", postalCode);
        s.put("phone", phone);
        s.put("email", email);
        s.put("website", website);
        s.put("industry", industry);
        s.put("leader.name", leaderName);
        s.put("leader.title", leaderTitle);
        s.put("leader.phone", leaderPhone);
        s.put("leader.email", leaderEmail);
        s.put("attributes.centralSoe", centralSoe);
        s.put("attributes.chinaTop500", chinaTop500);
        s.put("attributes.integrationEnterpriseLevel", integrationEnterpriseLevel);
        s.put("attributes.masterDegreeRights", masterDegreeRights);
        s.put("attributes.doctoralDegreeRights", doctoralDegreeRights);
        s.put("attributes.vocationalLevel", vocationalLevel);
        s.put("attributes.doubleHighLevel", doubleHighLevel);
        s.put("attributes.independentTrainingInstitution", independentTrainingInstitution);
        s.put("attributes.parkLevel", parkLevel);
        s.put("attributes.parkOutputValue", parkOutputValue);
        s.put("attributes.parkOutputYear", parkOutputYear);
        s.put("attributes.managementCommittee", managementCommittee);
        s.put("attributes.governmentAuthorityCode", governmentAuthorityCode);
        s.put("attributes.governmentDepartment", governmentDepartment);
        return s;
    }

    private static boolean sameValue(Object a, Object b) {
        if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
            return x.compareTo(y) == 0;
        }
        return Objects.equals(a, b);
    }

    /** The most specific region code: district, else city, else province — the authority_code of its users. */
    public String regionCode() {
        return districtCode != null ? districtCode : cityCode != null ? cityCode : provinceCode;
    }

    public UUID id() {
        return id;
    }

    public OrganisationKind kind() {
        return kind;
    }

    public String name() {
        return name;
    }

    public OrganisationStatus status() {
        return status;
    }

    public String provinceCode() {
        return provinceCode;
    }

    public String cityCode() {
        return cityCode;
    }

    public String districtCode() {
        return districtCode;
    }

    public long version() {
        return version;
    }

    String shortName() {
        return shortName;
    }

    String uscc() {
        return uscc;
    }

    String schoolCode() {
        return schoolCode;
    }

    String address() {
        return address;
    }

    String postalCode() {
        return postalCode;
    }

    String phone() {
        return phone;
    }

    String email() {
        return email;
    }

    String website() {
        return website;
    }

    String industry() {
        return industry;
    }

    String leaderName() {
        return leaderName;
    }

    String leaderTitle() {
        return leaderTitle;
    }

    String leaderPhone() {
        return leaderPhone;
    }

    String leaderEmail() {
        return leaderEmail;
    }

    Boolean centralSoe() {
        return centralSoe;
    }

    Boolean chinaTop500() {
        return chinaTop500;
    }

    String integrationEnterpriseLevel() {
        return integrationEnterpriseLevel;
    }

    Boolean masterDegreeRights() {
        return masterDegreeRights;
    }

    Boolean doctoralDegreeRights() {
        return doctoralDegreeRights;
    }

    String vocationalLevel() {
        return vocationalLevel;
    }

    String doubleHighLevel() {
        return doubleHighLevel;
    }

    Boolean independentTrainingInstitution() {
        return independentTrainingInstitution;
    }

    String parkLevel() {
        return parkLevel;
    }

    BigDecimal parkOutputValue() {
        return parkOutputValue;
    }

    Integer parkOutputYear() {
        return parkOutputYear;
    }

    String managementCommittee() {
        return managementCommittee;
    }

    String governmentAuthorityCode() {
        return governmentAuthorityCode;
    }

    String governmentDepartment() {
        return governmentDepartment;
    }

    String rejectionReason() {
        return rejectionReason;
    }

    String reviewedBy() {
        return reviewedBy;
    }

    String reviewedByAuthority() {
        return reviewedByAuthority;
    }

    Instant reviewedAt() {
        return reviewedAt;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant updatedAt() {
        return updatedAt;
    }
}
