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
 * temporal consistency of the stylized frames and, for a video output, encodes them at the source frames'
 * times (the caller commits the encoder).
 */
public final class VideoAssembly {

    private VideoAssembly() {
    }

    /** @param encoder where the frames go, or null for a frame-folder output (measure only) */
    public static TemporalConsistency run(FrameSource source, FrameStore store, VideoSettings settings,
                                          VideoEncoder encoder, OpticalFlow flow) throws IOException {
        TemporalConsistency consistency = new TemporalConsistency(flow);
        for (int k = 1; k <= settings.frames(); k++) {
            TimedFrame decoded = source.next();
            if (decoded == null) {
                throw new VideoFormatException("the video ended after " + (k - 1) + " of " + settings.frames() + " frames");
            }
            RgbImage stylized = store.read(k);
            consistency.add(VideoStyleTransfer.contentFrame(decoded, settings), stylized);
            if (encoder != null) {
                encoder.write(stylized, decoded.timestampMicros());
            }
        }
        return consistency;
    }
}
