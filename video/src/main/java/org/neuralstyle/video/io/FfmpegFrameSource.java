package org.neuralstyle.video.io;

import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;
import org.neuralstyle.image.Orientation;
import org.neuralstyle.image.RgbImage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The video frames of a file FFmpeg can decode, as RGB, upright: a phone's portrait video is stored sideways
 * with a display matrix saying how to turn it, and the frames are turned as players do. Audio is left for
 * {@link VideoEncoder} to copy.
 */
final class FfmpegFrameSource implements FrameSource {

    private final Path file;
    private final FFmpegFrameGrabber grabber;
    private final int clockwiseQuarterTurns;
    /** Counted on first use: reading the frames in order needs no count, and counting decodes the whole file. */
    private VideoInfo info;

    private FfmpegFrameSource(Path file, FFmpegFrameGrabber grabber, int clockwiseQuarterTurns) {
        this.file = file;
        this.grabber = grabber;
        this.clockwiseQuarterTurns = clockwiseQuarterTurns;
    }

    static FfmpegFrameSource open(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new VideoFormatException(file + ": no such file");
        }
        if (!Files.isReadable(file)) {
            throw new VideoFormatException(file + ": not readable");
        }
        FFmpegFrameGrabber grabber = start(file);
        // The matrix holds a counter-clockwise angle; players turn the picture back by it (as ffmpeg's autorotate).
        int turns = Math.floorMod((int) Math.round(-grabber.getDisplayRotation() / 90.0), 4);
        return new FfmpegFrameSource(file, grabber, turns);
    }

    private static FFmpegFrameGrabber start(Path file) throws VideoFormatException {
        Ffmpeg.quiet();
        FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile());
        grabber.setPixelFormat(avutil.AV_PIX_FMT_RGB24);
        try {
            grabber.start();
        } catch (FrameGrabber.Exception | RuntimeException e) {
            release(grabber);
            throw new VideoFormatException(file + ": not a readable video (" + Ffmpeg.reason(e) + ")");
        }
        if (grabber.getVideoStream() < 0 || grabber.getImageWidth() <= 0) {
            release(grabber);
            throw new VideoFormatException(file + ": has no video stream");
        }
        return grabber;
    }

    /**
     * Decodes every frame's time (video only, no pixel conversion: cheap next to stylizing) and reads the length
     * the container announces: the stream's frame count at its average rate, else the stream's duration, else the
     * file's.
     */
    private static FrameTiming timing(Path file) throws VideoFormatException {
        FFmpegFrameGrabber grabber = start(file);
        try {
            long[] times = new long[256];
            int count = 0;
            Frame frame;
            while ((frame = grabber.grabFrame(false, true, false, false, false)) != null) {
                if (count == times.length) {
                    times = Arrays.copyOf(times, count * 2);
                }
                times[count++] = frame.timestamp;
            }
            if (count == 0) {
                throw new VideoFormatException(file + ": has no video frames");
            }
            AVStream stream = grabber.getFormatContext().streams(grabber.getVideoStream());
            double averageRate = avutil.av_q2d(stream.avg_frame_rate());
            double announced;
            if (stream.nb_frames() > 0 && averageRate > 0) {
                announced = stream.nb_frames() / averageRate;
            } else if (stream.duration() > 0) {
                announced = stream.duration() * avutil.av_q2d(stream.time_base());
            } else {
                announced = Math.max(0, grabber.getFormatContext().duration() / 1e6);
            }
            return new FrameTiming(Arrays.copyOf(times, count), grabber.getFrameRate(), (int) stream.nb_frames(),
                    announced);
        } catch (FrameGrabber.Exception e) {
            throw new VideoFormatException(file + ": cannot be decoded (" + Ffmpeg.reason(e) + ")");
        } finally {
            release(grabber);
        }
    }

    /** The container's frame count is only an estimate (an AVI's counts its dropped frames), so frames are counted. */
    @Override
    public VideoInfo info() throws IOException {
        if (info == null) {
            boolean sideways = clockwiseQuarterTurns % 2 == 1;
            info = new VideoInfo(sideways ? grabber.getImageHeight() : grabber.getImageWidth(),
                    sideways ? grabber.getImageWidth() : grabber.getImageHeight(), grabber.getAudioChannels() > 0,
                    timing(file));
        }
        return info;
    }

    @Override
    public TimedFrame next() throws IOException {
        Frame frame;
        try {
            frame = grabber.grabImage();
        } catch (FrameGrabber.Exception e) {
            throw new VideoFormatException(file + ": cannot be decoded (" + Ffmpeg.reason(e) + ")");
        }
        if (frame == null) {
            return null;
        }
        return new TimedFrame(Orientation.rotatedClockwise(toImage(frame), clockwiseQuarterTurns), frame.timestamp);
    }

    private static RgbImage toImage(Frame frame) {
        int w = frame.imageWidth;
        int h = frame.imageHeight;
        ByteBuffer data = (ByteBuffer) frame.image[0];
        int stride = frame.imageStride;
        float[] px = new float[w * h * 3];
        for (int y = 0; y < h; y++) {
            int row = y * stride;
            for (int i = 0; i < w * 3; i++) {
                px[y * w * 3 + i] = data.get(row + i) & 0xff;
            }
        }
        return new RgbImage(w, h, px);
    }

    private static void release(FFmpegFrameGrabber grabber) {
        try {
            grabber.release();
        } catch (FrameGrabber.Exception ignored) {
            // nothing more can be done about a decoder that fails to close
        }
    }

    @Override
    public void close() {
        release(grabber);
    }
}
