package org.neuralstyle.testing;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritableGroup;
import org.neuralstyle.network.ConvolutionWeights;
import org.neuralstyle.network.Layer;
import org.neuralstyle.network.NetworkWeights;

import java.nio.file.Path;

/**
 * Writes Keras 2 HDF5 weight files: group block1_conv1 / group block1_conv1 / datasets kernel:0 (HWIO) and
 * bias:0, with the first layer taking BGR as Keras' VGG does.
 */
public final class KerasFiles {

    private KerasFiles() {
    }

    public static void write(NetworkWeights rgbWeights, Path file) {
        try (WritableHdfFile hdf = HdfFile.write(file)) {
            boolean first = true;
            for (Layer.Convolution conv : rgbWeights.architecture().convolutions()) {
                ConvolutionWeights w = rgbWeights.convolution(conv.name());
                if (first) {
                    w = w.withInputChannelsReversed(); // RGB -> BGR, as trained in Caffe
                    first = false;
                }
                String name = conv.name().replaceFirst("conv(\\d+)_(\\d+)", "block$1_conv$2");
                WritableGroup inner = hdf.putGroup(name).putGroup(name);
                inner.putDataset("kernel:0", hwio(w));
                inner.putDataset("bias:0", w.bias());
            }
        }
    }

    private static float[][][][] hwio(ConvolutionWeights w) {
        float[][][][] k = new float[w.height()][w.width()][w.inputChannels()][w.outputChannels()];
        for (int y = 0; y < w.height(); y++) {
            for (int x = 0; x < w.width(); x++) {
                for (int i = 0; i < w.inputChannels(); i++) {
                    for (int o = 0; o < w.outputChannels(); o++) {
                        k[y][x][i][o] = w.kernelAt(y, x, i, o);
                    }
                }
            }
        }
        return k;
    }
}
