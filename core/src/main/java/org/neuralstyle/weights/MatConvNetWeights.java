package org.neuralstyle.weights;

import org.neuralstyle.network.ConvolutionWeights;
import org.neuralstyle.network.InputNormalization;
import us.hebi.matlab.mat.format.Mat5;
import us.hebi.matlab.mat.format.Mat5File;
import us.hebi.matlab.mat.types.Array;
import us.hebi.matlab.mat.types.Cell;
import us.hebi.matlab.mat.types.Char;
import us.hebi.matlab.mat.types.Matrix;
import us.hebi.matlab.mat.types.Struct;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

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

    public static WeightCatalogue read(Path file) throws IOException {
        try (Mat5File mat = Mat5.readFromFile(file.toFile())) {
            List<FileConvolution> convs = new ArrayList<>();
            List<String> skipped = new ArrayList<>();
            for (Struct layer : layers(mat, file)) {
                String name = ((Char) layer.get("name")).getString().trim();
                if (!hasWeights(layer)) {
                    continue; // relu, pool, softmax
                }
                if (name.startsWith("fc") || name.startsWith("prob")) {
                    // fc6 alone is 7x7x512x4096 (400 MB as floats): never needed for style transfer, never converted.
                    skipped.add(name + ": fully connected, not read");
                    continue;
                }
                convs.add(new FileConvolution(name, name, convolution(layer, name, file)));
            }
            MeanPixel mean = meanPixel(mat);
            InputNormalization norm = InputNormalization.meanOnly(mean == null ? InputNormalization.IMAGENET_MEAN_RGB
                    : mean.rgb());
            String layout = mean == null ? "no normalization in the file" : mean.where();
            String evidence = mean == null
                    ? "no averageImage in the file; MatConvNet's VGG files are Caffe's, so the ImageNet mean is used"
                    : "RGB, 0..255 minus the file's averageImage (" + mean.where() + ")";
            return new WeightCatalogue(file, "MatConvNet", layout, convs, skipped, WeightCatalogue.Matching.BY_NAME,
                    norm, false, evidence);
        } catch (WeightsFormatException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new WeightsFormatException(file + ": not a readable MAT v5 file (truncated or corrupt?): "
                    + describe(e), e);
        }
    }

    private static List<Struct> layers(Mat5File mat, Path file) throws WeightsFormatException {
        Array layersArray = find(mat, "layers");
        if (!(layersArray instanceof Cell layers)) {
            throw new WeightsFormatException(file + ": no 'layers' cell array (not a MatConvNet model file)");
        }
        List<Struct> structs = new ArrayList<>();
        for (int i = 0; i < layers.getNumElements(); i++) {
            if (layers.get(i) instanceof Struct layer && layer.getFieldNames().contains("name")
                    && layer.get("name") instanceof Char) {
                structs.add(layer);
            }
        }
        return structs;
    }

    private static boolean hasWeights(Struct layer) {
        return layer.getFieldNames().contains("weights") && layer.get("weights") instanceof Cell pair
                && pair.getNumElements() == 2
                || layer.getFieldNames().contains("filters") && layer.getFieldNames().contains("biases");
    }

    private static ConvolutionWeights convolution(Struct layer, String name, Path file) throws WeightsFormatException {
        Matrix kernel;
        Matrix bias;
        if (layer.getFieldNames().contains("weights")) {
            Cell pair = (Cell) layer.get("weights");
            kernel = pair.getMatrix(0);
            bias = pair.getMatrix(1);
        } else {
            kernel = layer.getMatrix("filters");
            bias = layer.getMatrix("biases");
        }
        if (kernel.getNumDimensions() > 4) {
            throw new WeightsFormatException(file + ": layer '" + name + "' has a " + kernel.getNumDimensions()
                    + "-D kernel, expected 4-D (height, width, in, out)");
        }
        int[] dims = Arrays.copyOf(kernel.getDimensions(), 4);
        for (int i = kernel.getNumDimensions(); i < 4; i++) {
            dims[i] = 1; // MATLAB drops trailing singleton dimensions
        }
        int h = dims[0];
        int w = dims[1];
        int in = dims[2];
        int out = dims[3];
        if (bias.getNumElements() != out) {
            throw new WeightsFormatException(file + ": layer '" + name + "' has " + bias.getNumElements()
                    + " biases for " + out + " filters");
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

    private record MeanPixel(float[] rgb, String where) {
    }

    /**
     * The mean RGB pixel from the file, averaged over the stored mean image (224x224x3 in older files, 1x1x3
     * in newer); null when the file has none. MatConvNet beta17 and later keep it in {@code meta.normalization},
     * older files (beta16, the file the reference implementation uses) in a top-level {@code normalization}.
     */
    private static MeanPixel meanPixel(Mat5File mat) {
        Array normalization;
        String where;
        if (find(mat, "meta") instanceof Struct meta && meta.getFieldNames().contains("normalization")) {
            normalization = meta.get("normalization");
            where = "MatConvNet beta17+ (meta.normalization)";
        } else {
            normalization = find(mat, "normalization");
            where = "MatConvNet beta16 or older (top-level normalization)";
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
        return new MeanPixel(mean, where + ", averageImage " + String.join("x",
                Arrays.stream(average.getDimensions()).mapToObj(String::valueOf).toList()));
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
