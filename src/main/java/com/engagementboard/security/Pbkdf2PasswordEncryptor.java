package com.engagementboard.security;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.camunda.bpm.engine.impl.digest.PasswordEncryptionException;
import org.camunda.bpm.engine.impl.digest.PasswordEncryptor;

/**
 * A slow, salted password hash for Camunda's identity service: PBKDF2 with HMAC-SHA-256 (JDK), a
 * random 16-byte salt per hash, and the iteration count stored with each hash:
 * {@code {PBKDF2-SHA256}310000$<salt>$<hash>} (Camunda adds the prefix). Raising the iterations later
 * leaves existing hashes valid. Camunda keeps checking its older SHA-512 hashes as before.
 */
class Pbkdf2PasswordEncryptor implements PasswordEncryptor {

    static final String ALGORITHM = "PBKDF2-SHA256";

    private static final String JCA_NAME = "PBKDF2WithHmacSHA256";
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;

    private final int iterations;
    private final SecureRandom random = new SecureRandom();

    Pbkdf2PasswordEncryptor(int iterations) {
        if (iterations < 1) {
            throw new IllegalArgumentException("PBKDF2 needs at least one iteration, got " + iterations);
        }
        this.iterations = iterations;
    }

    @Override
    public String encrypt(String password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        return iterations + "$" + base64(salt) + "$" + base64(hash(password, salt, iterations));
    }

    @Override
    public boolean check(String password, String encrypted) {
        String[] parts = encrypted.split("\\$");
        if (parts.length != 3) {
            return false;
        }
        try {
            int storedIterations = Integer.parseInt(parts[0]);
            byte[] salt = Base64.getDecoder().decode(parts[1]);
            byte[] expected = Base64.getDecoder().decode(parts[2]);
            return storedIterations > 0
                    && MessageDigest.isEqual(expected, hash(password, salt, storedIterations));
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }

    @Override
    public String hashAlgorithmName() {
        return ALGORITHM;
    }

    private static byte[] hash(String password, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, HASH_BITS);
        try {
            return SecretKeyFactory.getInstance(JCA_NAME).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new PasswordEncryptionException("PBKDF2 is not available: " + e.getMessage());
        } finally {
            spec.clearPassword();
        }
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().withoutPadding().encodeToString(bytes);
    }
}
