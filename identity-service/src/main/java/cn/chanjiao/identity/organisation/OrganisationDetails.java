package cn.chanjiao.identity.organisation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;

/**
 * An organisation as registered or edited: the fields of the lead-unit and participant tables of the
 * application forms (seeds 000 annex 4, 003 and 004). Shapes are checked here; codes, region and the
 * attributes that fit the kind are checked by {@link OrganisationRules}.
 *
 * @param kind       {@link OrganisationKind} name
 * @param uscc       unified social credit code; required but for schools
 * @param schoolCode 10-digit school code (学校标识码); required for universities and vocational schools
 * @param phone      the organisation's contact telephone
 * @param industry   its industry or the industry field it serves
 * @param leader     its responsible person (负责人)
 */
public record OrganisationDetails(
        @NotBlank String kind,
        @NotBlank @Size(max = 200) String name,
        @Size(max = 100) String shortName,
        String uscc,
        String schoolCode,
        @NotNull @Valid Region region,
        @NotBlank @Size(max = 300) String address,
        @Pattern(regexp = "[0-9]{6}") String postalCode,
        @NotBlank @Pattern(regexp = OrganisationDetails.PHONE) String phone,
        @Email @Size(max = 254) String email,
        @Size(max = 300) String website,
        @Size(max = 100) String industry,
        @Valid Leader leader,
        @Valid Attributes attributes) {

    /** A telephone number: digits with an optional +, parentheses, dashes and spaces. */
    public static final String PHONE = "[0-9+()\\- ]{7,20}";

    /** Where it is: GB/T 2260 codes of the tree; the city and the district may be left out. */
    public record Region(@NotBlank String provinceCode, String cityCode, String districtCode) {
    }

    public record Leader(@NotBlank @Size(max = 60) String name, @Size(max = 60) String title,
            @Pattern(regexp = PHONE) String phone, @Email @Size(max = 254) String email) {
    }

    /**
     * What programme rules look at; each applies to some kinds only.
     *
     * @param centralSoe                  enterprise: a central state-owned enterprise (央企)
     * @param chinaTop500                 enterprise: among China's top 500 enterprises
     * @param integrationEnterpriseLevel  enterprise: certified industry–education integration enterprise
     *                                    ({@code NATIONAL}, {@code PROVINCIAL}, {@code MUNICIPAL})
     * @param masterDegreeRights          university: grants master's degrees
     * @param doctoralDegreeRights        university: grants doctoral degrees
     * @param vocationalLevel             vocational school: {@code SECONDARY}, {@code HIGHER}, {@code UNDERGRADUATE}
     * @param doubleHighLevel             higher or undergraduate vocational school: “double high” ({@code NATIONAL}, {@code PROVINCIAL})
     * @param independentTrainingInstitution school: runs an independent training or continuing-education institution
     * @param parkLevel                   industrial park: {@code NATIONAL}, {@code PROVINCIAL}, {@code MUNICIPAL}
     * @param parkOutputValue             industrial park: total output value, 亿元
     * @param parkOutputYear              industrial park: the year of that value
     * @param managementCommittee         industrial park: its management committee (管委会)
     * @param governmentAuthorityCode     government department: the authority it belongs to
     * @param governmentDepartment        government department: which of the eight departments it is
     */
    public record Attributes(Boolean centralSoe, Boolean chinaTop500, String integrationEnterpriseLevel,
            Boolean masterDegreeRights, Boolean doctoralDegreeRights, String vocationalLevel, String doubleHighLevel,
            Boolean independentTrainingInstitution, String parkLevel,
            @DecimalMin("0") @Digits(integer = 12, fraction = 2) BigDecimal parkOutputValue, @Min(1949) @Max(2100) Integer parkOutputYear,
            @Size(max = 200) String managementCommittee, String governmentAuthorityCode, String governmentDepartment) {

        static final Attributes NONE = new Attributes(null, null, null, null, null, null, null, null, null, null, null,
                null, null, null);
    }
}
