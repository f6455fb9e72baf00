package org.neuralstyle.image;

/**
 * Björn Ottosson's Oklab colour space (https://bottosson.github.io/posts/oklab/): a lightness L (0 black, 1 white)
 * and two opponent axes a (green-red) and b (blue-yellow), built so that equal steps look about equally large and
 * hue stays put as lightness or chroma change, which a colour step on chroma alone needs. From sRGB 0..255 through
 * linear light (IEC 61966-2-1's transfer curve), as Ottosson defines it. Values come three a pixel, L a b.
 */
public final class OkLab {

    private OkLab() {
    }

    /** The image's pixels as L, a, b, three a pixel. */
    public static double[] of(RgbImage image) {
        float[] px = image.pixels();
        double[] lab = new double[px.length];
        for (int i = 0; i < px.length; i += 3) {
            double r = linear(px[i]);
            double g = linear(px[i + 1]);
            double b = linear(px[i + 2]);
            double l = Math.cbrt(0.4122214708 * r + 0.5363325363 * g + 0.0514459929 * b);
            double m = Math.cbrt(0.2119034982 * r + 0.6806995451 * g + 0.1073969566 * b);
            double s = Math.cbrt(0.0883024619 * r + 0.2817188376 * g + 0.6299787005 * b);
            lab[i] = 0.2104542553 * l + 0.7936177850 * m - 0.0040720468 * s;
            lab[i + 1] = 1.9779984951 * l - 2.4285922050 * m + 0.4505937099 * s;
            lab[i + 2] = 0.0259040371 * l + 0.7827717662 * m - 0.8086757660 * s;
        }
        return lab;
    }

    /** An image of the given size from L, a, b values, three a pixel; colours outside sRGB clipped to it. */
    public static RgbImage toImage(double[] lab, int width, int height) {
        float[] px = new float[lab.length];
        for (int i = 0; i < lab.length; i += 3) {
            double l = cube(lab[i] + 0.3963377774 * lab[i + 1] + 0.2158037573 * lab[i + 2]);
            double m = cube(lab[i] - 0.1055613458 * lab[i + 1] - 0.0638541728 * lab[i + 2]);
            double s = cube(lab[i] - 0.0894841775 * lab[i + 1] - 1.2914855480 * lab[i + 2]);
            px[i] = encoded(4.0767416621 * l - 3.3077115913 * m + 0.2309699292 * s);
            px[i + 1] = encoded(-1.2684380046 * l + 2.6097574011 * m - 0.3413193965 * s);
            px[i + 2] = encoded(-0.0041960863 * l - 0.7034186147 * m + 1.7076147010 * s);
        }
        return new RgbImage(width, height, px);
    }

    /** sRGB 0..255 to linear light 0..1. */
    private static double linear(float value) {
        double c = Math.max(0, Math.min(1, value / 255.0));
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }

    /** Linear light to sRGB 0..255, clipped to the range. */
    private static float encoded(double linear) {
        double c = Math.max(0, Math.min(1, linear));
        double v = c <= 0.0031308 ? 12.92 * c : 1.055 * Math.pow(c, 1 / 2.4) - 0.055;
        return (float) (255 * v);
    }

    private static double cube(double x) {
        return x * x * x;
    }
}
