package io.vigil.modelimport;

import ai.onnx.proto.OnnxMl.ModelProto;
import io.vigil.modelimport.keras.KerasModelGraph;
import io.vigil.modelimport.keras.KerasOnnxConverter;
import io.vigil.modelimport.npm.Integrity;
import io.vigil.modelimport.npm.NpmPackageCache;
import io.vigil.modelimport.npm.PinnedNpmPackage;
import io.vigil.modelimport.tfjs.ModelFiles;
import io.vigil.modelimport.tfjs.TfjsLayersModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * Converts a TF.js Keras layers model to ONNX. The model comes either from a pinned npm package (fetched with
 * {@code npm pack}, integrity-checked, cached) or from a folder. The output is rewritten only when its source or
 * this importer changed: a stamp next to it records both.
 *
 * <pre>
 * TfjsToOnnx --npm-package nsfwjs@4.4.0 --integrity sha512-... --model-path dist/models/mobilenet_v2 \
 *            --cache-dir ~/.cache/vigil --output target/model.onnx
 * </pre>
 */
@Command(name = "tfjs-to-onnx", mixinStandardHelpOptions = true,
        description = "Convert a TF.js Keras layers model (e.g. from the nsfwjs npm package) to ONNX.")
public final class TfjsToOnnx implements Callable<Integer> {

    @Option(names = "--npm-package", description = "pinned package, name@version")
    String npmPackage;

    @Option(names = "--integrity", description = "the package's dist.integrity (sha512-...); required with --npm-package")
    String integrity;

    @Option(names = "--model-path", description = "folder of the model inside the package", defaultValue = ".")
    String modelPath;

    @Option(names = "--tarball", description = "use this local copy of the package tarball instead of npm (still integrity-checked; empty: use npm)")
    Path tarball;

    @Option(names = "--model-dir", description = "read the model from this folder instead of an npm package")
    Path modelDir;

    @Option(names = "--cache-dir", description = "where verified package tarballs are kept", defaultValue = "${sys:user.home}/.cache/vigil")
    Path cacheDir;

    @Option(names = "--npm", description = "the npm command", defaultValue = "npm")
    String npmCommand;

    @Option(names = "--output", required = true, description = "the ONNX file to write")
    Path output;

    @Option(names = "--graph-name", description = "name of the ONNX graph", defaultValue = "model")
    String graphName;

    @Option(names = "--license", description = "licence of the source model, recorded in the ONNX metadata")
    String license;

    public static void main(String[] args) {
        int exit = commandLine().execute(args);
        if (exit != 0) {
            System.exit(exit);
        }
    }

    /** The command, reporting failures (a bad model, a failed integrity check, no npm) as one clear message. */
    static CommandLine commandLine() {
        return new CommandLine(new TfjsToOnnx()).setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("[tfjs-to-onnx] FAILED: " + e.getMessage());
            return 1;
        });
    }

    @Override
    public Integer call() throws IOException {
        if ((npmPackage == null) == (modelDir == null)) {
            throw new CommandLine.ParameterException(new CommandLine(this), "give exactly one of --npm-package or --model-dir");
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        ModelFiles files;
        String sourceKey;
        if (npmPackage != null) {
            if (integrity == null) {
                throw new CommandLine.ParameterException(new CommandLine(this), "--npm-package needs --integrity (the registry's dist.integrity)");
            }
            PinnedNpmPackage pkg = PinnedNpmPackage.parse(npmPackage, integrity);
            sourceKey = "npm:" + pkg.spec() + " " + pkg.integrity() + " " + modelPath;
            metadata.put("source", "npm package " + pkg.spec() + ", " + modelPath);
            metadata.put("source_integrity", pkg.integrity().toString());
            if (isUpToDate(sourceKey)) {
                return 0;
            }
            Path verified = tarball != null && !tarball.toString().isEmpty() ? verifiedLocalTarball(pkg, tarball)
                    : new NpmPackageCache(cacheDir, npmCommand, TfjsToOnnx::log).obtain(pkg);
            files = ModelFiles.npmTarball(verified, modelPath);
        } else {
            sourceKey = "dir:" + modelDir.toAbsolutePath() + " " + directoryDigest(modelDir);
            metadata.put("source", modelDir.getFileName().toString());
            if (isUpToDate(sourceKey)) {
                return 0;
            }
            files = ModelFiles.directory(modelDir);
        }
        if (license != null) {
            metadata.put("source_license", license);
        }
        metadata.put("converter", "vigil-model-import (TF.js Keras layers to ONNX)");

        long start = System.nanoTime();
        TfjsLayersModel model = TfjsLayersModel.load(files);
        KerasModelGraph graph = KerasModelGraph.fromModelConfig(model.modelConfig());
        ModelProto onnx = KerasOnnxConverter.convert(graph, model.weights(),
                new KerasOnnxConverter.Options(graphName, "batch", importerFingerprint(), "Converted from " + metadata.get("source"), metadata));
        Path parent = output.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path temporary = output.resolveSibling(output.getFileName() + ".partial");
        Files.write(temporary, onnx.toByteArray());
        Files.move(temporary, output, StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(stampFile(), stamp(sourceKey));
        log(String.format("wrote %s: %d layers, %d weights, %d ONNX nodes, %.1f MB, in %d ms", output, graph.layers().size(),
                model.weights().size(), onnx.getGraph().getNodeCount(), Files.size(output) / 1e6, (System.nanoTime() - start) / 1_000_000));
        return 0;
    }

    private static Path verifiedLocalTarball(PinnedNpmPackage pkg, Path tarball) {
        Integrity actual = Integrity.of(pkg.integrity().algorithm(), tarball);
        if (!actual.equals(pkg.integrity())) {
            throw new IllegalStateException("integrity check failed for " + tarball + ": pinned " + pkg.integrity() + ", file has " + actual);
        }
        return tarball;
    }

    private boolean isUpToDate(String sourceKey) throws IOException {
        Path stamp = stampFile();
        if (Files.isRegularFile(output) && Files.isRegularFile(stamp) && Files.readString(stamp).equals(stamp(sourceKey))) {
            log(output + " is up to date (same source and importer)");
            return true;
        }
        return false;
    }

    private Path stampFile() {
        return output.resolveSibling(output.getFileName() + ".stamp");
    }

    private static String stamp(String sourceKey) {
        return sourceKey + "\nimporter " + importerFingerprint() + "\n";
    }

    /** A digest of this importer's own classes: a changed importer reconverts even when the source is unchanged. */
    static String importerFingerprint() {
        // Located through the class file itself: class loaders that rewrite classes (exec:java's System.exit guard)
        // leave no CodeSource.
        String classFile = TfjsToOnnx.class.getName().replace('.', '/') + ".class";
        URL url = TfjsToOnnx.class.getClassLoader().getResource(classFile);
        try {
            if (url != null && url.getProtocol().equals("file")) {
                Path file = Path.of(url.toURI());
                Path root = file;
                for (int i = 0; i < classFile.split("/").length; i++) {
                    root = root.getParent();
                }
                return directoryDigest(root);
            }
            if (url != null && url.getProtocol().equals("jar")) {
                String jar = url.getPath().substring(0, url.getPath().indexOf("!/"));
                return digestOf(List.of(Path.of(new URI(jar))));
            }
        } catch (URISyntaxException | IOException | RuntimeException e) {
            log("cannot fingerprint the importer (" + e + "); the output will be rebuilt every time");
        }
        return "unknown-" + System.nanoTime();
    }

    private static String directoryDigest(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            return digestOf(paths.filter(Files::isRegularFile).sorted().toList());
        }
    }

    private static String digestOf(List<Path> files) throws IOException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (Path file : files) {
                digest.update(file.getFileName().toString().getBytes(StandardCharsets.UTF_8));
                try (InputStream in = Files.newInputStream(file)) {
                    for (int read; (read = in.read(buffer)) > 0; ) {
                        digest.update(buffer, 0, read);
                    }
                }
            }
            return HexFormat.of().formatHex(digest.digest(), 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void log(String message) {
        System.out.println("[tfjs-to-onnx] " + message);
    }
}
