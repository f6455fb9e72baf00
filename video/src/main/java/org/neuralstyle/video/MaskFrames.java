package org.neuralstyle.video;

import org.neuralstyle.algorithm.StyleImage;
import org.neuralstyle.algorithm.StyleRegion;
import org.neuralstyle.image.ImageFiles;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Masks that move with a video: per style, a mask image for every frame (a folder of them, in name order), or none
 * (the style keeps the region it was given, or everywhere).
 *
 * @param perStyle per style, its mask frames in order, or an empty list
 */
public record MaskFrames(List<List<Path>> perStyle) {

    public MaskFrames {
        perStyle = perStyle.stream().map(List::copyOf).toList();
    }

    /** Each style's region at frame k (from 1): its mask frame k, else its own region. */
    public List<StyleRegion> regionsAt(int k, List<StyleImage> styles) throws IOException {
        List<StyleRegion> regions = new ArrayList<>();
        for (int i = 0; i < styles.size(); i++) {
            List<Path> frames = perStyle.get(i);
            regions.add(frames.isEmpty() ? styles.get(i).region() : StyleRegion.ofMask(ImageFiles.read(frames.get(k - 1))));
        }
        return regions;
    }
}
