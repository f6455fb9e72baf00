package org.neuralstyle.models;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/** An expected digest of a file, e.g. MD5 or SHA-256, as lowercase hex. */
public record Checksum(String algorithm, String hex) {

    public Checksum {
        hex = hex.toLowerCase(Locale.ROOT);
        digest(algorithm); // fails early for an unknown algorithm
    }

    public MessageDigest newDigest() {
        return digest(algorithm);
    }

    public boolean matches(MessageDigest finished) {
        return HexFormat.of().formatHex(finished.digest()).equals(hex);
    }

    /** The digest of a whole file, as lowercase hex. */
    public static String of(Path file, String algorithm) throws IOException {
        MessageDigest digest = digest(algorithm);
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    public boolean matches(Path file) throws IOException {
        return of(file, algorithm).equals(hex);
    }

    @Override
    public String toString() {
        return algorithm + " " + hex;
    }

    private static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalArgumentException("unknown checksum algorithm " + algorithm, e);
        }
    }
}
