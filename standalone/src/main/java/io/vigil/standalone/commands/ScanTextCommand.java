package io.vigil.standalone.commands;

import io.vigil.detector.doxxing.DoxxingConfig;
import io.vigil.detector.doxxing.DoxxingDetector;
import io.vigil.detector.doxxing.ScanTextJsonLines;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.concurrent.Callable;

/** The doxxing detector on JSON lines: one result line per input line, offsets in Java chars, no value in clear. */
@Command(name = "scan-text", mixinStandardHelpOptions = true,
        description = {"Read JSON lines {\"id\": ..., \"text\": ..., \"country\": \"ES\"} (country optional) from standard input and",
                "write {\"id\": ..., \"doxxing\": true|false, \"score\": s, \"entities\": [{\"type\": ..., \"start\": n, \"end\": n}],",
                "\"reasons\": [...]} per line. A line that cannot be read gets {\"id\": ..., \"error\": code}."})
public final class ScanTextCommand implements Callable<Integer> {

    @Option(names = "--policy", paramLabel = "FILE", description = "Doxxing policy YAML overriding the bundled one.")
    Path policy;

    @Override
    public Integer call() throws Exception {
        // The output carries no keyed hashes, so a throwaway secret serves; the pipeline uses the deployment's.
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        DoxxingDetector detector = DoxxingDetector.create(policy == null ? DoxxingConfig.defaults(secret) : DoxxingConfig.load(policy, secret));
        try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
             Writer out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8))) {
            new ScanTextJsonLines(detector).run(in, out);
        }
        return 0;
    }
}
