package io.hallq.controller.web;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Prints the hash of a password for the {@code web.users[].passwordHash} config key. Reads the password
 * from the terminal without echo, or from the first line of standard input when piped; never from the
 * command line, where it would end up in the shell history.
 */
public final class HashPassword {

    private HashPassword() {}

    public static void main(String[] args) {
        char[] password = read();
        if (password == null || password.length == 0) {
            System.err.println("hash-password: no password given (type it, or pipe it on standard input)");
            System.exit(2);
        }
        System.out.println(PasswordHash.hash(password));
    }

    private static char[] read() {
        Console console = System.console();
        if (console != null) {
            return console.readPassword("Password: ");
        }
        try {
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            return line == null ? null : line.toCharArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
