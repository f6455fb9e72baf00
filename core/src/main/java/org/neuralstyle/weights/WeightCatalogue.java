package org.neuralstyle.weights;

import org.neuralstyle.network.ConvolutionWeights;
import org.neuralstyle.network.InputNormalization;
import org.neuralstyle.network.Layer;
import org.neuralstyle.network.NetworkArchitecture;
import org.neuralstyle.network.NetworkWeights;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a weights file holds, read but not yet matched to an architecture: its convolutions in file order, what
 * it left unread, and its input convention where the file tells it. Every format reader produces one;
 * {@link #bind} turns it into the {@link NetworkWeights} of an architecture or says in one line why it cannot.
 *
 * @param format        the file format, e.g. "Keras HDF5"
 * @param layout        the variant of that format found, e.g. "Keras 1 notop, as downloaded"
 * @param convolutions  every convolution read, in the file's order
 * @param skipped       what was seen and deliberately not read (fully connected layers), for reports
 * @param matching      how convolutions are matched to an architecture's
 * @param normalization the input normalisation, or null where the file cannot tell it
 * @param bgr           whether the first convolution was trained on BGR input
 * @param inputEvidence why the normalisation is what it is, or why it cannot be known
 */
public record WeightCatalogue(Path file, String format, String layout, List<FileConvolution> convolutions,
                              List<String> skipped, Matching matching, InputNormalization normalization,
                              boolean bgr, String inputEvidence) {

    /** Names where the file names its layers in a known scheme; order where names are arbitrary (ONNX). */
    public enum Matching { BY_NAME, IN_ORDER }

    public WeightCatalogue {
        convolutions = List.copyOf(convolutions);
        skipped = List.copyOf(skipped);
    }

    public boolean inputKnown() {
        return normalization != null;
    }

    /** The same weights with the input convention the user names: for files that cannot tell it, or to overrule. */
    public WeightCatalogue withConvention(InputConvention convention) {
        return new WeightCatalogue(file, format, layout, convolutions, skipped, matching, convention.normalization(),
                convention.bgr(), "given as " + convention.optionName());
    }

    /**
     * The architecture's weights: each of its convolutions found (by name or in order) with the expected shape,
     * the first made to take RGB where the file's was trained on BGR.
     */
    public NetworkWeights bind(NetworkArchitecture architecture) throws WeightsFormatException {
        if (!inputKnown()) {
            throw new WeightsFormatException(file + ": the input normalisation of this file cannot be known ("
                    + inputEvidence + "); name it with --input-normalization caffe-bgr or imagenet-std");
        }
        List<Layer.Convolution> wanted = architecture.convolutions();
        Map<String, FileConvolution> byName = new HashMap<>();
        convolutions.forEach(c -> byName.putIfAbsent(c.name(), c));
        if (matching == Matching.IN_ORDER && convolutions.size() < wanted.size()) {
            throw new WeightsFormatException(file + ": has " + convolutions.size() + " convolutions, "
                    + architecture.name() + " needs " + wanted.size() + " (a different network?)");
        }
        Map<String, ConvolutionWeights> weights = new LinkedHashMap<>();
        for (int k = 0; k < wanted.size(); k++) {
            Layer.Convolution layer = wanted.get(k);
            FileConvolution found = matching == Matching.IN_ORDER ? convolutions.get(k) : byName.get(layer.name());
            if (found == null) {
                throw new WeightsFormatException(file + ": no layer '" + layer.name() + "' among its "
                        + convolutions.size() + " convolutions; " + architecture.name() + " needs " + wanted.size()
                        + " (not a " + architecture.name() + " file?)");
            }
            ConvolutionWeights w = found.weights();
            if (matching == Matching.BY_NAME) {
                requireInSequence(architecture, k, layer);
            }
            String expected = layer.kernelSize() + "x" + layer.kernelSize() + "x" + layer.inputChannels() + "x"
                    + layer.outputChannels();
            if (!w.shapeText().equals(expected)) {
                throw new WeightsFormatException(file + ": layer '" + found.fileName() + "' is " + w.shapeText()
                        + " (height x width x in x out), expected " + expected + " for " + layer.name() + " of "
                        + architecture.name() + " (a different network?)");
            }
            weights.put(layer.name(), k == 0 && bgr ? w.withInputChannelsReversed() : w);
        }
        String source = file.getFileName() + " (" + format + (bgr ? ", BGR weights taking RGB" : "") + ")";
        return new NetworkWeights(architecture, weights, normalization, source);
    }

    /**
     * Names alone are not enough: a VGG-19 file has every layer name VGG-16 has, with the same shapes, but its
     * conv4_1 was trained on conv3_4's output, which VGG-16 does not have. The file's convolutions must run in
     * the architecture's order, with nothing in between.
     */
    private void requireInSequence(NetworkArchitecture architecture, int k, Layer.Convolution layer)
            throws WeightsFormatException {
        List<Layer.Convolution> wanted = architecture.convolutions();
        FileConvolution atPlace = k < convolutions.size() ? convolutions.get(k) : null;
        if (atPlace != null && !atPlace.name().equals(layer.name())) {
            throw new WeightsFormatException(file + ": has convolution '" + atPlace.fileName() + "' where "
                    + architecture.name() + " has " + layer.name() + (k > 0 ? " after " + wanted.get(k - 1).name() : "")
                    + " (a different network: " + convolutions.size() + " convolutions, " + architecture.name()
                    + " has " + wanted.size() + ")");
        }
    }
}
