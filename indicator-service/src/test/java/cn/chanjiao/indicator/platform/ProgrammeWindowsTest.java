package cn.chanjiao.indicator.platform;

import cn.chanjiao.contracts.application.PlatformApproved.ProgrammeWindow;
import cn.chanjiao.indicator.catalogue.Catalogue;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ProgrammeWindowsTest {

    @Test
    void aYearlyCollectionWindowBecomesTheCataloguesCollection() {
        assertThat(ProgrammeWindows.collection(List.of(
                new ProgrammeWindow("REGISTRATION", LocalDate.of(2023, 7, 30), LocalDate.of(2023, 10, 31), null, null, null, null),
                new ProgrammeWindow("COLLECTION", null, null, "11-01", "12-15", 2023, null))))
                .contains(new Catalogue.Collection("11-01", "12-15", 2023, null));
    }

    @Test
    void aFixedCollectionWindowCollectsInItsYearOnly() {
        assertThat(ProgrammeWindows.collection(List.of(
                new ProgrammeWindow("COLLECTION", LocalDate.of(2024, 11, 5), LocalDate.of(2024, 12, 20), null, null, null, null))))
                .contains(new Catalogue.Collection("11-05", "12-20", 2024, 2024));
    }

    @Test
    void withoutACollectionWindowTheCatalogueKeepsItsOwn() {
        assertThat(ProgrammeWindows.collection(null)).isEmpty();
        assertThat(ProgrammeWindows.collection(List.of(
                new ProgrammeWindow("ANNUAL_SUMMARY", null, null, "01-01", "12-15", 2024, null)))).isEmpty();
    }
}
