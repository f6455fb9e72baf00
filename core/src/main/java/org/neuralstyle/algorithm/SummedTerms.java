package org.neuralstyle.algorithm;

import org.neuralstyle.network.NetworkArchitecture;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The terms of a loss that are sums over the image's positions, made from its spec: the one place both graphs,
 * whole ({@link StyleTransferGraph}) and tiled ({@link TiledStyleTransferGraph}), take them from, so that a new
 * such term is written once and joins both.
 */
final class SummedTerms {

    /** The feature MSE content term, or null where the content is held another way (self-similarity). */
    final ContentTerm content;
    /** The statistics style term (Gram, W2), or null (neural neighbours). */
    final StyleTerm style;
    /** The neural-neighbour style term, or null (a loss of statistics). */
    final NeighbourStyleTerm neighbours;
    /** The temporal term, or null for a single image. */
    final TemporalTerm temporal;
    /** The terms after content and style, in the order {@link LossTerms} shows them: tv, then temporal. */
    final List<SummedTerm> others = new ArrayList<>();

    /** For an image of that extent seen by a network of that architecture. */
    SummedTerms(LossSpec spec, Extent extent, NetworkArchitecture architecture) {
        content = spec.contentLoss() == ContentLoss.MSE
                ? new ContentTerm(spec.contentLayers(), extent, spec.contentWeight()) : null;
        Map<String, Integer> styleChannels = new LinkedHashMap<>();
        Map<String, Integer> styleStrides = new LinkedHashMap<>();
        for (String layer : spec.styleLayers().keySet()) {
            styleChannels.put(layer, architecture.outputChannels(layer));
            styleStrides.put(layer, architecture.stride(layer));
        }
        boolean byNeighbours = spec.styleLoss() == StyleLoss.Kind.NEIGHBOURS;
        style = byNeighbours ? null : new StyleTerm(styleChannels, spec.styleLayers(), spec.styleBlend(),
                spec.styleWeight(), spec.styleLoss().loss(), spec.styleRegions(), extent);
        neighbours = !byNeighbours ? null : new NeighbourStyleTerm(spec.styleLayers(), styleChannels, styleStrides,
                Hypercolumns.aligned(architecture), spec.styleWeight(), extent.width(), extent.height());
        temporal = spec.hasTemporalTerm() ? new TemporalTerm(extent, spec.temporalWeight()) : null;
        others.add(new TotalVariationTerm(extent, spec.tvWeight()));
        if (temporal != null) {
            others.add(temporal);
        }
    }

    /** Every one there is, in the order {@link LossTerms} shows them. */
    List<SummedTerm> all() {
        List<SummedTerm> all = new ArrayList<>();
        if (content != null) {
            all.add(content);
        }
        if (style != null) {
            all.add(style);
        }
        if (neighbours != null) {
            all.add(neighbours);
        }
        all.addAll(others);
        return all;
    }
}
