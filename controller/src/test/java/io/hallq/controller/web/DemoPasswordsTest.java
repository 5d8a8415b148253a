package io.hallq.controller.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallq.controller.web.WebConfig.Role;
import io.hallq.controller.web.WebConfig.WebUser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every (user, candidate) pair is checked; only clean hashes are remembered. */
class DemoPasswordsTest {

    @TempDir
    Path dir;

    private static String sha256(String s) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    private static WebUser user(String name, String password) {
        return new WebUser(name, Role.STAFF, List.of(1), PasswordHash.hash(password.toCharArray(), 1000));
    }

    @Test
    void findsEachKindOfGuessablePassword_amongManyUsers_andRemembersOnlyTheCleanOnes() throws Exception {
        List<WebUser> users = List.of(user("li", "li"), user("wang", "wang-demo"), user("zhao", "manager-demo"),
                user("chen", "a hall's own password"), user("sun", "another of the hall's own"));
        assertEquals(List.of("li", "wang", "zhao"), DemoPasswords.offenders(users, dir));
        List<String> remembered = Files.readAllLines(dir.resolve(DemoPasswords.CACHE_FILE));
        for (WebUser u : users) { // (the file also holds what other checks in this process found clean)
            boolean clean = u.name().equals("chen") || u.name().equals("sun");
            assertEquals(clean, remembered.contains(sha256(u.passwordHash())), u.name());
        }
        assertTrue(remembered.stream().noneMatch(l -> l.contains("pbkdf2")), "hashes of the hashes only");
        assertEquals(List.of("li", "wang", "zhao"), DemoPasswords.offenders(users, dir), "offenders are never cached");
    }
}
