package org.neuralstyle.video;

import org.neuralstyle.image.RgbImage;
import org.neuralstyle.video.flow.OpticalFlow;
import org.neuralstyle.video.io.FrameSource;
import org.neuralstyle.video.io.TimedFrame;
import org.neuralstyle.video.io.VideoEncoder;
import org.neuralstyle.video.io.VideoFormatException;

import java.io.IOException;

/**
 * The last step of a finished run, one pass over the source and the stored frames together: measures the
 * temporal consistency of the stylized frames and how well they follow the motion and, for a video output, encodes them at the source frames'
 * times (the caller commits the encoder).
 */
public final class VideoAssembly {

    private VideoAssembly() {
    }

    /** The two measures of a finished video: flicker, and whether the frames follow the motion. */
    public record Measures(TemporalConsistency consistency, MotionFidelity fidelity) {
    }

    /** @param encoder where the frames go, or null for a frame-folder output (measure only) */
    public static Measures run(FrameSource source, FrameStore store, VideoSettings settings,
                               VideoEncoder encoder, OpticalFlow flow) throws IOException {
        TemporalConsistency consistency = new TemporalConsistency(flow);
        MotionFidelity fidelity = new MotionFidelity();
        for (int k = 1; k <= settings.frames(); k++) {
            TimedFrame decoded = source.next();
            if (decoded == null) {
                throw new VideoFormatException("the video ended after " + (k - 1) + " of " + settings.frames() + " frames");
            }
            RgbImage stylized = store.read(k);
            RgbImage content = VideoStyleTransfer.contentFrame(decoded, settings);
            consistency.add(content, stylized);
            fidelity.add(content, stylized);
            if (encoder != null) {
                encoder.write(stylized, decoded.timestampMicros());
            }
        }
        return new Measures(consistency, fidelity);
    }
}
