package org.neuralstyle.image;

import org.w3c.dom.Node;

import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.awt.image.ColorConvertOp;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.util.Optional;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * An ICC colour profile embedded in an image file whose decoder does not apply it, and the conversion of the
 * pixels to sRGB, the space the networks were trained in (crowsonkb/style-transfer-pytorch converts the same way).
 * The JPEG decoder (TwelveMonkeys) applies a JPEG's profile itself; the JDK's PNG decoder leaves a PNG's iCCP chunk
 * (PNG 1.2, section 4.2.2.4: profile name, 0, compression method 0, zlib-compressed profile) unapplied.
 */
final class EmbeddedProfile {

    private EmbeddedProfile() {
    }

    /** The RGB profile of a PNG's iCCP chunk, unless absent, unreadable, or sRGB itself. */
    static Optional<ICC_Profile> ofPng(IIOMetadata metadata) {
        if (metadata == null || !"javax_imageio_png_1.0".equals(metadata.getNativeMetadataFormatName())) {
            return Optional.empty();
        }
        Node root = metadata.getAsTree("javax_imageio_png_1.0");
        for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeName().equals("iCCP") && n instanceof IIOMetadataNode node
                    && node.getUserObject() instanceof byte[] stored) {
                return profile(inflated(stored));
            }
        }
        return Optional.empty();
    }

    private static Optional<ICC_Profile> profile(byte[] data) {
        try {
            ICC_Profile profile = ICC_Profile.getInstance(data);
            if (profile.getColorSpaceType() != ColorSpace.TYPE_RGB || isSrgb(profile)) {
                return Optional.empty();
            }
            return Optional.of(profile);
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // not a profile the JDK can use: the pixels are taken as sRGB, as viewers do
        }
    }

    /**
     * sRGB under any of its names: the JDK's own, or the profiles cameras and editors embed ("sRGB IEC61966-2.1",
     * "sRGB built-in", "sRGB v4 ICC preference"), whose bytes differ but whose colours are the same.
     */
    private static boolean isSrgb(ICC_Profile profile) {
        return java.util.Arrays.equals(profile.getData(), ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData())
                || describe(profile).toLowerCase(java.util.Locale.ROOT).startsWith("srgb");
    }

    /** The JDK keeps the chunk's profile compressed; an ICC profile has 'acsp' at byte 36. */
    private static byte[] inflated(byte[] stored) {
        if (stored.length > 40 && stored[36] == 'a' && stored[37] == 'c' && stored[38] == 's' && stored[39] == 'p') {
            return stored;
        }
        Inflater inflater = new Inflater();
        inflater.setInput(stored);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    break;
                }
                out.write(buffer, 0, n);
            }
        } catch (DataFormatException e) {
            return new byte[0];
        } finally {
            inflater.end();
        }
        return out.toByteArray();
    }

    /** A short name for messages: the profile's description tag, else "an embedded profile". */
    static String describe(ICC_Profile profile) {
        byte[] desc = profile.getData(ICC_Profile.icSigProfileDescriptionTag);
        if (desc != null && desc.length > 12 && desc[0] == 'd' && desc[1] == 'e' && desc[2] == 's' && desc[3] == 'c') {
            int length = ((desc[8] & 0xff) << 24) | ((desc[9] & 0xff) << 16) | ((desc[10] & 0xff) << 8) | (desc[11] & 0xff);
            int end = Math.min(desc.length, 12 + Math.max(0, length));
            String text = new String(desc, 12, end - 12, java.nio.charset.StandardCharsets.ISO_8859_1).replace("\0", "").trim();
            if (!text.isEmpty()) {
                return text;
            }
        }
        return "an embedded profile";
    }

    /** The image's RGB values, taken as in the profile's space, converted to sRGB (alpha is dropped). */
    static BufferedImage toSrgb(BufferedImage image, ICC_Profile profile) {
        int w = image.getWidth();
        int h = image.getHeight();
        ComponentColorModel model = new ComponentColorModel(new ICC_ColorSpace(profile), false, false,
                Transparency.OPAQUE, DataBuffer.TYPE_BYTE);
        WritableRaster raster = model.createCompatibleWritableRaster(w, h);
        int[] argb = image.getRGB(0, 0, w, h, null, 0, w);
        int[] row = new int[w * 3];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int p = argb[y * w + x];
                row[3 * x] = (p >> 16) & 0xff;
                row[3 * x + 1] = (p >> 8) & 0xff;
                row[3 * x + 2] = p & 0xff;
            }
            raster.setPixels(0, y, w, 1, row);
        }
        BufferedImage source = new BufferedImage(model, raster, false, null);
        BufferedImage srgb = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        new ColorConvertOp(null).filter(source, srgb);
        return srgb;
    }
}
