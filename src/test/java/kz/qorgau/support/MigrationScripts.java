package kz.qorgau.support;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A migration's statements, to run again by hand as Flyway runs a non-transactional script: one by one. A statement
 * ends with a semicolon at the end of a line outside a dollar-quoted body; comment lines are left out.
 */
public final class MigrationScripts {

    private MigrationScripts() {}

    public static List<String> statements(String resource) throws IOException {
        String script;
        try (InputStream in = MigrationScripts.class.getClassLoader().getResourceAsStream(resource)) {
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<String> statements = new ArrayList<>();
        StringBuilder statement = new StringBuilder();
        boolean inBody = false;
        for (String line : script.lines().filter(line -> !line.startsWith("--")).toList()) {
            statement.append(line).append('\n');
            if (line.contains("$$")) {
                inBody = !inBody;
            }
            if (!inBody && line.strip().endsWith(";")) {
                statements.add(statement.toString().strip());
                statement.setLength(0);
            }
        }
        if (!statement.toString().isBlank()) {
            throw new IllegalStateException(resource + " ends inside a statement");
        }
        return statements;
    }
}
