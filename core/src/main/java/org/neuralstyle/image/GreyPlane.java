package org.neuralstyle.image;

/**
 * A single-channel plane (an alpha channel) carried as a grey {@link RgbImage}, so that it is turned and resized
 * by exactly the code that turns and resizes the colours it belongs to.
 */
final class GreyPlane {

    private GreyPlane() {
    }

    static RgbImage asImage(float[] plane, int width, int height) {
        float[] rgb = new float[plane.length * 3];
        for (int i = 0; i < plane.length; i++) {
            rgb[3 * i] = rgb[3 * i + 1] = rgb[3 * i + 2] = plane[i];
        }
        return new RgbImage(width, height, rgb);
    }

    static float[] of(RgbImage grey) {
        float[] rgb = grey.pixels();
        float[] plane = new float[rgb.length / 3];
        for (int i = 0; i < plane.length; i++) {
            plane[i] = rgb[3 * i];
        }
        return plane;
    }
}
