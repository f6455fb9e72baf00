package org.neuralstyle.weights;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.WireFormat;
import org.neuralstyle.network.ConvolutionWeights;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads convolution weights from ONNX model files (SqueezeNet 1.1 and VGG from the ONNX model zoo, torchvision
 * exports). The protobuf is decoded directly (onnx.proto: ModelProto ir_version = 1, producer_name = 2,
 * graph = 7; GraphProto node = 1, initializer = 5; NodeProto input = 1, output = 2, name = 3, op_type = 4,
 * attribute = 5; AttributeProto name = 1, f = 2, i = 3; TensorProto dims = 1, data_type = 2, float_data = 4,
 * name = 8, raw_data = 9), so no generated classes are needed and nothing in the file is executed.
 *
 * <p>Conv nodes, in graph order, are matched to the architecture's convolutions in order, so naming schemes do
 * not matter; kernels are OIHW and become HWIO. A BatchNormalization after a Conv (the {@code -bn} VGG files)
 * is folded into it exactly. The graph up to its last Conv must be a plain feature network; anything else
 * (grouped convolutions, normalisation built into the graph, residual additions) is refused, since the weights
 * alone would then compute something else.
 *
 * <p>The input normalisation is not stored in ONNX files: it is known from the exporter. MXNet Gluon exports (the
 * model zoo's {@code vgg19-7}, {@code vgg19-bn-7}, {@code squeezenet1.1-7}; initializers such as
 * {@code vgg0_conv0_weight}) and PyTorch exports (torchvision, {@code features.0.weight}) take RGB on the 0..1
 * scale with the ImageNet mean and standard deviation. Caffe2 exports ({@code vgg19-caffe2}) and unknown
 * producers are not guessed: the user names the convention.
 */
public final class OnnxWeights {

    private static final int FLOAT = 1;
    /** Ops a plain convolutional feature network is made of (before its last Conv). */
    private static final Set<String> FEATURE_OPS = Set.of("Conv", "Relu", "MaxPool", "AveragePool",
            "BatchNormalization", "Concat", "Dropout", "Identity", "Constant");
    private static final Pattern GLUON_NAME = Pattern.compile("[a-z0-9]+0_conv\\d+_weight");
    private static final Pattern TORCHVISION_NAME = Pattern.compile("features\\.\\d+\\.weight");
    private static final Pattern CAFFE2_NAME = Pattern.compile("conv\\d+_\\d+_w");

    private OnnxWeights() {
    }

    record Tensor(String name, long[] dims, float[] values) {
    }

    record Node(String op, String name, List<String> inputs, List<String> outputs, Map<String, Double> attributes) {
        String label() {
            return op + (name.isEmpty() ? "" : " '" + name + "'");
        }
    }

    private record Model(long irVersion, String producer, List<Node> nodes, Map<String, Tensor> initializers) {
    }

    public static WeightCatalogue read(Path file) throws IOException {
        Model model = parse(file);
        List<Node> nodes = model.nodes();
        int lastConv = -1;
        for (int k = 0; k < nodes.size(); k++) {
            if (nodes.get(k).op().equals("Conv")) {
                lastConv = k;
            }
        }
        if (lastConv < 0) {
            throw new WeightsFormatException(file + ": an ONNX graph without Conv nodes (not a convolutional network)");
        }
        List<FileConvolution> convs = new ArrayList<>();
        List<String> convOutputs = new ArrayList<>();
        int folded = 0;
        for (int k = 0; k < nodes.size(); k++) {
            Node node = nodes.get(k);
            boolean afterLastConv = k > lastConv;
            if (afterLastConv && !(node.op().equals("BatchNormalization")
                    && convOutputs.indexOf(node.inputs().get(0)) == convs.size() - 1)) {
                continue; // the classifier: only a normalisation of the last convolution matters
            }
            if (!FEATURE_OPS.contains(node.op())) {
                throw new WeightsFormatException(file + ": node " + (k + 1) + " (" + node.label() + ") is not part of "
                        + "a plain convolutional feature network; this graph cannot be read as VGG or SqueezeNet");
            }
            if (node.op().equals("Conv")) {
                convs.add(convolution(file, node, model.initializers()));
                convOutputs.add(node.outputs().isEmpty() ? "" : node.outputs().get(0));
            } else if (node.op().equals("BatchNormalization")) {
                int target = convOutputs.indexOf(node.inputs().get(0));
                if (target < 0 || target != convs.size() - 1) {
                    throw new WeightsFormatException(file + ": " + node.label() + " does not follow a Conv directly, "
                            + "so it cannot be folded into one; this graph is not supported");
                }
                FileConvolution conv = convs.get(target);
                ConvolutionWeights foldedWeights = batchNorm(file, node, model.initializers()).foldInto(conv.weights());
                convs.set(target, new FileConvolution(conv.name(), conv.fileName() + "+" + node.inputs().get(1)
                        .replaceFirst("_(gamma|weight|scale)$", ""), foldedWeights));
                convOutputs.set(target, node.outputs().get(0));
                folded++;
            }
        }
        String firstWeight = convs.get(0).name(); // the initializer name, before any folding
        InputConvention convention = convention(model.producer(), firstWeight);
        String evidence = evidence(model.producer(), firstWeight, convention);
        String layout = "IR " + model.irVersion() + ", producer '" + model.producer() + "', " + convs.size() + " Conv"
                + (folded > 0 ? ", " + folded + " BatchNormalization folded into them" : ", no BatchNormalization");
        return new WeightCatalogue(file, "ONNX", layout, convs, List.of(), WeightCatalogue.Matching.IN_ORDER,
                convention == null ? null : convention.normalization(), convention != null && convention.bgr(), evidence);
    }

    /** The exporter's preprocessing, from its name and its initializer naming; null where it cannot be known. */
    private static InputConvention convention(String producer, String firstWeight) {
        String p = producer.toLowerCase(Locale.ROOT);
        if (p.contains("caffe2") || CAFFE2_NAME.matcher(firstWeight).matches()) {
            return null;
        }
        if (p.contains("mxnet") || p.contains("pytorch") || GLUON_NAME.matcher(firstWeight).matches()
                || TORCHVISION_NAME.matcher(firstWeight).matches()) {
            return InputConvention.IMAGENET_STD;
        }
        return null;
    }

    private static String evidence(String producer, String firstWeight, InputConvention convention) {
        String seen = "producer '" + producer + "', first weights '" + firstWeight + "'";
        if (convention != null) {
            return seen + ": an MXNet Gluon or PyTorch export, trained on RGB 0..1 with ImageNet mean and std";
        }
        if (producer.toLowerCase(Locale.ROOT).contains("caffe2") || CAFFE2_NAME.matcher(firstWeight).matches()) {
            return seen + ": a Caffe2 export, whose preprocessing is not documented";
        }
        return seen + ": an exporter whose preprocessing is unknown";
    }

    private static FileConvolution convolution(Path file, Node conv, Map<String, Tensor> initializers)
            throws WeightsFormatException {
        if (conv.inputs().size() < 2) {
            throw new WeightsFormatException(file + ": " + conv.label() + " has no weight input");
        }
        double group = conv.attributes().getOrDefault("group", 1.0);
        if (group != 1) {
            throw new WeightsFormatException(file + ": " + conv.label() + " is a grouped convolution (group "
                    + (long) group + "); VGG and SqueezeNet have none");
        }
        String weightName = conv.inputs().get(1);
        Tensor w = initializers.get(weightName);
        if (w == null || w.dims().length != 4) {
            throw new WeightsFormatException(file + ": convolution weights '" + weightName + "' missing or not 4-D");
        }
        int out = (int) w.dims()[0];
        int in = (int) w.dims()[1];
        int h = (int) w.dims()[2];
        int wd = (int) w.dims()[3];
        String biasName = conv.inputs().size() > 2 && !conv.inputs().get(2).isEmpty() ? conv.inputs().get(2) : null;
        float[] bias = biasName == null ? new float[out] : values(file, initializers, biasName, out);
        return new FileConvolution(weightName, weightName, ConvolutionWeights.fromOihw(w.values(), out, in, h, wd, bias));
    }

    private static BatchNormalization batchNorm(Path file, Node bn, Map<String, Tensor> initializers)
            throws WeightsFormatException {
        if (bn.inputs().size() < 5) {
            throw new WeightsFormatException(file + ": " + bn.label() + " lacks its scale, shift, mean or variance");
        }
        Tensor scale = initializers.get(bn.inputs().get(1));
        int n = scale == null ? 0 : scale.values().length;
        return new BatchNormalization(values(file, initializers, bn.inputs().get(1), n),
                values(file, initializers, bn.inputs().get(2), n), values(file, initializers, bn.inputs().get(3), n),
                values(file, initializers, bn.inputs().get(4), n), bn.attributes().getOrDefault("epsilon", 1e-5));
    }

    private static float[] values(Path file, Map<String, Tensor> initializers, String name, int expected)
            throws WeightsFormatException {
        Tensor t = initializers.get(name);
        if (t == null || t.values().length != expected || expected == 0) {
            throw new WeightsFormatException(file + ": '" + name + "' is missing or has " + (t == null ? 0 : t.values().length)
                    + " values, expected " + expected);
        }
        return t.values();
    }

    private static Model parse(Path file) throws IOException {
        Map<String, Tensor> initializers = new HashMap<>();
        List<Node> nodes = new ArrayList<>();
        long irVersion = 0;
        String producer = "";
        try (InputStream in = Files.newInputStream(file)) {
            CodedInputStream model = CodedInputStream.newInstance(in);
            model.setSizeLimit(Integer.MAX_VALUE); // weights files are far above protobuf's 64 MiB default
            boolean sawGraph = false;
            while (!model.isAtEnd()) {
                int tag = model.readTag();
                int field = WireFormat.getTagFieldNumber(tag);
                int wire = WireFormat.getTagWireType(tag);
                if (field == 1 && wire == WireFormat.WIRETYPE_VARINT) {
                    irVersion = model.readInt64();
                } else if (field == 2 && wire == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
                    producer = model.readString();
                } else if (field == 7 && wire == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
                    readGraph(model, initializers, nodes);
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
        return new Model(irVersion, producer, nodes, initializers);
    }

    private static void readGraph(CodedInputStream model, Map<String, Tensor> initializers, List<Node> nodes)
            throws IOException {
        int limit = model.pushLimit(model.readRawVarint32());
        while (!model.isAtEnd()) {
            int tag = model.readTag();
            int field = WireFormat.getTagFieldNumber(tag);
            if (field == 1) {
                nodes.add(readNode(model));
            } else if (field == 5) {
                Tensor t = readTensor(model);
                initializers.put(t.name(), t);
            } else if (!model.skipField(tag)) {
                break;
            }
        }
        model.popLimit(limit);
    }

    private static Node readNode(CodedInputStream in) throws IOException {
        int limit = in.pushLimit(in.readRawVarint32());
        List<String> inputs = new ArrayList<>();
        List<String> outputs = new ArrayList<>();
        Map<String, Double> attributes = new HashMap<>();
        String op = "";
        String name = "";
        while (!in.isAtEnd()) {
            int tag = in.readTag();
            switch (WireFormat.getTagFieldNumber(tag)) {
                case 1 -> inputs.add(in.readString());
                case 2 -> outputs.add(in.readString());
                case 3 -> name = in.readString();
                case 4 -> op = in.readString();
                case 5 -> readAttribute(in, attributes);
                default -> in.skipField(tag);
            }
        }
        in.popLimit(limit);
        return new Node(op, name, inputs, outputs, attributes);
    }

    /** Keeps scalar attributes (f = 2, i = 3) only: group and epsilon are all the reader needs. */
    private static void readAttribute(CodedInputStream in, Map<String, Double> attributes) throws IOException {
        int limit = in.pushLimit(in.readRawVarint32());
        String name = "";
        Double value = null;
        while (!in.isAtEnd()) {
            int tag = in.readTag();
            int field = WireFormat.getTagFieldNumber(tag);
            if (field == 1) {
                name = in.readString();
            } else if (field == 2 && WireFormat.getTagWireType(tag) == WireFormat.WIRETYPE_FIXED32) {
                value = (double) in.readFloat();
            } else if (field == 3 && WireFormat.getTagWireType(tag) == WireFormat.WIRETYPE_VARINT) {
                value = (double) in.readInt64();
            } else if (!in.skipField(tag)) {
                break;
            }
        }
        in.popLimit(limit);
        if (value != null) {
            attributes.put(name, value);
        }
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
