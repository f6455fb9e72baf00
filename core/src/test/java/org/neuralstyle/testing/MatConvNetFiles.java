package org.neuralstyle.testing;

import org.neuralstyle.network.ConvolutionWeights;
import org.neuralstyle.network.Layer;
import org.neuralstyle.network.NetworkWeights;
import us.hebi.matlab.mat.format.Mat5;
import us.hebi.matlab.mat.types.Cell;
import us.hebi.matlab.mat.types.MatFile;
import us.hebi.matlab.mat.types.MatlabType;
import us.hebi.matlab.mat.types.Matrix;
import us.hebi.matlab.mat.types.Struct;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes MatConvNet model files in the layout of imagenet-vgg-verydeep-19.mat: a 1xN cell {@code layers} of
 * structs (name, type, weights = {kernel [h w in out] single, bias [1 out] single}, stride, pad) and the
 * normalisation: {@code meta.normalization.averageImage} (MatConvNet beta17 and later) or, in the older files
 * the reference implementation reads ({@code data['normalization'][0][0][0]}, a 224x224x3 mean image averaged
 * over its two first axes), a top-level {@code normalization}.
 */
public final class MatConvNetFiles {

    /** Where the file keeps its normalisation. */
    public enum Layout { BETA17_META, BETA16_TOP_LEVEL }

    private MatConvNetFiles() {
    }

    public static void write(NetworkWeights weights, float[] averageImage, int[] averageDims, Path file) throws IOException {
        write(weights, averageImage, averageDims, file, Layout.BETA17_META);
    }

    public static void write(NetworkWeights weights, float[] averageImage, int[] averageDims, Path file, Layout layout)
            throws IOException {
        List<Layer> layers = weights.architecture().layers();
        Cell cell = Mat5.newCell(1, layers.size());
        for (int k = 0; k < layers.size(); k++) {
            Layer layer = layers.get(k);
            Struct s = Mat5.newStruct();
            s.set("name", Mat5.newString(layer.name()));
            if (layer instanceof Layer.Convolution c) {
                s.set("type", Mat5.newString("conv"));
                s.set("weights", weightsCell(weights.convolution(c.name())));
                s.set("stride", Mat5.newScalar(1));
            } else if (layer instanceof Layer.Relu) {
                s.set("type", Mat5.newString("relu"));
            } else {
                s.set("type", Mat5.newString("pool"));
                s.set("method", Mat5.newString("max"));
            }
            cell.set(k, s);
        }
        Matrix average = Mat5.newMatrix(averageDims, MatlabType.Single);
        for (int i = 0; i < averageImage.length; i++) {
            average.setFloat(i, averageImage[i]);
        }
        Struct normalization = Mat5.newStruct();
        normalization.set("averageImage", average);
        normalization.set("imageSize", Mat5.newScalar(224));
        MatFile mat = Mat5.newMatFile();
        mat.addArray("layers", cell);
        if (layout == Layout.BETA17_META) {
            Struct meta = Mat5.newStruct();
            meta.set("normalization", normalization);
            mat.addArray("meta", meta);
        } else {
            mat.addArray("normalization", normalization);
            mat.addArray("classes", Mat5.newString("imagenet classes"));
        }
        Mat5.writeToFile(mat, file.toFile());
        mat.close();
    }

    /** A 224x224x3 mean image (column-major) whose average over the pixels is the given mean pixel. */
    public static void writeBeta16(NetworkWeights weights, float[] meanRgb, Path file) throws IOException {
        int pixels = 224 * 224;
        float[] image = new float[pixels * 3];
        java.util.Random random = new java.util.Random(3);
        for (int c = 0; c < 3; c++) {
            float[] noise = new float[pixels];
            double sum = 0;
            for (int p = 0; p < pixels; p++) {
                noise[p] = (float) random.nextGaussian() * 10;
                sum += noise[p];
            }
            float shift = (float) (sum / pixels);
            for (int p = 0; p < pixels; p++) {
                image[c * pixels + p] = meanRgb[c] + noise[p] - shift; // varies per pixel, averages to the mean
            }
        }
        write(weights, image, new int[] {224, 224, 3}, file, Layout.BETA16_TOP_LEVEL);
    }

    /** A 1x1x3 average image holding the mean pixel. */
    public static void write(NetworkWeights weights, float[] meanRgb, Path file) throws IOException {
        write(weights, meanRgb, new int[] {1, 1, 3}, file);
    }

    private static Cell weightsCell(ConvolutionWeights w) {
        Matrix kernel = Mat5.newMatrix(new int[] {w.height(), w.width(), w.inputChannels(), w.outputChannels()},
                MatlabType.Single);
        int columnMajor = 0;
        for (int o = 0; o < w.outputChannels(); o++) {
            for (int i = 0; i < w.inputChannels(); i++) {
                for (int x = 0; x < w.width(); x++) {
                    for (int y = 0; y < w.height(); y++) {
                        kernel.setFloat(columnMajor++, w.kernelAt(y, x, i, o));
                    }
                }
            }
        }
        Matrix bias = Mat5.newMatrix(new int[] {1, w.outputChannels()}, MatlabType.Single);
        for (int o = 0; o < w.outputChannels(); o++) {
            bias.setFloat(o, w.bias()[o]);
        }
        Cell pair = Mat5.newCell(1, 2);
        pair.set(0, kernel);
        pair.set(1, bias);
        return pair;
    }
}
