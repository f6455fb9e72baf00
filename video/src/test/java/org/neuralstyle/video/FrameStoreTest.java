package org.neuralstyle.video;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuralstyle.image.RgbImage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FrameStoreTest {

    @TempDir
    Path dir;

    private static RgbImage grey(int level) {
        return RgbImage.filled(4, 2, level, level, level);
    }

    @Test
    void aReopenedStoreHasTheFinishedFramesAndTheirLosses() throws IOException {
        Path folder = dir.resolve("frames");
        FrameStore store = FrameStore.open(folder, "job A", false);
        store.write(1, grey(10), 123.5);
        store.write(2, grey(20), 99.25);

        FrameStore again = FrameStore.open(folder, "job A", false);
        assertThat(again.finishedFrames()).isEqualTo(2);
        assertThat(again.loss(2)).isEqualTo(99.25);
        assertThat(again.read(1).get(0, 0, 0)).isEqualTo(10);
    }

    @Test
    void aFrameWhoseImageWasNeverWrittenIsNotFinished() throws IOException {
        Path folder = dir.resolve("frames");
        FrameStore store = FrameStore.open(folder, "job A", false);
        store.write(1, grey(10), 1);
        store.write(2, grey(20), 2);
        store.write(3, grey(30), 3);
        // Killed after the state recorded frame 3's loss but before its image was in place (and frame 2 lost too).
        Files.delete(store.frameFile(3));
        Files.delete(store.frameFile(2));
        assertThat(FrameStore.open(folder, "job A", false).finishedFrames()).isEqualTo(1);
    }

    @Test
    void anotherJobsFramesAreKeptUnlessOverwriting() throws IOException {
        Path folder = dir.resolve("frames");
        FrameStore.open(folder, "job A", false).write(1, grey(10), 1);
        assertThatThrownBy(() -> FrameStore.open(folder, "job B", false))
                .hasMessage(folder + ": holds the frames of a run with other inputs or options "
                        + "(pass --overwrite to replace them)");
        assertThat(folder.resolve("frame-00001.png")).exists();

        FrameStore replaced = FrameStore.open(folder, "job B", true);
        assertThat(replaced.finishedFrames()).isZero();
        assertThat(folder.resolve("frame-00001.png")).doesNotExist();
    }

    @Test
    void aFolderOfSomeoneElsesFramesIsNotTouched() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("mine"));
        Files.writeString(folder.resolve("frame-00001.png"), "not ours");
        assertThatThrownBy(() -> FrameStore.open(folder, "job", false)).hasMessageContaining("already holds frame images");
        assertThat(Files.readString(folder.resolve("frame-00001.png"))).isEqualTo("not ours");
    }

    @Test
    void deletingRemovesFramesStateAndLeftoverPartFiles() throws IOException {
        Path folder = dir.resolve("frames");
        FrameStore store = FrameStore.open(folder, "job", false);
        store.write(1, grey(10), 1);
        Files.writeString(folder.resolve(".frame-00002.png.1a2b.part"), "half");
        store.delete();
        assertThat(folder).doesNotExist();
    }
}
