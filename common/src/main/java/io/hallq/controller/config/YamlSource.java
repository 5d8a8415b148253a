package io.hallq.controller.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Turns the YAML text into a Jackson tree, or reports with line and column why it cannot. Before building the
 * tree it walks the tokens once to catch what Jackson would otherwise accept silently with a different meaning:
 * aliases (read as the anchor's name), numbers with a leading zero (read as octal), duplicate keys (the last
 * one wins) and a second document (ignored).
 */
public final class YamlSource {

    // duplicate keys are found by the scan, which can say where the duplicate is; Jackson's own check cannot
    private static final ObjectMapper MAPPER = new ObjectMapper(new YAMLFactory());

    private YamlSource() {}

    /** The document's tree, or null after the reasons have been recorded in {@code problems}. */
    public static JsonNode read(String text, ConfigProblems problems) {
        try {
            int known = problems.errors().size();
            scan(text, problems);
            if (problems.errors().size() > known) {
                return null;
            }
            JsonNode root = MAPPER.readTree(text);
            if (root == null || root.isMissingNode()) {
                problems.add("", "the file is empty;"
                        + " expected the sections hall, hours, services, classes and counters");
                return null;
            }
            return root;
        } catch (JsonProcessingException e) {
            reportSyntax(e, problems);
            return null;
        } catch (IOException e) {
            problems.add("", "cannot read the YAML text: " + e.getMessage());
            return null;
        }
    }

    private static void scan(String text, ConfigProblems problems) throws IOException {
        try (YAMLParser parser = (YAMLParser) MAPPER.createParser(text)) {
            Deque<Set<String>> keysPerLevel = new ArrayDeque<>();
            boolean rootDone = false;
            for (JsonToken t = parser.nextToken(); t != null; t = parser.nextToken()) {
                JsonLocation at = parser.currentTokenLocation();
                if (rootDone) {
                    problems.addAt(at.getLineNr(), at.getColumnNr(),
                            "a second YAML document ('---'); the file must hold exactly one");
                    return;
                }
                if (t.isStructStart()) {
                    keysPerLevel.push(new HashSet<>());
                } else if (t.isStructEnd()) {
                    keysPerLevel.pop();
                } else if (t == JsonToken.FIELD_NAME && !keysPerLevel.getFirst().add(parser.currentName())) {
                    problems.addAt(at.getLineNr(), at.getColumnNr(), "duplicate key '" + parser.currentName()
                            + "'; YAML would silently keep only the last one");
                } else {
                    checkScalar(parser, t, at, problems);
                }
                rootDone = keysPerLevel.isEmpty();
            }
        }
    }

    private static void checkScalar(YAMLParser parser, JsonToken t, JsonLocation at, ConfigProblems problems)
            throws IOException {
        if (parser.isCurrentAlias()) {
            problems.addAt(at.getLineNr(), at.getColumnNr(), "the alias *" + parser.getText()
                    + " is not supported; write the value out in full");
        } else if (t == JsonToken.VALUE_NUMBER_INT && parser.getText().matches("[-+]?0[0-9_]+")) {
            problems.addAt(at.getLineNr(), at.getColumnNr(), "the number " + parser.getText()
                    + " starts with 0, which YAML reads as octal (" + parser.getText() + " = " + parser.getLongValue()
                    + "); drop the leading zero, or put it in quotes if it is meant as text");
        }
    }

    private static void reportSyntax(JsonProcessingException e, ConfigProblems problems) {
        if (e.getCause() instanceof MarkedYAMLException yaml && yaml.getProblemMark() != null) {
            Mark mark = yaml.getProblemMark();
            String context = yaml.getContext() == null ? "" : " (" + yaml.getContext() + contextAt(yaml) + ")";
            problems.addAt(mark.getLine() + 1, mark.getColumn() + 1,
                    "YAML syntax error: " + yaml.getProblem() + context);
            return;
        }
        JsonLocation at = e.getLocation();
        String message = e.getOriginalMessage();
        if (at == null) {
            problems.add("", "YAML error: " + message);
        } else {
            problems.addAt(at.getLineNr(), at.getColumnNr(), "YAML error: " + message);
        }
    }

    private static String contextAt(MarkedYAMLException yaml) {
        Mark mark = yaml.getContextMark();
        return mark == null ? "" : " at line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1);
    }
}
