package org.neuralstyle.weights;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.WireFormat;

import java.io.IOException;
import java.util.Arrays;

/** A growable float array filled from protobuf {@code repeated float} fields, packed or not. */
final class ProtobufFloats {

    private float[] values = new float[16];
    private int size;

    /** Reads one occurrence of the field whose tag was just read. */
    void read(CodedInputStream in, int tag) throws IOException {
        if (WireFormat.getTagWireType(tag) == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
            int bytes = in.readRawVarint32();
            ensure(size + bytes / 4);
            // Exactly as many as the length says: readFloat fails on a file that ends early, where a loop until
            // isAtEnd() would stop quietly and hand back a short array.
            for (int k = 0; k < bytes / 4; k++) {
                values[size++] = in.readFloat();
            }
        } else {
            ensure(size + 1);
            values[size++] = in.readFloat();
        }
    }

    boolean isEmpty() {
        return size == 0;
    }

    float[] toArray() {
        return Arrays.copyOf(values, size);
    }

    private void ensure(int capacity) {
        if (capacity > values.length) {
            values = Arrays.copyOf(values, Math.max(capacity, values.length * 2));
        }
    }
}
