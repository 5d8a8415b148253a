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

    private static WebUser user(String name, String password) {
        return new WebUser(name, Role.STAFF, List.of(1), PasswordHash.hash(password.toCharArray(), 1000));
    }

    @Test
    void findsEachKindOfGuessablePassword_amongManyUsers_andRemembersOnlyTheCleanOnes() throws Exception {
        List<WebUser> users = List.of(user("li", "li"), user("wang", "wang-demo"), user("zhao", "manager-demo"),
                user("chen", "a hall's own password"), user("sun", "another of the hall's own"));
        assertEquals(List.of("li", "wang", "zhao"), DemoPasswords.offenders(users, dir));
        List<String> remembered = Files.readAllLines(dir.resolve(DemoPasswords.CACHE_FILE));
        assertEquals(2, remembered.size(), remembered.toString());
        assertTrue(remembered.stream().noneMatch(l -> l.contains("pbkdf2")), "hashes of the hashes only");
        assertEquals(List.of("li", "wang", "zhao"), DemoPasswords.offenders(users, dir), "offenders are never cached");
    }
}
