package org.neuralstyle.algorithm;

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
    /** The temporal term, or null for a single image. */
    final TemporalTerm temporal;
    /** The terms after content and style, in the order {@link LossTerms} shows them: tv, then temporal. */
    final List<SummedTerm> others = new ArrayList<>();

    /** @param channels every style layer's channel count */
    SummedTerms(LossSpec spec, Extent extent, Map<String, Integer> channels) {
        content = spec.contentLoss() == ContentLoss.MSE
                ? new ContentTerm(spec.contentLayers(), extent, spec.contentWeight()) : null;
        Map<String, Integer> styleChannels = new LinkedHashMap<>();
        spec.styleLayers().keySet().forEach(layer -> styleChannels.put(layer, channels.get(layer)));
        style = spec.styleLoss() == StyleLoss.Kind.NEIGHBOURS ? null : new StyleTerm(styleChannels,
                spec.styleLayers(), spec.styleBlend(), spec.styleWeight(), spec.styleLoss().loss(), spec.styleRegions(),
                extent);
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
        all.addAll(others);
        return all;
    }
}
