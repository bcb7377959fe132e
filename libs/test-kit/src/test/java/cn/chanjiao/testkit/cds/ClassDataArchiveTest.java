package cn.chanjiao.testkit.cds;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class ClassDataArchiveTest {

    @TempDir
    Path target;

    @Test
    void anArchiveIsCurrentOnlyForTheJarItWasMadeFrom() throws IOException {
        Path jar = Files.write(target.resolve("demo-service.jar"), new byte[] {1, 2, 3});
        ClassDataArchive archive = new ClassDataArchive("demo-service", jar);
        assertThat(archive.isCurrent()).as("nothing made yet").isFalse();

        trainedArchive(archive);
        assertThat(archive.completeTraining()).isTrue();
        assertThat(archive.isCurrent()).isTrue();
        assertThat(archive.useOptions()).containsExactly("-XX:SharedArchiveFile=" + archive.archive(), "-Xshare:auto");

        // a rebuilt jar (another time, another size) needs a new training
        Files.write(jar, new byte[] {1, 2, 3, 4});
        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(5)));
        assertThat(archive.isCurrent()).isFalse();
    }

    @Test
    void aTrainingRunThatWroteNoArchiveCompletesNothing() throws IOException {
        Path jar = Files.write(target.resolve("demo-service.jar"), new byte[] {1});
        ClassDataArchive archive = new ClassDataArchive("demo-service", jar);
        Files.createDirectories(archive.extractedJar().getParent());
        Files.write(archive.extractedJar(), new byte[] {1});

        assertThat(archive.completeTraining()).isFalse();
        assertThat(archive.isCurrent()).isFalse();
        assertThat(archive.trainingOptions()).contains("-Dspring.context.exit=onRefresh")
                .anySatisfy(option -> assertThat(option).startsWith("-XX:ArchiveClassesAtExit=" + archive.directory()));
    }

    /** What a training run leaves: the extracted jar and the archive written at exit. */
    private static void trainedArchive(ClassDataArchive archive) throws IOException {
        Files.createDirectories(archive.extractedJar().getParent());
        Files.write(archive.extractedJar(), new byte[] {1});
        String option = archive.trainingOptions().get(0);
        Path written = Path.of(option.substring(option.indexOf('=') + 1));
        Files.write(written, new byte[] {42});
    }
}
