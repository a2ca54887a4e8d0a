package io.vigil.standalone.commands;

import io.vigil.doxxingeval.EvaluationRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** Precision, recall and F1 of the doxxing detector on a labelled corpus, per entity type, decision and language. */
@Command(name = "eval-doxxing", mixinStandardHelpOptions = true,
        description = "Evaluate the doxxing detector on a labelled corpus (format: corpora/doxxing/README.md).")
public final class DoxxingEvalCommand implements Callable<Integer> {

    @Parameters(index = "0", defaultValue = "corpora/doxxing", paramLabel = "CORPUS", description = "Corpus directory (default: ${DEFAULT-VALUE}).")
    Path corpus;

    @Option(names = "--split", defaultValue = "all", description = "dev, test or all (default: ${DEFAULT-VALUE}).")
    String split;

    @Option(names = "--errors", description = "List every mistake by message id, type and offsets (never the text).")
    boolean errors;

    @Option(names = "--policy", paramLabel = "FILE", description = "Doxxing policy YAML overriding the bundled one.")
    Path policy;

    @Override
    public Integer call() throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        out.print(EvaluationRunner.run(corpus, split, errors, policy));
        return 0;
    }
}
