package cn.chanjiao.application.review;

import cn.chanjiao.application.form.Form;
import cn.chanjiao.application.review.ConflictOfInterest.Expert;
import cn.chanjiao.application.review.ConflictOfInterest.Parties;
import cn.chanjiao.application.review.ConflictOfInterest.Reason;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ConflictOfInterestTest {

    private final UUID lead = UUID.randomUUID();
    private final UUID registeredParticipant = UUID.randomUUID();
    private final Parties parties = Parties.of(Form.empty()
            .withLeadUnits(List.of(new Form.LeadUnit("ENTERPRISE", lead, "太原重工股份有限公司", "ENTERPRISE",
                    "91140000110012345X", null, null, "140000", "140100", "140105", List.of(), null)))
            .withParticipants(List.of(
                    new Form.Participant(UUID.randomUUID(), "SCHOOL", "山西职业技术学院", "140100", "4114012345", null, null,
                            registeredParticipant),
                    new Form.Participant(UUID.randomUUID(), "ENTERPRISE", "晋中（某）机械有限公司", "140700", null, null, null,
                            null))));

    private static Expert expert(UUID organisation, String organisationName, Set<String> codes, String city) {
        return new Expert(UUID.randomUUID(), "王专家", organisation, organisationName, codes, city);
    }

    @Test
    void anExpertOfALeadUnitIsConflicted() {
        assertThat(ConflictOfInterest.conflict(expert(lead, "太原重工", Set.of(), "140100"), parties, false))
                .contains(Reason.OWN_ORGANISATION);
    }

    @Test
    void anExpertOfARegisteredParticipantIsConflicted() {
        assertThat(ConflictOfInterest.conflict(expert(registeredParticipant, "x", Set.of(), "110100"), parties, false))
                .contains(Reason.OWN_ORGANISATION);
    }

    @Test
    void anExpertOfAnUnregisteredParticipantIsRecognisedByCodeOrName() {
        assertThat(ConflictOfInterest.conflict(expert(UUID.randomUUID(), "另一个名字", Set.of("4114012345"), "110100"),
                parties, false)).contains(Reason.OWN_ORGANISATION);
        assertThat(ConflictOfInterest.conflict(expert(UUID.randomUUID(), "晋中(某)机械有限公司", Set.of(), "110100"),
                parties, false)).contains(Reason.OWN_ORGANISATION);
    }

    @Test
    void anExpertFromTheLeadsCityIsConflictedOnlyWhenTheProgrammeSaysSo() {
        Expert taiyuan = expert(UUID.randomUUID(), "太原理工大学", Set.of(), "140100");

        assertThat(ConflictOfInterest.conflict(taiyuan, parties, true)).contains(Reason.SAME_CITY);
        assertThat(ConflictOfInterest.conflict(taiyuan, parties, false)).isEmpty();
    }

    @Test
    void anExpertFromElsewhereIsFree() {
        assertThat(ConflictOfInterest.conflict(expert(UUID.randomUUID(), "浙江大学", Set.of("4133010335"), "330100"),
                parties, true)).isEmpty();
        assertThat(ConflictOfInterest.conflict(expert(null, null, Set.of(), null), parties, true)).isEmpty();
    }
}
