package org.neuralstyle.algorithm;

import org.neuralstyle.image.RgbImage;
import org.tensorflow.Session;

import java.util.List;
import java.util.function.Function;

/**
 * Neural-neighbour style as a graph holds it, whole or tiled: the term ({@link NeighbourStyleTerm}), the search
 * for its targets ({@link NeighbourTargets}), and how that graph gives an image's hypercolumns. Owns the search's
 * keys; close it when done.
 */
final class NeighbourStyle implements AutoCloseable {

    private final NeighbourStyleTerm term;
    private final NeighbourTargets targets;
    private final Function<RgbImage, float[]> hypercolumnsOf;
    private final Session session;
    /** The content image, for the search image. */
    private RgbImage photo;

    NeighbourStyle(NeighbourStyleTerm term, NeighbourTargets targets, Function<RgbImage, float[]> hypercolumnsOf,
                   Session session) {
        this.term = term;
        this.targets = targets;
        this.hypercolumnsOf = hypercolumnsOf;
        this.session = session;
    }

    void setPhoto(RgbImage photo) {
        this.photo = photo;
    }

    /** The paintings (any size), each learnt from its part where one is given (null: all of it). */
    void setStyles(List<RgbImage> paintings, List<StyleRegion> parts) {
        targets.setStyles(paintings, parts, hypercolumnsOf, session);
    }

    /** Where each style is placed (null in the list: everywhere). */
    void setRegions(List<StyleRegion> regions) {
        targets.setRegions(regions);
    }

    /**
     * Searches the targets from the image the optimisation starts at, mixed with the photo
     * ({@link NeighbourTargets#startFrom}), and gives them to the term.
     */
    void startFrom(float[] pixels) {
        if (photo == null) {
            throw new IllegalStateException("set the content before the start");
        }
        term.set(targets.startFrom(photo, pixels, hypercolumnsOf, session));
    }

    @Override
    public void close() {
        targets.close();
    }
}
