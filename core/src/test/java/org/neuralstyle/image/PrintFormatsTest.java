package org.neuralstyle.image;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.plugins.tiff.BaselineTIFFTagSet;
import javax.imageio.plugins.tiff.TIFFDirectory;
import javax.imageio.stream.ImageInputStream;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import java.util.zip.DeflaterOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Output for print: 16-bit PNG and TIFF, JPEG quality, sRGB tags, alpha kept; embedded ICC profiles applied. */
class PrintFormatsTest {

    @TempDir
    Path dir;

    /** A gradient with values between the 8-bit steps, which only 16 bits keep. */
    private static RgbImage fineGradient() {
        int w = 64;
        int h = 4;
        float[] px = new float[w * h * 3];
        for (int i = 0; i < w * h; i++) {
            float v = 100 + (i % w) / 16f; // 100, 100.0625, ... 103.94
            px[3 * i] = v;
            px[3 * i + 1] = 255 - v;
            px[3 * i + 2] = v / 2;
        }
        return new RgbImage(w, h, px);
    }

    @Test
    void sixteenBitPngAndTiffKeepWhatEightBitsRound() throws IOException {
        RgbImage image = fineGradient();
        for (String name : new String[] {"out.png", "out.tif"}) {
            Path file = dir.resolve(name);
            ImageFiles.write(image, null, file, new ImageEncoding(16, 0.95f));
            BufferedImage back = ImageIO.read(file.toFile());
            assertThat(back.getRaster().getDataBuffer().getDataType()).as(name).isEqualTo(DataBuffer.TYPE_USHORT);
            int[] sample = new int[3];
            for (int x = 0; x < 64; x++) {
                back.getRaster().getPixel(x, 1, sample);
                float[] px = image.pixels();
                int i = 64 + x;
                assertThat(sample[0] / 257.0).as(name + " red at " + x).isCloseTo(px[3 * i], within(0.5 / 257 + 1e-9));
                assertThat(sample[1] / 257.0).isCloseTo(px[3 * i + 1], within(0.5 / 257 + 1e-9));
            }
        }
        // 8 bits cannot tell 100.0 from 100.06: 16 bits can.
        Path eight = dir.resolve("eight.png");
        ImageFiles.write(image, eight);
        assertThat(ImageIO.read(eight.toFile()).getRaster().getDataBuffer().getDataType()).isEqualTo(DataBuffer.TYPE_BYTE);
    }

    @Test
    void sixteenBitsInAJpegIsRefusedNamingTheFile() {
        Path file = dir.resolve("out.jpg");
        assertThatThrownBy(() -> ImageFiles.write(fineGradient(), null, file, new ImageEncoding(16, 0.95f)))
                .isInstanceOf(ImageFormatException.class).hasMessageContaining(file.toString())
                .hasMessageContaining(".png or .tif");
        assertThat(file).doesNotExist();
    }

    @Test
    void jpegQualityIsTheOneAsked() throws IOException {
        RgbImage noisy = RgbImage.filled(96, 96, 0, 0, 0);
        java.util.Random random = new java.util.Random(3);
        float[] px = noisy.pixels();
        for (int i = 0; i < px.length; i++) {
            px[i] = random.nextInt(256);
        }
        RgbImage image = new RgbImage(96, 96, px);
        Path low = dir.resolve("low.jpg");
        Path high = dir.resolve("high.jpg");
        ImageFiles.write(image, null, low, new ImageEncoding(8, 0.3f));
        ImageFiles.write(image, null, high, new ImageEncoding(8, 0.98f));
        assertThat(Files.size(low)).isLessThan(Files.size(high) / 2);
    }

    @Test
    void everyFormatIsTaggedSrgb() throws IOException {
        RgbImage image = fineGradient();
        Path png = dir.resolve("t.png");
        Path jpg = dir.resolve("t.jpg");
        Path tif = dir.resolve("t.tif");
        ImageFiles.write(image, png);
        ImageFiles.write(image, jpg);
        ImageFiles.write(image, tif);
        // PNG: an sRGB chunk; JPEG: an APP2 ICC_PROFILE segment; TIFF: the ICC profile tag holding sRGB.
        assertThat(new String(Files.readAllBytes(png), StandardCharsets.ISO_8859_1)).contains("sRGB");
        assertThat(new String(Files.readAllBytes(jpg), StandardCharsets.ISO_8859_1)).contains("ICC_PROFILE");
        try (ImageInputStream in = ImageIO.createImageInputStream(tif.toFile())) {
            ImageReader reader = ImageIO.getImageReaders(in).next();
            reader.setInput(in);
            TIFFDirectory tiff = TIFFDirectory.createFromMetadata(reader.getImageMetadata(0));
            byte[] profile = tiff.getTIFFField(BaselineTIFFTagSet.TAG_ICC_PROFILE).getAsBytes();
            assertThat(profile).isEqualTo(ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData());
            reader.dispose();
        }
        // and the pixels read back as written
        assertThat(ImageFiles.read(jpg).pixels()[0]).isCloseTo(100f, within(3f));
        assertThat(ImageFiles.read(tif).pixels()[0]).isCloseTo(100f, within(0.5f));
    }

    @Test
    void alphaIsReadAndWrittenBackUnchanged() throws IOException {
        BufferedImage argb = new BufferedImage(10, 6, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < 6; y++) {
            for (int x = 0; x < 10; x++) {
                argb.setRGB(x, y, ((x * 25) << 24) | (200 << 16) | (100 << 8) | 50);
            }
        }
        Path in = dir.resolve("in.png");
        ImageIO.write(argb, "png", in.toFile());
        DecodedImage decoded = ImageFiles.decode(in);
        assertThat(decoded.hasAlpha()).isTrue();
        assertThat(decoded.alpha()[3]).isCloseTo(75 / 255f, within(1e-6f));
        // Colours are composited on white for the networks: alpha 0 is white.
        assertThat(decoded.image().pixels()[0]).isEqualTo(255f);

        for (String name : new String[] {"out.png", "out.tif"}) {
            for (int depth : new int[] {8, 16}) {
                Path out = dir.resolve(depth + name);
                ImageFiles.write(decoded.image(), decoded.alpha(), out, new ImageEncoding(depth, 0.95f));
                DecodedImage back = ImageFiles.decode(out);
                assertThat(back.alpha()).as(depth + name).containsExactly(decoded.alpha(), within(0.5f / 255));
            }
        }
        // An opaque image has no alpha plane.
        ImageIO.write(new BufferedImage(4, 4, BufferedImage.TYPE_INT_ARGB) {{
            for (int y = 0; y < 4; y++) {
                for (int x = 0; x < 4; x++) {
                    setRGB(x, y, 0xff336699);
                }
            }
        }}, "png", dir.resolve("opaque.png").toFile());
        assertThat(ImageFiles.decode(dir.resolve("opaque.png")).hasAlpha()).isFalse();
    }

    /**
     * A photo in a wide-gamut or linear space carries its ICC profile; read as sRGB its colours would be wrong.
     * The fixtures embed the JDK's linear-RGB profile the way the specifications put a profile in a file: PNG's
     * iCCP chunk after IHDR (PNG 1.2, 4.2.2.4: name, 0, method 0, zlib data), JPEG's APP2 "ICC_PROFILE\0" with
     * sequence 1 of 1 after SOI (ICC.1:2010 Annex B.4), as cameras and image editors write them.
     */
    @Test
    void anEmbeddedNonSrgbProfileIsConvertedToSrgb() throws IOException {
        BufferedImage plain = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 8; x++) {
                plain.setRGB(x, y, (128 << 16) | (64 << 8) | 200);
            }
        }
        Path png = dir.resolve("plain.png");
        Path jpg = dir.resolve("plain.jpg");
        ImageIO.write(plain, "png", png.toFile());
        ImageIO.write(plain, "jpeg", jpg.toFile());
        byte[] profile = ICC_Profile.getInstance(ColorSpace.CS_LINEAR_RGB).getData();
        Path linearPng = dir.resolve("linear.png");
        Path linearJpg = dir.resolve("linear.jpg");
        Files.write(linearPng, withIccpChunk(Files.readAllBytes(png), profile));
        Files.write(linearJpg, withApp2Profile(Files.readAllBytes(jpg), profile));

        float[] expected = ColorSpace.getInstance(ColorSpace.CS_LINEAR_RGB).toRGB(new float[] {128 / 255f, 64 / 255f, 200 / 255f});
        for (Path file : new Path[] {linearPng, linearJpg}) {
            DecodedImage decoded = ImageFiles.decode(file);
            float[] px = decoded.image().pixels();
            assertThat(px[0]).as(file.toString()).isCloseTo(expected[0] * 255, within(3f));
            assertThat(px[1]).isCloseTo(expected[1] * 255, within(3f));
            assertThat(px[2]).isCloseTo(expected[2] * 255, within(3f));
        }
        assertThat(ImageFiles.decode(linearPng).convertedFrom()).isNotNull();
        // Without the profile the same file is taken as sRGB.
        assertThat(ImageFiles.read(png).pixels()[0]).isEqualTo(128f);
        assertThat(ImageFiles.decode(png).convertedFrom()).isNull();
    }

    private static byte[] withIccpChunk(byte[] png, byte[] profile) throws IOException {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (DeflaterOutputStream z = new DeflaterOutputStream(compressed)) {
            z.write(profile);
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write("linear RGB".getBytes(StandardCharsets.ISO_8859_1));
        body.write(0);
        body.write(0);
        body.write(compressed.toByteArray());
        byte[] type = "iCCP".getBytes(StandardCharsets.ISO_8859_1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(png, 0, 33); // signature (8) and IHDR (4 length + 4 type + 13 data + 4 CRC)
        DataOutputStream chunk = new DataOutputStream(out);
        chunk.writeInt(body.size());
        chunk.write(type);
        chunk.write(body.toByteArray());
        CRC32 crc = new CRC32();
        crc.update(type);
        crc.update(body.toByteArray());
        chunk.writeInt((int) crc.getValue());
        out.write(png, 33, png.length - 33);
        return out.toByteArray();
    }

    private static byte[] withApp2Profile(byte[] jpeg, byte[] profile) throws IOException {
        ByteArrayOutputStream segment = new ByteArrayOutputStream();
        segment.write("ICC_PROFILE".getBytes(StandardCharsets.ISO_8859_1));
        segment.write(0);
        segment.write(1); // sequence number
        segment.write(1); // of 1
        segment.write(profile);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2); // SOI
        DataOutputStream app2 = new DataOutputStream(out);
        app2.writeShort(0xFFE2);
        app2.writeShort(segment.size() + 2);
        app2.write(segment.toByteArray());
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }
}
