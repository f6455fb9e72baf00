package org.neuralstyle.testing;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedOutputStream;
import org.neuralstyle.network.ConvolutionWeights;
import org.neuralstyle.network.Layer;
import org.neuralstyle.network.NetworkWeights;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/**
 * Writes ONNX models as the exporters do: ModelProto{ir_version=1, producer_name=2, graph=7}, GraphProto{node=1,
 * initializer=5}, a Conv node per convolution (inputs: data, weight, bias) with Relu nodes between, and OIHW
 * float initializers with raw_data (or float_data, as old exporters wrote). Initializers are named as MXNet Gluon
 * names them ({@code vgg0_conv0_weight}, as in the model zoo's files; the real squeezenet1.1 file in ../shared
 * has {@code squeezenet0_conv0_weight}), or as Caffe2 does ({@code conv1_1_w}, producer "onnx-caffe2").
 * With batch normalisation, each Conv is followed by a BatchNormalization node (gamma, beta, running mean and
 * variance, epsilon 1e-5, Gluon's {@code vgg0_batchnorm0_*} names) whose folding gives back the given weights.
 */
public final class OnnxFiles {

    /** Who exported the file: decides the initializer names and the producer. */
    public enum Exporter { GLUON, CAFFE2 }

    private static final double EPSILON = 1e-5;

    private OnnxFiles() {
    }

    public static void write(NetworkWeights weights, Path file, boolean rawData) throws IOException {
        write(weights, file, rawData, Exporter.GLUON, false);
    }

    public static void write(NetworkWeights weights, Path file, boolean rawData, Exporter exporter, boolean batchNorm)
            throws IOException {
        ByteArrayOutputStream graph = new ByteArrayOutputStream();
        CodedOutputStream g = CodedOutputStream.newInstance(graph);
        List<Layer.Convolution> convs = weights.architecture().convolutions();
        String previous = "data";
        for (int k = 0; k < convs.size(); k++) {
            String out = "conv" + k + "_out";
            g.writeByteArray(1, node("Conv", List.of(previous, weightName(exporter, convs.get(k), k),
                    biasName(exporter, convs.get(k), k)), out, null));
            if (batchNorm) {
                String bn = "vgg0_batchnorm" + k + "_";
                g.writeByteArray(1, node("BatchNormalization", List.of(out, bn + "gamma", bn + "beta",
                        bn + "running_mean", bn + "running_var"), "bn" + k + "_out", EPSILON));
                out = "bn" + k + "_out";
            }
            g.writeByteArray(1, node("Relu", List.of(out), "relu" + k, null));
            previous = "relu" + k;
        }
        // A fully connected layer at the end, as VGG files have: not a convolution, so ignored.
        g.writeByteArray(1, node("Gemm", List.of(previous, "fc_weight", "fc_bias"), "logits", null));
        Random random = new Random(11);
        for (int k = 0; k < convs.size(); k++) {
            ConvolutionWeights cw = weights.convolution(convs.get(k).name());
            if (batchNorm) {
                cw = unfold(cw, random, g, "vgg0_batchnorm" + k + "_", rawData);
            }
            g.writeByteArray(5, tensor(weightName(exporter, convs.get(k), k),
                    new long[] {cw.outputChannels(), cw.inputChannels(), cw.height(), cw.width()}, cw.toOihw(), rawData));
            g.writeByteArray(5, tensor(biasName(exporter, convs.get(k), k), new long[] {cw.outputChannels()}, cw.bias(),
                    rawData));
        }
        g.flush();
        try (OutputStream out = Files.newOutputStream(file)) {
            CodedOutputStream model = CodedOutputStream.newInstance(out);
            model.writeInt64(1, 3); // ir_version
            model.writeString(2, exporter == Exporter.CAFFE2 ? "onnx-caffe2" : "neural-style-test");
            model.writeByteArray(7, graph.toByteArray());
            model.flush();
        }
    }

    private static String weightName(Exporter exporter, Layer.Convolution conv, int k) {
        return exporter == Exporter.GLUON ? "vgg0_conv" + k + "_weight" : conv.name() + "_w";
    }

    private static String biasName(Exporter exporter, Layer.Convolution conv, int k) {
        return exporter == Exporter.GLUON ? "vgg0_conv" + k + "_bias" : conv.name() + "_b";
    }

    /**
     * Random batch-normalisation parameters, written to the graph, and the convolution that, followed by them,
     * computes the given one: kernel / f and (bias - beta) / f + mean with f = gamma / sqrt(var + eps).
     */
    private static ConvolutionWeights unfold(ConvolutionWeights target, Random random, CodedOutputStream g, String prefix,
                                             boolean raw) throws IOException {
        int n = target.outputChannels();
        float[] gamma = new float[n];
        float[] beta = new float[n];
        float[] mean = new float[n];
        float[] variance = new float[n];
        float[] kernel = target.kernel().clone();
        float[] bias = new float[n];
        double[] f = new double[n];
        for (int o = 0; o < n; o++) {
            gamma[o] = (float) (0.5 + random.nextDouble());
            beta[o] = (float) (random.nextGaussian() * 0.1);
            mean[o] = (float) (random.nextGaussian() * 0.1);
            variance[o] = (float) (0.5 + 1.5 * random.nextDouble());
            f[o] = gamma[o] / Math.sqrt(variance[o] + EPSILON);
            bias[o] = (float) ((target.bias()[o] - beta[o]) / f[o] + mean[o]);
        }
        for (int i = 0; i < kernel.length; i++) {
            kernel[i] = (float) (kernel[i] / f[i % n]);
        }
        g.writeByteArray(5, tensor(prefix + "gamma", new long[] {n}, gamma, raw));
        g.writeByteArray(5, tensor(prefix + "beta", new long[] {n}, beta, raw));
        g.writeByteArray(5, tensor(prefix + "running_mean", new long[] {n}, mean, raw));
        g.writeByteArray(5, tensor(prefix + "running_var", new long[] {n}, variance, raw));
        return new ConvolutionWeights(target.height(), target.width(), target.inputChannels(), n, kernel, bias);
    }

    private static byte[] node(String op, List<String> inputs, String output, Double epsilon) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CodedOutputStream n = CodedOutputStream.newInstance(bytes);
        for (String input : inputs) {
            n.writeString(1, input);
        }
        n.writeString(2, output);
        n.writeString(3, op.toLowerCase(java.util.Locale.ROOT) + "_" + output);
        n.writeString(4, op);
        if (epsilon != null) {
            ByteArrayOutputStream attribute = new ByteArrayOutputStream();
            CodedOutputStream a = CodedOutputStream.newInstance(attribute);
            a.writeString(1, "epsilon");
            a.writeFloat(2, epsilon.floatValue());
            a.writeEnum(20, 1); // AttributeProto.FLOAT
            a.flush();
            n.writeByteArray(5, attribute.toByteArray());
        }
        n.flush();
        return bytes.toByteArray();
    }

    private static byte[] tensor(String name, long[] dims, float[] values, boolean raw) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CodedOutputStream t = CodedOutputStream.newInstance(bytes);
        for (long d : dims) {
            t.writeInt64(1, d);
        }
        t.writeInt32(2, 1); // FLOAT
        if (raw) {
            ByteBuffer buf = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
            buf.asFloatBuffer().put(values);
            t.writeString(8, name);
            t.writeBytes(9, ByteString.copyFrom(buf.array()));
        } else {
            t.writeTag(4, com.google.protobuf.WireFormat.WIRETYPE_LENGTH_DELIMITED);
            t.writeUInt32NoTag(values.length * 4);
            for (float v : values) {
                t.writeFloatNoTag(v);
            }
            t.writeString(8, name);
        }
        t.flush();
        return bytes.toByteArray();
    }
}
