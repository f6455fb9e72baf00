package org.neuralstyle.weights;

import org.neuralstyle.network.ConvolutionWeights;
import org.neuralstyle.network.InputNormalization;
import org.neuralstyle.network.Layer;
import org.neuralstyle.network.NetworkArchitecture;
import org.neuralstyle.network.NetworkWeights;
import us.hebi.matlab.mat.format.Mat5;
import us.hebi.matlab.mat.format.Mat5File;
import us.hebi.matlab.mat.types.Array;
import us.hebi.matlab.mat.types.Cell;
import us.hebi.matlab.mat.types.Char;
import us.hebi.matlab.mat.types.Matrix;
import us.hebi.matlab.mat.types.Struct;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads MatConvNet model files (MAT v5) such as imagenet-vgg-verydeep-19.mat.
 *
 * <p>Layout: a cell array {@code layers}; each entry a struct with {@code name}, {@code type} and
 * {@code weights = {kernel, bias}} (older files: {@code filters}, {@code biases}). Kernels are 4-D single
 * arrays, column-major, with axes (row, column, in, out) that match the image's (row, column), so they map
 * to TensorFlow's HWIO without swapping the spatial axes (swapping, as the reference implementation does,
 * transposes every filter). Inputs are RGB; the mean pixel is {@code meta.normalization.averageImage}
 * (older files: top-level {@code normalization}).
 */
public final class MatConvNetWeights {

    private MatConvNetWeights() {
    }

    public static NetworkWeights read(Path file, NetworkArchitecture architecture) throws IOException {
        try (Mat5File mat = Mat5.readFromFile(file.toFile())) {
            Map<String, Struct> layersByName = layersByName(mat, file);
            Map<String, ConvolutionWeights> convolutions = new HashMap<>();
            for (Layer.Convolution conv : architecture.convolutions()) {
                Struct layer = layersByName.get(conv.name());
                if (layer == null) {
                    throw new WeightsFormatException(file + ": no layer '" + conv.name() + "' (not a "
                            + architecture.name() + " MatConvNet file?)");
                }
                convolutions.put(conv.name(), convolution(layer, conv, file, architecture));
            }
            float[] mean = meanPixel(mat);
            String source = file.getFileName() + " (MatConvNet, " + (mean == null ? "ImageNet mean" : "mean from file") + ")";
            InputNormalization norm = InputNormalization.meanOnly(mean == null ? InputNormalization.IMAGENET_MEAN_RGB : mean);
            return new NetworkWeights(architecture, convolutions, norm, source);
        } catch (WeightsFormatException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new WeightsFormatException(file + ": not a readable MAT v5 file (truncated or corrupt?): "
                    + describe(e), e);
        }
    }

    private static Map<String, Struct> layersByName(Mat5File mat, Path file) throws WeightsFormatException {
        Array layersArray = find(mat, "layers");
        if (!(layersArray instanceof Cell layers)) {
            throw new WeightsFormatException(file + ": no 'layers' cell array (not a MatConvNet model file)");
        }
        Map<String, Struct> byName = new HashMap<>();
        for (int i = 0; i < layers.getNumElements(); i++) {
            Array entry = layers.get(i);
            if (entry instanceof Struct layer && layer.getFieldNames().contains("name")
                    && layer.get("name") instanceof Char name) {
                byName.put(name.getString().trim(), layer);
            }
        }
        return byName;
    }

    private static ConvolutionWeights convolution(Struct layer, Layer.Convolution conv, Path file,
                                                  NetworkArchitecture architecture) throws WeightsFormatException {
        Matrix kernel;
        Matrix bias;
        if (layer.getFieldNames().contains("weights") && layer.get("weights") instanceof Cell pair
                && pair.getNumElements() == 2) {
            kernel = pair.getMatrix(0);
            bias = pair.getMatrix(1);
        } else if (layer.getFieldNames().contains("filters") && layer.getFieldNames().contains("biases")) {
            kernel = layer.getMatrix("filters");
            bias = layer.getMatrix("biases");
        } else {
            throw new WeightsFormatException(file + ": layer '" + conv.name() + "' has no weights {kernel, bias}");
        }
        int[] dims = Arrays.copyOf(kernel.getDimensions(), 4);
        for (int i = kernel.getNumDimensions(); i < 4; i++) {
            dims[i] = 1; // MATLAB drops trailing singleton dimensions
        }
        int h = dims[0];
        int w = dims[1];
        int in = dims[2];
        int out = dims[3];
        if (kernel.getNumDimensions() > 4 || h != conv.kernelSize() || w != conv.kernelSize()
                || in != conv.inputChannels() || out != conv.outputChannels()) {
            throw new WeightsFormatException(file + ": layer '" + conv.name() + "' has kernel "
                    + String.join("x", Arrays.stream(kernel.getDimensions()).mapToObj(String::valueOf).toList())
                    + ", expected " + conv.kernelSize() + "x" + conv.kernelSize() + "x" + conv.inputChannels() + "x"
                    + conv.outputChannels() + " for " + architecture.name());
        }
        if (bias.getNumElements() != out) {
            throw new WeightsFormatException(file + ": layer '" + conv.name() + "' has " + bias.getNumElements()
                    + " biases, expected " + out);
        }
        float[] hwio = new float[h * w * in * out];
        int columnMajor = 0;
        // Column-major: the first axis (row) varies fastest.
        for (int o = 0; o < out; o++) {
            for (int i = 0; i < in; i++) {
                for (int x = 0; x < w; x++) {
                    for (int y = 0; y < h; y++) {
                        hwio[ConvolutionWeights.kernelIndex(y, x, i, o, w, in, out)] = kernel.getFloat(columnMajor++);
                    }
                }
            }
        }
        float[] b = new float[out];
        for (int o = 0; o < out; o++) {
            b[o] = bias.getFloat(o);
        }
        return new ConvolutionWeights(h, w, in, out, hwio, b);
    }

    /** The mean RGB pixel from the file, averaged over the stored mean image; null when the file has none. */
    static float[] meanPixel(Mat5File mat) {
        Array normalization = null;
        if (find(mat, "meta") instanceof Struct meta && meta.getFieldNames().contains("normalization")) {
            normalization = meta.get("normalization");
        } else {
            normalization = find(mat, "normalization");
        }
        if (!(normalization instanceof Struct norm) || !norm.getFieldNames().contains("averageImage")
                || !(norm.get("averageImage") instanceof Matrix average)) {
            return null;
        }
        int n = average.getNumElements();
        if (n % 3 != 0 || n == 0) {
            return null;
        }
        int pixels = n / 3; // column-major H x W x 3: channel is the slowest axis
        float[] mean = new float[3];
        for (int c = 0; c < 3; c++) {
            double sum = 0;
            for (int p = 0; p < pixels; p++) {
                sum += average.getDouble(c * pixels + p);
            }
            mean[c] = (float) (sum / pixels);
        }
        return mean;
    }

    private static Array find(Mat5File mat, String name) {
        for (var entry : mat.getEntries()) {
            if (entry.getName().equals(name)) {
                return entry.getValue();
            }
        }
        return null;
    }

    private static String describe(Exception e) {
        if (e instanceof java.io.EOFException || e instanceof java.nio.BufferUnderflowException) {
            return "the file ends too early";
        }
        String message = e.getMessage();
        return message == null || message.isBlank() || message.contains("Exception") ? "unexpected content" : message;
    }
}
