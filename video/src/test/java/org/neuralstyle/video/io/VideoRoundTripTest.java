package org.neuralstyle.video.io;

import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuralstyle.image.ImageFiles;
import org.neuralstyle.image.RgbImage;

import java.io.IOException;
import java.nio.ShortBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class VideoRoundTripTest {

    @TempDir
    Path dir;

    /** A texture drifting 2 px right per frame. */
    static RgbImage movingTexture(int w, int h, int frame) {
        float[] px = new float[w * h * 3];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double u = x - 2.0 * frame;
                for (int c = 0; c < 3; c++) {
                    px[(y * w + x) * 3 + c] = (float) (128 + 70 * Math.sin(u * 0.3 + c) * Math.cos(y * 0.21 - c));
                }
            }
        }
        return new RgbImage(w, h, px);
    }

    /** Writes a clip with FFmpeg directly (not through the code under test): frames at a rate, and a tone. */
    static Path writeClip(Path file, int frames, int rate, boolean withAudio) throws IOException {
        int sampleRate = 22050;
        try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(file.toFile(), 64, 48, withAudio ? 1 : 0)) {
            recorder.setFrameRate(rate);
            recorder.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
            recorder.setVideoBitrate(2_000_000);
            if (withAudio) {
                recorder.setSampleRate(sampleRate);
            }
            recorder.start();
            var converter = new org.bytedeco.javacv.Java2DFrameConverter();
            for (int k = 0; k < frames; k++) {
                // Java2D's 3-byte BGR is the layout the converter hands FFmpeg without reinterpretation.
                var bgr = new java.awt.image.BufferedImage(64, 48, java.awt.image.BufferedImage.TYPE_3BYTE_BGR);
                bgr.getGraphics().drawImage(ImageFiles.toBufferedImage(movingTexture(64, 48, k)), 0, 0, null);
                recorder.record(converter.convert(bgr));
                if (withAudio) {
                    short[] tone = new short[sampleRate / rate];
                    for (int i = 0; i < tone.length; i++) {
                        tone[i] = (short) (8000 * Math.sin(2 * Math.PI * 440 * (k * tone.length + i) / sampleRate));
                    }
                    recorder.recordSamples(sampleRate, 1, ShortBuffer.wrap(tone));
                }
            }
        }
        return file;
    }

    @Test
    void aGeneratedClipRoundTripsWithItsFrameCountRateAndAudio() throws IOException {
        Path clip = writeClip(dir.resolve("clip.mp4"), 15, 10, true);
        Path out = dir.resolve("out.mp4");
        List<RgbImage> decoded = new ArrayList<>();
        try (FrameSource source = FrameSource.open(clip, 25);
             VideoEncoder encoder = VideoEncoder.open(out, 64, 48, source.info().frameRate(), clip)) {
            assertThat(source.info().frames()).isEqualTo(15);
            assertThat(source.info().frameRate()).isCloseTo(10, within(1e-6));
            assertThat(source.info().hasAudio()).isTrue();
            TimedFrame frame;
            while ((frame = source.next()) != null) {
                decoded.add(frame.image());
                encoder.write(frame.image(), frame.timestampMicros());
            }
            encoder.commit();
        }
        assertThat(decoded).hasSize(15);
        // Decoding is faithful up to compression: the texture, not a black or shifted frame.
        assertThat(decoded.get(7).meanAbsoluteDifference(movingTexture(64, 48, 7))).isLessThan(6);

        try (FrameSource again = FrameSource.open(out, 25)) {
            assertThat(again.info().frames()).isEqualTo(15);
            assertThat(again.info().frameRate()).isCloseTo(10, within(1e-6));
            assertThat(again.info().hasAudio()).isTrue();
            assertThat(again.info().width()).isEqualTo(64);
            RgbImage first = again.next().image();
            assertThat(first.meanAbsoluteDifference(movingTexture(64, 48, 0))).isLessThan(8);
        }
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(out.toFile())) {
            grabber.start();
            assertThat(grabber.getLengthInTime() / 1e6).isCloseTo(1.5, within(0.15));
        }
        // Nothing but the output is left in the folder: the part file was moved into place.
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("clip.mp4", "out.mp4");
        }
    }

    @Test
    void aPortraitPhoneVideoStoredSidewaysIsReadUpright() throws IOException {
        // Stored 64x48 with a bright block at the stored top-left, and a display matrix saying "turn 90 degrees
        // clockwise" (a phone's rotate=90): upright it is 48x64 with the block at the top-right.
        Path clip = dir.resolve("portrait.mp4");
        RgbImage stored = RgbImage.filled(64, 48, 30, 30, 30);
        for (int y = 0; y < 12; y++) {
            for (int x = 0; x < 16; x++) {
                for (int c = 0; c < 3; c++) {
                    stored.pixels()[(y * 64 + x) * 3 + c] = 230;
                }
            }
        }
        try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(clip.toFile(), 64, 48, 0)) {
            recorder.setFrameRate(10);
            recorder.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
            recorder.setVideoBitrate(2_000_000);
            recorder.setDisplayRotation(-90); // JavaCV writes the matrix for the opposite of the angle it is given
            recorder.start();
            var bgr = new java.awt.image.BufferedImage(64, 48, java.awt.image.BufferedImage.TYPE_3BYTE_BGR);
            bgr.getGraphics().drawImage(ImageFiles.toBufferedImage(stored), 0, 0, null);
            recorder.record(new org.bytedeco.javacv.Java2DFrameConverter().convert(bgr));
        }
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(clip.toFile())) {
            grabber.start();
            assertThat(grabber.getDisplayRotation()).isEqualTo(-90); // what ffprobe shows for a phone's portrait video
        }
        try (FrameSource source = FrameSource.open(clip, 25)) {
            assertThat(source.info().width()).isEqualTo(48);
            assertThat(source.info().height()).isEqualTo(64);
            RgbImage upright = source.next().image();
            assertThat(upright.width()).isEqualTo(48);
            assertThat(upright.get(48 - 6, 8, 1)).isGreaterThan(200); // top-right: the block
            assertThat(upright.get(6, 8, 1)).isLessThan(60);          // top-left: background
            assertThat(upright.get(48 - 6, 64 - 8, 1)).isLessThan(60);
        }
    }

    @Test
    void framesWithRepeatedTimesAreKeptAndGapsAreHeld() throws IOException {
        Path out = dir.resolve("times.mp4");
        try (VideoEncoder encoder = VideoEncoder.open(out, 64, 48, 10, null)) {
            encoder.write(movingTexture(64, 48, 0), 0);
            encoder.write(movingTexture(64, 48, 1), 0);        // a damaged source's repeated time: next slot
            encoder.write(movingTexture(64, 48, 2), 500_000);  // a gap: slots 2..4 hold frame 1
            encoder.commit();
        }
        try (FrameSource video = FrameSource.open(out, 25)) {
            assertThat(video.info().frames()).isEqualTo(6);
            List<RgbImage> frames = new ArrayList<>();
            TimedFrame f;
            while ((f = video.next()) != null) {
                frames.add(f.image());
            }
            assertThat(frames.get(1).meanAbsoluteDifference(movingTexture(64, 48, 1))).isLessThan(8);
            assertThat(frames.get(4).meanAbsoluteDifference(movingTexture(64, 48, 1))).isLessThan(8);
            assertThat(frames.get(5).meanAbsoluteDifference(movingTexture(64, 48, 2))).isLessThan(8);
        }
    }

    @Test
    void anEncodingNotCommittedLeavesNoFile() throws IOException {
        Path out = dir.resolve("never.mp4");
        try (VideoEncoder encoder = VideoEncoder.open(out, 64, 48, 10, null)) {
            encoder.write(movingTexture(64, 48, 0), 0);
        }
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void aFolderOfFramesIsReadInNameOrderAtTheGivenRate() throws IOException {
        Path frames = Files.createDirectory(dir.resolve("frames"));
        for (int k = 2; k >= 0; k--) {
            ImageFiles.write(movingTexture(32, 24, k), frames.resolve(String.format("f%03d.png", k)));
        }
        Files.writeString(frames.resolve("notes.txt"), "not a frame");
        try (FrameSource source = FrameSource.open(frames, 12)) {
            assertThat(source.info().frames()).isEqualTo(3);
            assertThat(source.info().hasAudio()).isFalse();
            TimedFrame first = source.next();
            TimedFrame second = source.next();
            assertThat(first.image().meanAbsoluteDifference(movingTexture(32, 24, 0))).isLessThan(0.6);
            assertThat(second.timestampMicros()).isEqualTo(83_333);
            assertThat(source.next()).isNotNull();
            assertThat(source.next()).isNull();
        }
    }

    @Test
    void unreadableInputsAreOneLineErrorsNamingTheFile() throws IOException {
        Path text = Files.writeString(dir.resolve("notes.mp4"), "this is not a video");
        assertThatThrownBy(() -> FrameSource.open(text, 25))
                .isInstanceOf(VideoFormatException.class)
                .hasMessageStartingWith(text + ": not a readable video")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        assertThatThrownBy(() -> FrameSource.open(dir.resolve("missing.mp4"), 25))
                .hasMessageEndingWith("missing.mp4: no such file");
        Path empty = Files.createDirectory(dir.resolve("empty"));
        assertThatThrownBy(() -> FrameSource.open(empty, 25)).hasMessageContaining("has no frame images");
        assertThatThrownBy(() -> VideoEncoder.open(dir.resolve("out.png"), 64, 48, 10, null))
                .hasMessageContaining("unsupported video format");
    }

    /**
     * A file cut short is told from a whole one by how far its frames reach against the length its container
     * announces: an AVI's header frame count (its index is lost with the cut), a Matroska file's stated duration.
     */
    @Test
    void aFileCutShortIsToldFromAWholeOneByItsAnnouncedLength() throws IOException {
        for (String extension : List.of("avi", "mkv")) {
            Path whole = writeClip(dir.resolve("whole." + extension), 100, 25, false);
            byte[] bytes = Files.readAllBytes(whole);
            Path cut = Files.write(dir.resolve("cut." + extension), java.util.Arrays.copyOf(bytes, bytes.length * 6 / 10));
            try (FrameSource source = FrameSource.open(whole, 25)) {
                assertThat(source.info().frames()).isEqualTo(100);
                assertThat(source.info().timing().shortfall()).as(extension).isEmpty();
            }
            try (FrameSource source = FrameSource.open(cut, 25)) {
                assertThat(source.info().frames()).as(extension).isBetween(40, 70);
                assertThat(source.info().timing().shortfall()).as(extension).get().asString()
                        .startsWith("damaged or cut short: " + source.info().frames() + " frames read")
                        .endsWith(extension.equals("avi") ? "announces 100 frames over 4.0 s" : "announces 4.0 s");
            }
        }
    }

    /**
     * A variable-rate source (frames 10 to 80 ms apart, stated average 28 fps) keeps every frame at its own
     * time: before, frames that came faster than the average pushed each other into later slots (0.43 s landed at
     * 0.5 s).
     */
    @Test
    void aVariableRateSourceKeepsEachFrameAtItsTime() throws IOException {
        long[] millis = {0, 40, 80, 100, 120, 140, 160, 200, 280, 360, 400, 410, 420, 430, 440, 480, 560, 640};
        Path clip = dir.resolve("variable.mp4");
        try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(clip.toFile(), 64, 48, 0)) {
            recorder.setFrameRate(1000); // a millisecond time base, as phones write
            recorder.setVideoCodec(org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_H264);
            recorder.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
            recorder.setVideoBitrate(2_000_000);
            recorder.start();
            var converter = new org.bytedeco.javacv.Java2DFrameConverter();
            for (int k = 0; k < millis.length; k++) {
                var bgr = new java.awt.image.BufferedImage(64, 48, java.awt.image.BufferedImage.TYPE_3BYTE_BGR);
                bgr.getGraphics().drawImage(ImageFiles.toBufferedImage(RgbImage.filled(64, 48, grey(k), grey(k),
                        grey(k))), 0, 0, null);
                recorder.setTimestamp(millis[k] * 1000);
                recorder.record(converter.convert(bgr));
            }
        }
        Path out = dir.resolve("out.mp4");
        List<Float> sourceLevels = new ArrayList<>();
        try (FrameSource source = FrameSource.open(clip, 25)) {
            double rate = source.info().outputFrameRate();
            assertThat(source.info().frameRate()).isCloseTo(28.08, within(0.01));
            assertThat(rate).isEqualTo(100);
            try (VideoEncoder encoder = VideoEncoder.open(out, 64, 48, rate, null)) {
                TimedFrame frame;
                while ((frame = source.next()) != null) {
                    sourceLevels.add(frame.image().pixels()[0]);
                    encoder.write(frame.image(), frame.timestampMicros());
                }
                encoder.commit();
            }
        }
        // Every source frame is on screen at its own time in the output.
        java.util.Map<Long, Float> shown = new java.util.HashMap<>();
        try (FrameSource written = FrameSource.open(out, 25)) {
            TimedFrame frame;
            while ((frame = written.next()) != null) {
                shown.put(Math.round(frame.timestampMicros() / 1000.0), frame.image().pixels()[0]);
            }
        }
        for (int k = 0; k < millis.length; k++) {
            Float level = shown.get(millis[k]);
            assertThat(level).as("a frame at %d ms", millis[k]).isNotNull();
            // Compression moves a flat grey by a few levels: the nearest of the source frames' greys names the frame.
            int nearest = 0;
            for (int j = 1; j < millis.length; j++) {
                nearest = Math.abs(sourceLevels.get(j) - level) < Math.abs(sourceLevels.get(nearest) - level) ? j : nearest;
            }
            assertThat(nearest).as("the frame shown at %d ms", millis[k]).isEqualTo(k);
        }
    }

    private static int grey(int k) {
        return 20 + 12 * k;
    }
}
