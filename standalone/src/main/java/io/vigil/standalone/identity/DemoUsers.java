package io.vigil.standalone.identity;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The demo issuer's people: two moderators (for the claim conflict), a senior and a viewer, each with a password
 * made at random on first start and kept under the data directory (the demo prints them).
 */
public final class DemoUsers {

    /** One demo user and the roles the issuer puts in the token's roles claim. */
    public record User(String username, String password, List<String> roles) {
    }

    static final String FILE = "users.json";
    private static final List<User> PEOPLE = List.of(
            new User("alice", "", List.of("moderator")),
            new User("bob", "", List.of("moderator")),
            new User("sam", "", List.of("senior", "child-safety")),
            new User("val", "", List.of("viewer")));

    private final Map<String, User> users;

    private DemoUsers(Map<String, User> users) {
        this.users = users;
    }

    public static DemoUsers readOrCreate(Path identityDir) {
        Path file = identityDir.resolve(FILE);
        ObjectMapper json = new ObjectMapper();
        try {
            if (Files.exists(file)) {
                List<User> stored = json.readValue(file.toFile(), new TypeReference<List<User>>() { });
                Map<String, User> byName = new LinkedHashMap<>();
                stored.forEach(u -> byName.put(u.username(), u));
                return new DemoUsers(byName);
            }
            Files.createDirectories(identityDir);
            SecureRandom random = new SecureRandom();
            Map<String, User> byName = new LinkedHashMap<>();
            for (User person : PEOPLE) {
                byte[] secret = new byte[12];
                random.nextBytes(secret);
                byName.put(person.username(), new User(person.username(),
                        Base64.getUrlEncoder().withoutPadding().encodeToString(secret), person.roles()));
            }
            Path temporary = Files.createTempFile(identityDir, "users", ".tmp");
            try {
                Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system
            }
            json.writerWithDefaultPrettyPrinter().writeValue(temporary.toFile(), List.copyOf(byName.values()));
            Files.move(temporary, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return new DemoUsers(byName);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot read or write the demo users under " + identityDir, e);
        }
    }

    public List<User> all() {
        return List.copyOf(users.values());
    }

    public Optional<User> get(String username) {
        return Optional.ofNullable(users.get(username));
    }

    /** The user, if the password is right (compared in constant time). */
    public Optional<User> authenticate(String username, String password) {
        User user = username == null ? null : users.get(username);
        if (user == null || password == null) {
            return Optional.empty();
        }
        boolean match = MessageDigest.isEqual(user.password().getBytes(java.nio.charset.StandardCharsets.UTF_8),
                password.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return match ? Optional.of(user) : Optional.empty();
    }
}
