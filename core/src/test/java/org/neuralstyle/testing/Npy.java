package org.neuralstyle.testing;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads little-endian float32 NumPy .npy files (format 1.x/2.x, C order). */
public final class Npy {

    private Npy() {
    }

    public static float[] readFloats(Path file) throws IOException {
        ByteBuffer buf = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        int major = buf.get(6);
        int headerLength = major == 1 ? Short.toUnsignedInt(buf.getShort(8)) : buf.getInt(8);
        int start = (major == 1 ? 10 : 12) + headerLength;
        String header = new String(buf.array(), 0, start, StandardCharsets.ISO_8859_1);
        if (!header.contains("'<f4'") || header.contains("'fortran_order': True")) {
            throw new IOException(file + ": expected little-endian float32 in C order: " + header.trim());
        }
        buf.position(start);
        float[] values = new float[buf.remaining() / 4];
        buf.asFloatBuffer().get(values);
        return values;
    }
}
