package org.neuralstyle.video.io;

import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;
import org.bytedeco.javacv.FrameRecorder;
import org.neuralstyle.image.RgbImage;
import org.neuralstyle.io.AtomicFiles;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Encodes frames into a video file that appears only when complete: frames go to a hidden part file beside the
 * output, moved into place by {@link #commit()}; closing without committing deletes it. The video has the
 * source's frame rate, and each frame is shown at its source time: where the source skipped frames (an AVI's
 * dropped frames, a variable-rate phone video) the previous frame is held, so the video keeps the source's
 * timing and stays in sync with its audio, which is copied alongside (re-encoded in the container's audio codec).
 */
public final class VideoEncoder implements AutoCloseable {

    /** Containers this writes: H.264 in .mp4/.mov/.mkv, MPEG-4 Part 2 in .avi. */
    public static final List<String> EXTENSIONS = List.of("mp4", "mov", "mkv", "avi");

    private final Path target;
    private final Path part;
    private final FFmpegFrameRecorder recorder;
    private final FFmpegFrameGrabber audio;
    private final double frameRate;
    private Frame pendingAudio;
    private Frame previousFrame;
    private long nextFrameNumber;
    private boolean committed;

    private VideoEncoder(Path target, Path part, FFmpegFrameRecorder recorder, FFmpegFrameGrabber audio,
                         double frameRate) {
        this.target = target;
        this.part = part;
        this.recorder = recorder;
        this.audio = audio;
        this.frameRate = frameRate;
    }

    /** True for a file name with one of {@link #EXTENSIONS}. */
    public static boolean isVideoFile(Path file) {
        return EXTENSIONS.contains(extension(file));
    }

    /**
     * Starts a video of even width and height (what 4:2:0 chroma needs) at the given frame rate, copying the
     * audio of {@code audioSource} when it is a file with audio (null or a folder of frames: none).
     */
    public static VideoEncoder open(Path target, int width, int height, double frameRate, Path audioSource)
            throws IOException {
        if (!isVideoFile(target)) {
            throw new VideoFormatException(target + ": unsupported video format (use ." + String.join(", .", EXTENSIONS) + ")");
        }
        if (width % 2 != 0 || height % 2 != 0) {
            throw new IllegalArgumentException("video frames need an even width and height, got " + width + "x" + height);
        }
        Ffmpeg.quiet();
        Path dir = target.toAbsolutePath().getParent();
        Path part = dir.resolve("." + target.getFileName() + "." + Long.toHexString(System.nanoTime()) + ".part."
                + extension(target));
        FFmpegFrameGrabber audio = audioSource == null || Files.isDirectory(audioSource) ? null : audioOf(audioSource);
        FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(part.toFile(), width, height,
                audio == null ? 0 : audio.getAudioChannels());
        // Frame times come from the source; the rate sets the time base (FrameTiming.outputRate picks one that
        // gives every frame its own slot).
        double rate = FrameTiming.encoderRate(frameRate);
        recorder.setFrameRate(rate);
        // The muxers' defaults would pick MPEG-4 Part 2 even for .mp4 (this FFmpeg has no x264): ask for H.264.
        recorder.setVideoCodec(extension(target).equals("avi") ? avcodec.AV_CODEC_ID_MPEG4 : avcodec.AV_CODEC_ID_H264);
        recorder.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
        // About 0.2 bits per pixel: stylized frames are full of fine texture that starves at the muxer's default.
        recorder.setVideoBitrate((int) Math.max(400_000, Math.min(50_000_000, 0.2 * width * height * frameRate)));
        if (audio != null) {
            recorder.setSampleRate(audio.getSampleRate());
            recorder.setAudioBitrate(Math.max(64_000, audio.getAudioBitrate()));
        }
        try {
            recorder.start();
        } catch (FrameRecorder.Exception | RuntimeException e) {
            release(recorder);
            release(audio);
            Files.deleteIfExists(part);
            throw new VideoFormatException(target + ": cannot start encoding (" + Ffmpeg.reason(e) + ")");
        }
        return new VideoEncoder(target, part, recorder, audio, rate);
    }

    private static FFmpegFrameGrabber audioOf(Path source) throws VideoFormatException {
        FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(source.toFile());
        try {
            grabber.start();
        } catch (FrameGrabber.Exception | RuntimeException e) {
            release(grabber);
            throw new VideoFormatException(source + ": not a readable video (" + Ffmpeg.reason(e) + ")");
        }
        if (grabber.getAudioChannels() <= 0) {
            release(grabber);
            return null;
        }
        return grabber;
    }

    /**
     * Fails now, with the reason, if such a video cannot be written (before hours of stylizing, not after);
     * leaves nothing behind.
     */
    public static void check(Path target, int width, int height, double frameRate, Path audioSource) throws IOException {
        open(target, width, height, frameRate, audioSource).close();
    }

    /**
     * Adds a frame shown at the given time. Audio up to that time goes in first. A time that does not move
     * on (a damaged source's repeated timestamps) puts the frame in the next slot rather than losing it.
     */
    public void write(RgbImage image, long timestampMicros) throws IOException {
        copyAudioUntil(timestampMicros);
        long frameNumber = Math.max(nextFrameNumber, Math.round(timestampMicros * frameRate / 1e6));
        try {
            while (previousFrame != null && nextFrameNumber < frameNumber) { // hold through the source's gap
                record(previousFrame);
            }
            nextFrameNumber = frameNumber;
            if (previousFrame != null) {
                previousFrame.close();
            }
            previousFrame = toFrame(image);
            record(previousFrame);
        } catch (FrameRecorder.Exception e) {
            throw new IOException(target + ": encoding failed (" + Ffmpeg.reason(e) + ")", e);
        }
    }

    private void record(Frame frame) throws FrameRecorder.Exception {
        recorder.setFrameNumber((int) nextFrameNumber++);
        recorder.record(frame, avutil.AV_PIX_FMT_RGB24);
    }

    /** Finishes the file (audio up to the end of the last frame) and moves it into place. */
    public void commit() throws IOException {
        if (previousFrame == null) {
            throw new IllegalStateException("no frames written");
        }
        copyAudioUntil(Math.round(nextFrameNumber * 1e6 / frameRate)); // the end of the last frame's slot
        try {
            recorder.stop();
        } catch (FrameRecorder.Exception e) {
            throw new IOException(target + ": finishing the video failed (" + Ffmpeg.reason(e) + ")", e);
        }
        AtomicFiles.moveIntoPlace(part, target);
        committed = true;
    }

    private void copyAudioUntil(long endMicros) throws IOException {
        if (audio == null) {
            return;
        }
        try {
            while (true) {
                if (pendingAudio == null) {
                    Frame next = audio.grabSamples();
                    if (next == null) {
                        return;
                    }
                    pendingAudio = next.clone();
                }
                if (pendingAudio.timestamp >= endMicros) {
                    return;
                }
                recorder.record(pendingAudio);
                pendingAudio.close();
                pendingAudio = null;
            }
        } catch (FrameGrabber.Exception | FrameRecorder.Exception e) {
            throw new IOException(target + ": copying the audio failed (" + Ffmpeg.reason(e) + ")", e);
        }
    }

    private static Frame toFrame(RgbImage image) {
        Frame frame = new Frame(image.width(), image.height(), Frame.DEPTH_UBYTE, 3);
        ByteBuffer data = (ByteBuffer) frame.image[0];
        float[] px = image.pixels();
        int rowBytes = image.width() * 3;
        for (int y = 0; y < image.height(); y++) {
            for (int i = 0; i < rowBytes; i++) {
                float v = px[y * rowBytes + i];
                data.put(y * frame.imageStride + i, (byte) Math.max(0, Math.min(255, Math.round(v))));
            }
        }
        return frame;
    }

    private static String extension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static void release(FFmpegFrameRecorder recorder) {
        try {
            recorder.release();
        } catch (FrameRecorder.Exception ignored) {
            // the part file is deleted regardless
        }
    }

    private static void release(FFmpegFrameGrabber grabber) {
        if (grabber == null) {
            return;
        }
        try {
            grabber.release();
        } catch (FrameGrabber.Exception ignored) {
            // a reader that fails to close has nothing left to lose
        }
    }

    @Override
    public void close() throws IOException {
        if (pendingAudio != null) {
            pendingAudio.close();
        }
        if (previousFrame != null) {
            previousFrame.close();
        }
        release(recorder);
        release(audio);
        if (!committed) {
            Files.deleteIfExists(part);
        }
    }
}
