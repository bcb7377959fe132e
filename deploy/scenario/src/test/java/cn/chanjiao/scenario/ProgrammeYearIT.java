package cn.chanjiao.scenario;

import cn.chanjiao.local.LocalPlatform;
import cn.chanjiao.local.LocalSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Run way 1: the whole platform started the way {@code deploy/local/run.sh} starts it (real
 * PostgreSQL, Kafka, Keycloak, six services) on free ports with a fresh data folder, then the
 * programme year of {@link ProgrammeYear} through the gateway — every step asserts what a front end
 * would see. Then the second command's check: the same year is recognised as loaded.
 */
class ProgrammeYearIT {

    private static LocalPlatform platform;

    @BeforeAll
    static void startThePlatform() {
        // the repository root, as Failsafe passes it (pom.xml); the launcher finds the jars from there
        Path root = Path.of(System.getProperty("chanjiao.root", "../..")).toAbsolutePath().normalize();
        Path data = root.resolve("deploy/scenario/target/it-data");
        LocalPlatform.wipe(data);
        Instant began = Instant.now();
        // a busy CI machine starts six JVMs slowly: give each more than the launcher's default 180 s
        platform = LocalPlatform.start(LocalSettings.onFreePorts(root, data).withReadinessTimeout(Duration.ofMinutes(8)));
        System.out.println("platform ready in " + Duration.between(began, Instant.now()).toSeconds() + " s");
    }

    @AfterAll
    static void stopThePlatform() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void aProgrammeYearRunsThroughTheGatewayFromRegistrationToApprovedPlatformsAndIsRecognisedWhenLoadedAgain() {
        Api api = new Api(platform.gatewayUrl(), platform.keycloakUrl());
        ProgrammeYear year = new ProgrammeYear(api, System.out);
        assertThat(year.alreadyLoaded()).as("an empty platform has none of the year's data").isFalse();

        ProgrammeYear.Summary summary = year.run();
        System.out.println("scenario: " + summary);

        // the Shanxi year's 20 organisations and 3 applications (2 approved), the national programmes' 21
        // organisations, 4 city consortia (2 approved) and 2 national communities (both approved), and Hangzhou's
        assertThat(summary.organisations())
                .isEqualTo(ProgrammeYear.ORGANISATIONS.size() + 21 + HangzhouProgrammes.organisations().size());
        assertThat(summary.applications()).isEqualTo(3 + 4 + 2 + HangzhouProgrammes.APPLICATIONS);
        assertThat(summary.approvedPlatforms()).isEqualTo(2 + 2 + 2 + HangzhouProgrammes.APPROVED);
        assertThat(summary.listRows()).isGreaterThanOrEqualTo(1000);
        assertThat(summary.webhooksVerified()).as("signed CloudEvents verified by the receiver").isPositive();
        assertThat(summary.checks()).isGreaterThan(100);
        assertThat(new ProgrammeYear(api, System.out).alreadyLoaded()).as("a second demo run would skip").isTrue();
    }
}
