package org.neuralstyle.image;

import org.w3c.dom.Node;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOInvalidTreeException;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.plugins.tiff.BaselineTIFFTagSet;
import javax.imageio.plugins.tiff.TIFFDirectory;
import javax.imageio.plugins.tiff.TIFFField;
import javax.imageio.plugins.tiff.TIFFTag;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Iterator;

/**
 * Encodes pictures with ImageIO: 8- or 16-bit samples, an alpha channel, and an sRGB tag in each format's own way
 * (PNG: the sRGB chunk, PNG 1.2 section 4.2.2.5; JPEG: the sRGB ICC profile in APP2; TIFF: the ICC profile tag
 * 34675), so that colour-managed viewers and print drivers show the colours the networks were optimised in.
 */
final class ImageEncoder {

    private ImageEncoder() {
    }

    static boolean holds16Bits(String format) {
        return format.equals("png") || format.equals("tiff");
    }

    static boolean holdsAlpha(String format) {
        return format.equals("png") || format.equals("tiff");
    }

    /** RGB (0..255 floats) with an optional alpha plane (0..1) as 8- or 16-bit samples. */
    static BufferedImage withAlpha(RgbImage image, float[] alpha, int bitDepth) {
        boolean hasAlpha = alpha != null;
        ComponentColorModel model = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_sRGB), hasAlpha,
                false, hasAlpha ? Transparency.TRANSLUCENT : Transparency.OPAQUE,
                bitDepth == 16 ? DataBuffer.TYPE_USHORT : DataBuffer.TYPE_BYTE);
        int w = image.width();
        int h = image.height();
        WritableRaster raster = model.createCompatibleWritableRaster(w, h);
        int bands = hasAlpha ? 4 : 3;
        double max = bitDepth == 16 ? 65535 : 255;
        float[] px = image.pixels();
        int[] row = new int[w * bands];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                for (int c = 0; c < 3; c++) {
                    row[x * bands + c] = sample(px[3 * i + c] / 255.0, max);
                }
                if (hasAlpha) {
                    row[x * bands + 3] = sample(alpha[i], max);
                }
            }
            raster.setPixels(0, y, w, 1, row);
        }
        return new BufferedImage(model, raster, false, null);
    }

    private static int sample(double unit, double max) {
        return (int) Math.round(Math.max(0, Math.min(1, unit)) * max);
    }

    static void encode(BufferedImage image, String format, ImageEncoding encoding, OutputStream out) throws IOException {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName(format);
        if (!writers.hasNext()) {
            throw new ImageFormatException("no image writer for format " + format);
        }
        ImageWriter writer = writers.next();
        // In memory, not ImageIO's file cache: that registers a delete-on-exit hook, which fails while the JVM
        // shuts down, and an interrupted run writes its best image exactly then.
        try (ImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            if (format.equals("jpeg")) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(encoding.jpegQuality());
            }
            if (format.equals("tiff")) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionType("Deflate");
            }
            IIOMetadata metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image), param);
            tagSrgb(metadata, format);
            if (encoding.settings() != null) {
                embedSettings(metadata, format, encoding.settings());
            }
            writer.write(null, new IIOImage(image, null, metadata), param);
        } finally {
            writer.dispose();
        }
    }

    private static void tagSrgb(IIOMetadata metadata, String format) throws IOException {
        try {
            switch (format) {
                case "png" -> {
                    IIOMetadataNode root = new IIOMetadataNode("javax_imageio_png_1.0");
                    IIOMetadataNode srgb = new IIOMetadataNode("sRGB");
                    srgb.setAttribute("renderingIntent", "Perceptual");
                    root.appendChild(srgb);
                    metadata.mergeTree("javax_imageio_png_1.0", root);
                }
                case "jpeg" -> {
                    String name = metadata.getNativeMetadataFormatName();
                    Node root = metadata.getAsTree(name);
                    Node jfif = find(root, "app0JFIF");
                    if (jfif != null) {
                        IIOMetadataNode icc = new IIOMetadataNode("app2ICC");
                        icc.setUserObject(ICC_Profile.getInstance(ColorSpace.CS_sRGB));
                        jfif.appendChild(icc);
                        metadata.setFromTree(name, root);
                    }
                }
                case "tiff" -> {
                    TIFFDirectory directory = TIFFDirectory.createFromMetadata(metadata);
                    byte[] profile = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();
                    directory.addTIFFField(new TIFFField(BaselineTIFFTagSet.getInstance()
                            .getTag(BaselineTIFFTagSet.TAG_ICC_PROFILE), TIFFTag.TIFF_UNDEFINED, profile.length, profile));
                    IIOMetadata tagged = directory.getAsMetadata();
                    metadata.setFromTree(tagged.getNativeMetadataFormatName(),
                            tagged.getAsTree(tagged.getNativeMetadataFormatName()));
                }
                default -> {
                    // BMP: no colour tag; viewers take it as sRGB.
                }
            }
        } catch (IIOInvalidTreeException e) {
            throw new IOException("cannot tag the image sRGB: " + e.getMessage(), e);
        }
    }

    /** The settings that made the picture, in the format's place for text ({@link EmbeddedSettings}). */
    private static void embedSettings(IIOMetadata metadata, String format, String settings) throws IOException {
        try {
            switch (format) {
                case "png" -> {
                    IIOMetadataNode root = new IIOMetadataNode("javax_imageio_png_1.0");
                    IIOMetadataNode itxt = new IIOMetadataNode("iTXt");
                    IIOMetadataNode entry = new IIOMetadataNode("iTXtEntry");
                    entry.setAttribute("keyword", EmbeddedSettings.KEYWORD);
                    entry.setAttribute("compressionFlag", "FALSE");
                    entry.setAttribute("compressionMethod", "0");
                    entry.setAttribute("languageTag", "");
                    entry.setAttribute("translatedKeyword", "");
                    entry.setAttribute("text", EmbeddedSettings.ascii(settings));
                    itxt.appendChild(entry);
                    root.appendChild(itxt);
                    metadata.mergeTree("javax_imageio_png_1.0", root);
                }
                case "jpeg" -> {
                    String name = metadata.getNativeMetadataFormatName();
                    Node root = metadata.getAsTree(name);
                    Node markers = find(root, "markerSequence");
                    if (markers != null) {
                        IIOMetadataNode comment = new IIOMetadataNode("com");
                        comment.setAttribute("comment", EmbeddedSettings.asComment(settings));
                        markers.insertBefore(comment, markers.getFirstChild());
                        metadata.setFromTree(name, root);
                    }
                }
                case "tiff" -> {
                    TIFFDirectory directory = TIFFDirectory.createFromMetadata(metadata);
                    directory.addTIFFField(new TIFFField(BaselineTIFFTagSet.getInstance()
                            .getTag(BaselineTIFFTagSet.TAG_IMAGE_DESCRIPTION), TIFFTag.TIFF_ASCII, 1,
                            new String[] {EmbeddedSettings.asComment(settings)}));
                    IIOMetadata tagged = directory.getAsMetadata();
                    metadata.setFromTree(tagged.getNativeMetadataFormatName(),
                            tagged.getAsTree(tagged.getNativeMetadataFormatName()));
                }
                default -> {
                    // BMP has no place for text.
                }
            }
        } catch (IIOInvalidTreeException e) {
            throw new IOException("cannot record the settings in the image: " + e.getMessage(), e);
        }
    }

    private static Node find(Node node, String name) {
        if (node.getNodeName().equals(name)) {
            return node;
        }
        for (Node c = node.getFirstChild(); c != null; c = c.getNextSibling()) {
            Node found = find(c, name);
            if (found != null) {
                return found;
            }
        }
        return null;
    }
}
