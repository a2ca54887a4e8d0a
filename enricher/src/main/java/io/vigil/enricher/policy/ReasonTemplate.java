package io.vigil.enricher.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A rule's reason text with {placeholders}, checked against the rule's scope when the policy is loaded. */
public final class ReasonTemplate {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z0-9.-]+)}");

    private final String text;
    private final List<String> names;

    private ReasonTemplate(String text, List<String> names) {
        this.text = text;
        this.names = List.copyOf(names);
    }

    /** Parses a template; problems (a brace that opens no valid placeholder, a name the scope cannot say) are added to {@code problems}. */
    static ReasonTemplate parse(String text, Scope scope, String path, List<String> problems) {
        List<String> names = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(text);
        int checked = 0;
        while (m.find()) {
            checkBraces(text.substring(checked, m.start()), path, problems);
            checked = m.end();
            String name = m.group(1);
            var scopes = Placeholders.scopesOf(name);
            if (scopes.isEmpty()) {
                problems.add(path + ": unknown placeholder {" + name + "} (this rule can say: " + Placeholders.namesIn(scope) + ")");
            } else if (!scopes.get().contains(scope)) {
                problems.add(path + ": placeholder {" + name + "} is not known to a rule " + describe(scope)
                        + " (this rule can say: " + Placeholders.namesIn(scope) + ")");
            }
            names.add(name);
        }
        checkBraces(text.substring(checked), path, problems);
        return new ReasonTemplate(text, names);
    }

    private static void checkBraces(String literal, String path, List<String> problems) {
        if (literal.indexOf('{') >= 0 || literal.indexOf('}') >= 0) {
            problems.add(path + ": a brace that is not a placeholder like {group.members}");
        }
    }

    private static String describe(Scope scope) {
        return scope == Scope.MESSAGE ? "without 'on'" : "on " + scope.yamlName();
    }

    public String render(RuleInput input) {
        StringBuilder out = new StringBuilder();
        Matcher m = PLACEHOLDER.matcher(text);
        int last = 0;
        while (m.find()) {
            out.append(text, last, m.start()).append(Placeholders.render(m.group(1), input));
            last = m.end();
        }
        return out.append(text.substring(last)).toString();
    }

    public List<String> names() {
        return names;
    }

    @Override
    public String toString() {
        return text;
    }
}
