package org.neuralstyle.weights;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.WireFormat;
import org.neuralstyle.network.ConvolutionWeights;
import org.neuralstyle.network.InputNormalization;
import org.neuralstyle.network.Layer;
import org.neuralstyle.network.NetworkArchitecture;
import org.neuralstyle.network.NetworkWeights;
import org.neuralstyle.network.SqueezeNet;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads convolution weights from ONNX model files (SqueezeNet 1.1 and VGG from the ONNX model zoo or
 * torchvision exports). The protobuf is decoded directly (ModelProto.graph = 7; GraphProto.node = 1,
 * initializer = 5; NodeProto.input = 1, op_type = 4; TensorProto.dims = 1, data_type = 2, float_data = 4,
 * name = 8, raw_data = 9), so no generated ONNX classes are needed and nothing in the file is executed.
 *
 * <p>The Conv nodes, in graph order, are matched to the architecture's convolutions in order, so naming
 * schemes do not matter; kernels are OIHW and become HWIO. These models take RGB normalised with the
 * ImageNet mean and standard deviation on the 0..1 scale.
 */
public final class OnnxWeights {

    private static final int FLOAT = 1;
    private static final int MAX_MESSAGE = Integer.MAX_VALUE;

    private OnnxWeights() {
    }

    record Tensor(String name, long[] dims, float[] values) {
    }

    record Conv(String weight, String bias) {
    }

    public static NetworkWeights read(Path file, NetworkArchitecture architecture) throws IOException {
        Map<String, Tensor> initializers = new HashMap<>();
        List<Conv> convs = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file)) {
            CodedInputStream model = CodedInputStream.newInstance(in);
            model.setSizeLimit(MAX_MESSAGE); // weights files are far above protobuf's 64 MiB default
            boolean sawGraph = false;
            while (!model.isAtEnd()) {
                int tag = model.readTag();
                if (WireFormat.getTagFieldNumber(tag) == 7 && WireFormat.getTagWireType(tag) == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
                    readGraph(model, initializers, convs);
                    sawGraph = true;
                } else if (!model.skipField(tag)) {
                    break;
                }
            }
            if (!sawGraph) {
                throw new WeightsFormatException(file + ": an ONNX file without a graph");
            }
        } catch (WeightsFormatException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new WeightsFormatException(file + ": not a readable ONNX file (truncated or corrupt?)", e);
        }
        List<Layer.Convolution> layers = architecture.convolutions();
        if (convs.size() < layers.size()) {
            throw new WeightsFormatException(file + ": has " + convs.size() + " convolutions, " + architecture.name()
                    + " needs " + layers.size() + " (a different network?)");
        }
        Map<String, ConvolutionWeights> weights = new HashMap<>();
        for (int k = 0; k < layers.size(); k++) {
            weights.put(layers.get(k).name(), convolution(file, layers.get(k), convs.get(k), initializers));
        }
        InputNormalization norm = SqueezeNet.normalization();
        return new NetworkWeights(architecture, weights, norm, file.getFileName() + " (ONNX)");
    }

    private static ConvolutionWeights convolution(Path file, Layer.Convolution layer, Conv conv,
                                                  Map<String, Tensor> initializers) throws WeightsFormatException {
        Tensor w = initializers.get(conv.weight());
        Tensor b = conv.bias() == null ? null : initializers.get(conv.bias());
        if (w == null || w.dims().length != 4) {
            throw new WeightsFormatException(file + ": convolution weights '" + conv.weight() + "' missing or not 4-D");
        }
        int out = (int) w.dims()[0];
        int in = (int) w.dims()[1];
        int h = (int) w.dims()[2];
        int wd = (int) w.dims()[3];
        if (out != layer.outputChannels() || in != layer.inputChannels() || h != layer.kernelSize() || wd != layer.kernelSize()) {
            throw new WeightsFormatException(file + ": convolution '" + conv.weight() + "' is " + h + "x" + wd + "x" + in + "x"
                    + out + ", expected " + layer.kernelSize() + "x" + layer.kernelSize() + "x" + layer.inputChannels()
                    + "x" + layer.outputChannels() + " for " + layer.name());
        }
        float[] bias = b == null ? new float[out] : b.values();
        if (bias.length != out) {
            throw new WeightsFormatException(file + ": bias '" + conv.bias() + "' has " + bias.length + " values, expected " + out);
        }
        return ConvolutionWeights.fromOihw(w.values(), out, in, h, wd, bias);
    }

    private static void readGraph(CodedInputStream model, Map<String, Tensor> initializers, List<Conv> convs)
            throws IOException {
        int limit = model.pushLimit(model.readRawVarint32());
        while (!model.isAtEnd()) {
            int tag = model.readTag();
            int field = WireFormat.getTagFieldNumber(tag);
            if (field == 1) {
                Conv conv = readNode(model);
                if (conv != null) {
                    convs.add(conv);
                }
            } else if (field == 5) {
                Tensor t = readTensor(model);
                initializers.put(t.name(), t);
            } else if (!model.skipField(tag)) {
                break;
            }
        }
        model.popLimit(limit);
    }

    /** A Conv node's weight and bias input names, or null for other ops. */
    private static Conv readNode(CodedInputStream in) throws IOException {
        int limit = in.pushLimit(in.readRawVarint32());
        List<String> inputs = new ArrayList<>();
        String op = "";
        while (!in.isAtEnd()) {
            int tag = in.readTag();
            switch (WireFormat.getTagFieldNumber(tag)) {
                case 1 -> inputs.add(in.readString());
                case 4 -> op = in.readString();
                default -> in.skipField(tag);
            }
        }
        in.popLimit(limit);
        if (!op.equals("Conv") || inputs.size() < 2) {
            return null;
        }
        return new Conv(inputs.get(1), inputs.size() > 2 ? inputs.get(2) : null);
    }

    private static Tensor readTensor(CodedInputStream in) throws IOException {
        int limit = in.pushLimit(in.readRawVarint32());
        List<Long> dims = new ArrayList<>();
        String name = "";
        int type = FLOAT;
        float[] values = null;
        ProtobufFloats floats = new ProtobufFloats();
        while (!in.isAtEnd()) {
            int tag = in.readTag();
            int field = WireFormat.getTagFieldNumber(tag);
            int wire = WireFormat.getTagWireType(tag);
            if (field == 1 && wire == WireFormat.WIRETYPE_VARINT) {
                dims.add(in.readInt64());
            } else if (field == 1 && wire == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
                int packed = in.pushLimit(in.readRawVarint32());
                while (!in.isAtEnd()) {
                    dims.add(in.readInt64());
                }
                in.popLimit(packed);
            } else if (field == 2) {
                type = in.readInt32();
            } else if ((field == 4 || field == 9) && dims.size() == 2) {
                // A fully connected layer's matrix (most of a VGG file): never needed, so never held in memory.
                // Writers emit fields in number order, so dims (1) is known before the data (4, 9).
                in.skipField(tag);
                type = -1;
            } else if (field == 4) {
                floats.read(in, tag);
            } else if (field == 8) {
                name = in.readString();
            } else if (field == 9) {
                ByteBuffer raw = in.readByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
                values = new float[raw.remaining() / 4];
                raw.asFloatBuffer().get(values);
            } else if (!in.skipField(tag)) {
                break;
            }
        }
        in.popLimit(limit);
        if (values == null) {
            values = floats.toArray();
        }
        long[] d = dims.stream().mapToLong(Long::longValue).toArray();
        if (type != FLOAT) {
            values = new float[0]; // not a float tensor: never a convolution's weights
        }
        long count = 1;
        for (long x : d) {
            count *= x;
        }
        if (type == FLOAT && count != values.length) {
            throw new IOException("tensor " + name + " has " + values.length + " values for shape " + dims);
        }
        return new Tensor(name, d, values);
    }
}
