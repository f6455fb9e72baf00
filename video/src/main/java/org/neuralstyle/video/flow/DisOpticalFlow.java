package org.neuralstyle.video.flow;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_video.DISOpticalFlow;
import org.neuralstyle.image.RgbImage;

import java.nio.FloatBuffer;

/**
 * OpenCV's Dense Inverse Search flow (Kroeger et al. 2016) on the frames' luminance: fast (tens of ms at
 * 512x384 on a CPU) and dense, which is what warping a whole stylized frame needs.
 */
public final class DisOpticalFlow implements OpticalFlow {

    private final DISOpticalFlow dis;

    public DisOpticalFlow() {
        dis = DISOpticalFlow.create(DISOpticalFlow.PRESET_MEDIUM);
    }

    @Override
    public FlowField flow(RgbImage from, RgbImage to) {
        if (from.width() != to.width() || from.height() != to.height()) {
            throw new IllegalArgumentException("frames differ in size: " + from.width() + "x" + from.height()
                    + " and " + to.width() + "x" + to.height());
        }
        int w = from.width();
        int h = from.height();
        try (BytePointer a = new BytePointer(luminance(from));
             BytePointer b = new BytePointer(luminance(to));
             Mat first = new Mat(h, w, opencv_core.CV_8UC1, a);
             Mat second = new Mat(h, w, opencv_core.CV_8UC1, b);
             Mat flow = new Mat()) {
            dis.calc(first, second, flow);
            if (flow.type() != opencv_core.CV_32FC2 || !flow.isContinuous()) {
                throw new IllegalStateException("unexpected flow layout from OpenCV: type " + flow.type());
            }
            float[] interleaved = new float[w * h * 2];
            ((FloatBuffer) flow.createBuffer()).get(interleaved);
            float[] dx = new float[w * h];
            float[] dy = new float[w * h];
            for (int p = 0; p < w * h; p++) {
                dx[p] = interleaved[2 * p];
                dy[p] = interleaved[2 * p + 1];
            }
            return new FlowField(w, h, dx, dy);
        }
    }

    /** Rec. 601 luma, 8 bits: what DIS works on. */
    private static byte[] luminance(RgbImage image) {
        float[] px = image.pixels();
        byte[] y = new byte[image.width() * image.height()];
        for (int p = 0; p < y.length; p++) {
            double v = 0.299 * px[3 * p] + 0.587 * px[3 * p + 1] + 0.114 * px[3 * p + 2];
            y[p] = (byte) Math.max(0, Math.min(255, Math.round(v)));
        }
        return y;
    }

    @Override
    public void close() {
        dis.close();
    }
}
