package org.neuralstyle.weights;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Node;
import org.neuralstyle.network.ConvolutionWeights;
import org.neuralstyle.network.InputNormalization;
import org.neuralstyle.network.Layer;
import org.neuralstyle.network.NetworkArchitecture;
import org.neuralstyle.network.NetworkWeights;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads Keras HDF5 weight files such as vgg19_weights_tf_dim_ordering_tf_kernels_notop.h5: datasets
 * {@code block1_conv1/block1_conv1/kernel:0} (HWIO, TensorFlow ordering) and {@code .../bias:0}. Keras' VGG was
 * trained on BGR images (Caffe's preprocessing), so the first convolution's input channels are reversed to take
 * RGB; its mean pixel is the ImageNet mean.
 */
public final class KerasWeights {

    private static final Pattern VGG_CONV = Pattern.compile("conv(\\d+)_(\\d+)");

    private KerasWeights() {
    }

    public static NetworkWeights read(Path file, NetworkArchitecture architecture) throws IOException {
        try (HdfFile hdf = new HdfFile(file)) {
            Map<String, ConvolutionWeights> convs = new HashMap<>();
            boolean first = true;
            for (Layer.Convolution conv : architecture.convolutions()) {
                String keras = kerasName(conv.name());
                float[] kernel = floats(hdf, file, keras, "kernel:0", conv);
                float[] bias = floats(hdf, file, keras, "bias:0", conv);
                int expected = conv.kernelSize() * conv.kernelSize() * conv.inputChannels() * conv.outputChannels();
                if (kernel.length != expected || bias.length != conv.outputChannels()) {
                    throw new WeightsFormatException(file + ": layer '" + keras + "' has " + kernel.length
                            + " kernel values, expected " + expected + " (" + conv.kernelSize() + "x" + conv.kernelSize()
                            + "x" + conv.inputChannels() + "x" + conv.outputChannels() + ") for " + architecture.name());
                }
                ConvolutionWeights w = new ConvolutionWeights(conv.kernelSize(), conv.kernelSize(), conv.inputChannels(),
                        conv.outputChannels(), kernel, bias);
                convs.put(conv.name(), first ? w.withInputChannelsReversed() : w);
                first = false;
            }
            return new NetworkWeights(architecture, convs, InputNormalization.meanOnly(InputNormalization.IMAGENET_MEAN_RGB),
                    file.getFileName() + " (Keras HDF5, BGR weights taking RGB)");
        } catch (WeightsFormatException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new WeightsFormatException(file + ": not a readable Keras HDF5 file (truncated or corrupt?)", e);
        }
    }

    /** VGG's conv3_1 is Keras' block3_conv1. */
    static String kerasName(String layer) {
        Matcher m = VGG_CONV.matcher(layer);
        return m.matches() ? "block" + m.group(1) + "_conv" + m.group(2) : layer;
    }

    private static float[] floats(HdfFile hdf, Path file, String layer, String leaf, Layer.Convolution conv)
            throws WeightsFormatException {
        // Keras 2 nests the weights one group deeper than older files do.
        for (String path : new String[] {layer + "/" + layer + "/" + leaf, layer + "/" + leaf}) {
            Node node = find(hdf, path);
            if (node instanceof Dataset dataset) {
                Object data = dataset.getDataFlat();
                if (data instanceof float[] values) {
                    return values;
                }
                throw new WeightsFormatException(file + ": " + path + " is not float32");
            }
        }
        throw new WeightsFormatException(file + ": no weights for layer '" + layer + "' (" + conv.name()
                + "); not a Keras VGG file?");
    }

    private static Node find(HdfFile hdf, String path) {
        try {
            return hdf.getByPath(path);
        } catch (RuntimeException missing) {
            return null;
        }
    }
}
