package org.neuralstyle.weights;

import io.jhdf.HdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import org.neuralstyle.network.ConvolutionWeights;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads Keras HDF5 weight files the way Keras itself does ({@code load_weights_from_hdf5_group} in Keras'
 * {@code hdf5_format.py}/{@code legacy_h5_format.py}): the root attribute {@code layer_names} lists the layer
 * groups in order, and each group's attribute {@code weight_names} lists its datasets, kernel first, then bias.
 * No dataset name is ever guessed, so every naming Keras used works:
 * <ul>
 *   <li>the downloaded {@code vgg19_weights_tf_dim_ordering_tf_kernels_notop.h5}: datasets one level deep,
 *       {@code block1_conv1/block1_conv1_W_1:0} and {@code ..._b_1:0}, and no {@code keras_version};</li>
 *   <li>files re-saved by Keras 2/3 ({@code block1_conv1/block1_conv1/kernel:0});</li>
 *   <li>full-model files, where all of it sits under {@code model_weights/}.</li>
 * </ul>
 * Kernels are HWIO ("tf_kernels"); Keras' VGG was converted from Caffe and takes BGR minus the ImageNet mean.
 */
public final class KerasWeights {

    private static final Pattern VGG_BLOCK_CONV = Pattern.compile("block(\\d+)_conv(\\d+)");

    private KerasWeights() {
    }

    public static WeightCatalogue read(Path file) throws IOException {
        try (HdfFile hdf = new HdfFile(file)) {
            Group root = hdf;
            String layout;
            if (hasNames(hdf, "layer_names")) {
                layout = "weights file";
            } else if (hdf.getChild("model_weights") instanceof Group modelWeights && hasNames(modelWeights, "layer_names")) {
                root = modelWeights;
                layout = "full model file (model_weights/)";
            } else {
                throw new WeightsFormatException(file + ": an HDF5 file without Keras' 'layer_names' attribute "
                        + "(not a Keras .h5 weights file; Keras 3 '.weights.h5' files are not supported)");
            }
            List<FileConvolution> convs = new ArrayList<>();
            List<String> skipped = new ArrayList<>();
            String naming = null;
            for (String layerName : names(root, "layer_names")) {
                if (!(root.getChild(layerName) instanceof Group layer)) {
                    throw new WeightsFormatException(file + ": 'layer_names' lists '" + layerName
                            + "' but the file has no such group (damaged file?)");
                }
                List<String> weightNames = names(layer, "weight_names");
                if (weightNames.isEmpty()) {
                    continue; // input, pooling, flatten: layers without weights
                }
                Dataset kernel = dataset(file, layer, weightNames.get(0));
                int[] dims = kernel.getDimensions();
                if (dims.length != 4) {
                    skipped.add(layerName + " " + shape(dims) + ": not a convolution (fully connected), not read");
                    continue;
                }
                if (weightNames.size() < 2) {
                    throw new WeightsFormatException(file + ": convolution '" + layerName + "' has no bias");
                }
                naming = naming != null ? naming : weightNames.get(0).endsWith("kernel:0")
                        ? "Keras 2/3 names (" + weightNames.get(0) + ")"
                        : "Keras 1 names (" + weightNames.get(0) + "), as downloaded";
                float[] bias = floats(file, dataset(file, layer, weightNames.get(1)));
                ConvolutionWeights w = new ConvolutionWeights(dims[0], dims[1], dims[2], dims[3], floats(file, kernel), bias);
                convs.add(new FileConvolution(architectureName(layerName), layerName, w));
            }
            List<String> keras = names(hdf, "keras_version");
            String version = keras.isEmpty() ? "" : ", keras_version " + String.join("", keras);
            return new WeightCatalogue(file, "Keras HDF5", layout + ", " + (naming == null ? "no convolutions" : naming)
                    + version, convs, skipped, WeightCatalogue.Matching.BY_NAME,
                    InputConvention.CAFFE_BGR.normalization(), true,
                    "Keras' VGG weights are converted from Caffe: BGR, 0..255 minus the ImageNet mean");
        } catch (WeightsFormatException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new WeightsFormatException(file + ": not a readable Keras HDF5 file (truncated or corrupt?)", e);
        }
    }

    /** VGG's conv3_1 is Keras' block3_conv1; other names are kept. */
    static String architectureName(String kerasLayer) {
        Matcher m = VGG_BLOCK_CONV.matcher(kerasLayer);
        return m.matches() ? "conv" + m.group(1) + "_" + m.group(2) : kerasLayer;
    }

    /** A dataset named by a weight_names entry, relative to its layer's group (names may contain '/'). */
    private static Dataset dataset(Path file, Group layer, String name) throws WeightsFormatException {
        Node node;
        try {
            node = layer.getByPath(name);
        } catch (RuntimeException missing) {
            node = null;
        }
        if (node instanceof Dataset d) {
            return d;
        }
        throw new WeightsFormatException(file + ": layer '" + layer.getName() + "' lists weight '" + name
                + "' but the file has no such dataset (damaged file?)");
    }

    private static float[] floats(Path file, Dataset dataset) throws WeightsFormatException {
        if (dataset.getDataFlat() instanceof float[] values) {
            return values;
        }
        throw new WeightsFormatException(file + ": " + dataset.getPath() + " is " + dataset.getJavaType().getSimpleName()
                + ", not float32");
    }

    private static boolean hasNames(Group group, String attribute) {
        return group.getAttributes().containsKey(attribute) || group.getAttributes().containsKey(attribute + "0");
    }

    /**
     * A list of names stored as an attribute. Keras splits lists above HDF5's 64 KB header limit into
     * {@code name0}, {@code name1}, ... ({@code save_attributes_to_hdf5_group}); they are joined back here.
     */
    private static List<String> names(Group group, String attribute) {
        if (group.getAttributes().containsKey(attribute)) {
            return strings(group.getAttribute(attribute));
        }
        List<String> names = new ArrayList<>();
        for (int chunk = 0; group.getAttributes().containsKey(attribute + chunk); chunk++) {
            names.addAll(strings(group.getAttribute(attribute + chunk)));
        }
        return names;
    }

    /**
     * An attribute holding a list of names. h5py stores Python lists of byte strings as fixed-length string
     * arrays, an empty list as an empty float array (Keras' {@code save_attributes_to_hdf5_group}).
     */
    private static List<String> strings(Attribute attribute) {
        if (attribute == null || attribute.isEmpty()) {
            return List.of();
        }
        Object data = attribute.getData();
        if (data instanceof String s) {
            return List.of(s);
        }
        if (data instanceof String[] names) {
            return Arrays.stream(names).map(String::trim).toList();
        }
        return List.of();
    }

    private static String shape(int[] dims) {
        return String.join("x", Arrays.stream(dims).mapToObj(String::valueOf).toList());
    }
}
