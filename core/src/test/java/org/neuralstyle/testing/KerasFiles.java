package org.neuralstyle.testing;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritableGroup;
import org.neuralstyle.network.ConvolutionWeights;
import org.neuralstyle.network.Layer;
import org.neuralstyle.network.NetworkWeights;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes Keras HDF5 weight files as Keras writes them ({@code save_weights_to_hdf5_group}): the root (or
 * {@code model_weights/}) attribute {@code layer_names} lists every layer, weightless ones (input, pooling)
 * included; each layer's group has the attribute {@code weight_names}, empty for weightless layers, listing its
 * datasets, kernel (HWIO) first, then bias; the first layer takes BGR as Keras' VGG does.
 *
 * <p>The layouts, from REFERENCE.md section 3 and Keras' own loader ({@code load_weights_from_hdf5_group}, which
 * reads only these two attributes): the downloaded notop file has no {@code keras_version} and names its
 * datasets one level deep ({@code block1_conv1/block1_conv1_W_1:0}); Keras 2 writes the TensorFlow variable
 * names ({@code block1_conv1/kernel:0}), which h5py nests one group deeper; full-model files put all of it under
 * {@code model_weights/} beside {@code model_config}. {@code KerasFilesH5pyTest} checks the reader against files
 * that h5py itself writes.
 */
public final class KerasFiles {

    /** The three ways users' Keras VGG files are laid out. */
    public enum Layout { NOTOP_AS_DOWNLOADED, KERAS2_RESAVED, FULL_MODEL }

    private KerasFiles() {
    }

    /** The Keras 2 layout (what the old fixture wrote, and what re-saved files look like). */
    public static void write(NetworkWeights rgbWeights, Path file) {
        write(rgbWeights, file, Layout.KERAS2_RESAVED);
    }

    public static void write(NetworkWeights rgbWeights, Path file, Layout layout) {
        try (WritableHdfFile hdf = HdfFile.write(file)) {
            WritableGroup root = hdf;
            if (layout == Layout.FULL_MODEL) {
                hdf.putAttribute("keras_version", "2.13.1");
                hdf.putAttribute("backend", "tensorflow");
                hdf.putAttribute("model_config", "{\"class_name\": \"Functional\", \"config\": {}}");
                root = hdf.putGroup("model_weights");
            }
            if (layout != Layout.NOTOP_AS_DOWNLOADED) {
                root.putAttribute("keras_version", "2.13.1");
                root.putAttribute("backend", "tensorflow");
            }
            List<String> layerNames = new ArrayList<>();
            layerNames.add("input_1");
            weightless(root.putGroup("input_1"));
            int block = 1;
            boolean first = true;
            for (Layer.Convolution conv : rgbWeights.architecture().convolutions()) {
                String name = conv.name().replaceFirst("conv(\\d+)_(\\d+)", "block$1_conv$2");
                int thisBlock = Integer.parseInt(conv.name().replaceFirst("conv(\\d+)_\\d+", "$1"));
                if (thisBlock != block) {
                    pool(root, layerNames, block);
                    block = thisBlock;
                }
                ConvolutionWeights w = rgbWeights.convolution(conv.name());
                if (first) {
                    w = w.withInputChannelsReversed(); // RGB -> BGR, as trained in Caffe
                    first = false;
                }
                layerNames.add(name);
                WritableGroup group = root.putGroup(name);
                String kernel = layout == Layout.NOTOP_AS_DOWNLOADED ? name + "_W_1:0" : name + "/kernel:0";
                String bias = layout == Layout.NOTOP_AS_DOWNLOADED ? name + "_b_1:0" : name + "/bias:0";
                group.putAttribute("weight_names", new String[] {kernel, bias});
                // h5py's create_dataset("a/b") makes the group a and the dataset b in it.
                WritableGroup holder = layout == Layout.NOTOP_AS_DOWNLOADED ? group : group.putGroup(name);
                holder.putDataset(leaf(kernel), hwio(w));
                holder.putDataset(leaf(bias), w.bias());
            }
            pool(root, layerNames, block);
            if (layout == Layout.FULL_MODEL) {
                // A classifier layer: a 2-D kernel the reader must pass over.
                layerNames.add("flatten");
                weightless(root.putGroup("flatten"));
                layerNames.add("fc1");
                WritableGroup fc = root.putGroup("fc1");
                fc.putAttribute("weight_names", new String[] {"fc1/kernel:0", "fc1/bias:0"});
                WritableGroup inner = fc.putGroup("fc1");
                inner.putDataset("kernel:0", new float[][] {{1, 2}, {3, 4}, {5, 6}});
                inner.putDataset("bias:0", new float[] {1, 2});
            }
            root.putAttribute("layer_names", layerNames.toArray(String[]::new));
        }
    }

    private static void pool(WritableGroup root, List<String> layerNames, int block) {
        String name = "block" + block + "_pool";
        layerNames.add(name);
        weightless(root.putGroup(name));
    }

    /**
     * Keras writes np.asarray([]) for a layer without weights: an empty float64 array. jHDF cannot write
     * zero-length arrays, so these groups get none; the files h5py writes in KerasH5pyFilesTest have it.
     */
    private static void weightless(WritableGroup group) {
        // the group alone
    }

    private static String leaf(String weightName) {
        return weightName.substring(weightName.lastIndexOf('/') + 1);
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
