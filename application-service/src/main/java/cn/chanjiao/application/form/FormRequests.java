package cn.chanjiao.application.form;

import cn.chanjiao.application.programme.PlatformType;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The requests of the application form API. */
final class FormRequests {

    /** Mainland mobile (11 digits) or a landline with its area code and optional extension. */
    static final String PHONE = "1\\d{10}|0\\d{2,3}-?\\d{7,8}(-\\d{1,6})?";

    private FormRequests() {
    }

    /**
     * @param programmeId  the programme applied to
     * @param platformType one of the types it accepts
     * @param name         the platform's name, if known yet
     */
    record CreateApplicationRequest(@NotNull UUID programmeId, @NotNull PlatformType platformType,
            @Size(max = 200) String name) {
    }

    record UpdateBasicInfoRequest(@Size(max = 200) String name, LocalDate foundedOn, @Size(max = 60) String headName,
            @Size(max = 60) String headTitle, @Pattern(regexp = PHONE) String headPhone,
            @Email @Size(max = 254) String headEmail, @Size(max = 60) String contactName,
            @Size(max = 200) String contactOrganisation, @Size(max = 60) String contactTitle,
            @Pattern(regexp = PHONE) String contactPhone, @Email @Size(max = 254) String contactEmail,
            @Pattern(regexp = "\\d{6}") String recommendingRegionCode, @Size(max = 300) String address,
            @Size(max = 200) String industryField, @Size(max = 200) String parkName, @Valid SecretariatRequest secretariat) {

        Form.BasicInfo toBasicInfo() {
            return new Form.BasicInfo(trim(name), foundedOn, trim(headName), trim(headTitle), headPhone, headEmail,
                    trim(contactName), trim(contactOrganisation), trim(contactTitle), contactPhone, contactEmail,
                    recommendingRegionCode, trim(address), trim(industryField), trim(parkName),
                    secretariat == null ? null : secretariat.toSecretariat());
        }
    }

    record SecretariatRequest(@Size(max = 200) String organisation, @Size(max = 60) String headName,
            @DecimalMin("0") BigDecimal officeArea, @Pattern(regexp = PHONE) String phone,
            @PositiveOrZero Integer staffTotal, @PositiveOrZero Integer fullTimeStaff,
            @PositiveOrZero Integer partTimeStaff, @Size(max = 1000) String staffNames) {

        Form.Secretariat toSecretariat() {
            return new Form.Secretariat(trim(organisation), trim(headName), officeArea, phone, staffTotal, fullTimeStaff,
                    partTimeStaff, trim(staffNames));
        }
    }

    /** The lead units, all of them: this replaces the list. */
    record UpdateLeadUnitsRequest(@NotNull @Size(max = 20) List<@NotNull @Valid LeadUnitRequest> leadUnits) {
    }

    /**
     * @param role           one of the type's lead roles, e.g. {@code UNIVERSITY}
     * @param organisationId the organisation in identity-service
     */
    record LeadUnitRequest(@NotBlank @Size(max = 40) String role, @NotNull UUID organisationId) {
    }

    /** The participants, all of them: this replaces the list. */
    record UpdateParticipantsRequest(@NotNull @Size(max = 1000) List<@NotNull @Valid ParticipantRequest> participants) {
    }

    /**
     * @param id              keeps a participant's identity across saves; given one when absent
     * @param regionCode      GB/T 2260 code of where it is
     * @param code            its USCC or school code
     * @param proofAttachmentId an uploaded {@code PARTICIPATION_PROOF} attachment of this application
     */
    record ParticipantRequest(UUID id, @NotBlank @Size(max = 40) String type, @NotBlank @Size(max = 200) String name,
            @Size(max = 6) String regionCode, @Size(max = 18) String code, @PositiveOrZero Integer enrolledStudents,
            UUID proofAttachmentId, UUID organisationId) {

        Form.Participant toParticipant() {
            return new Form.Participant(id == null ? UUID.randomUUID() : id, type, trim(name), blankToNull(regionCode),
                    blankToNull(code), enrolledStudents, proofAttachmentId, organisationId);
        }
    }

    /** The construction-plan table, all of it: this replaces every value. */
    record UpdatePlanRequest(@NotNull @Size(max = 2000) List<@NotNull @Valid PlanValueRequest> values) {
    }

    /**
     * @param indicator an indicator code of the type's catalogue
     * @param year      a year the indicator takes values for
     * @param value     a number (or a numeric string); integer, decimal or percent as the indicator says
     */
    record PlanValueRequest(@NotBlank @Size(max = 64) String indicator, @NotNull Integer year,
            @Schema(types = {"number", "string", "null"}, description = "a number or a numeric string; null clears it",
                    example = "200") Object value) {
    }

    /** @param text the section's text; empty clears it */
    record UpdateSectionRequest(@Size(max = 200000) String text) {
    }

    /**
     * @param accepted  the head accepts the programme's commitment (false takes it back)
     * @param signatory the head's name as signed
     */
    record UpdateCommitmentRequest(boolean accepted, @Size(max = 60) String signatory) {
    }

    record WithdrawApplicationRequest(@Size(max = 2000) String reason) {
    }

    record ReturnApplicationRequest(@NotBlank @Size(max = 2000) String comment) {
    }

    static String trim(String value) {
        return value == null ? null : value.strip();
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
