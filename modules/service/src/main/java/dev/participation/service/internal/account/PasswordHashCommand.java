package dev.participation.service.internal.account;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Prints the stored form of a password so an administrator can put it in configuration
 * ({@code adminPasswordHash}, or {@code passwordHash} of a provisioned account) without the
 * password itself ever being written down:
 *
 * <pre>java -cp participation-service-*.jar dev.participation.service.internal.account.PasswordHashCommand</pre>
 *
 * It reads the password from the terminal without echo, or the first line of standard input
 * when that is a pipe.
 */
public final class PasswordHashCommand {

    private PasswordHashCommand() {
    }

    public static void main(String[] args) throws IOException {
        System.exit(run(System.console(), System.in, System.out, System.err));
    }

    static int run(Console console, java.io.InputStream in, PrintStream out, PrintStream err) throws IOException {
        char[] password;
        if (console != null) {
            password = console.readPassword("Password (at least %d characters): ", AccountRules.MIN_PASSWORD);
        } else {
            String line = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
            password = line == null ? null : line.toCharArray();
        }
        try {
            AccountRules.checkPassword(password, null, null);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage() + ".");
            return 2;
        }
        out.println(new PasswordHasher().hash(password));
        Arrays.fill(password, '\0');
        return 0;
    }
}
