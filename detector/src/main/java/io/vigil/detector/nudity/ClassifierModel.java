package io.vigil.detector.nudity;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A validated model descriptor and the ONNX file it names (resolved next to the descriptor, on disk or on the
 * classpath). Platforms bring their own classifier by writing a descriptor; the default is the NSFWJS MobileNetV2
 * that the vigil-models module converts at build time.
 */
public record ClassifierModel(ModelDescriptor descriptor, URL onnxLocation, String source) {

    /** The default model's descriptor, packaged by vigil-models. */
    public static final String DEFAULT_DESCRIPTOR = "/io/vigil/models/nsfwjs-mobilenet-v2/descriptor.yaml";

    private static final ObjectMapper YAML = JsonMapper.builder(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .build();

    public static ClassifierModel defaultModel() {
        return fromClasspath(DEFAULT_DESCRIPTOR);
    }

    public static ClassifierModel fromClasspath(String resource) {
        URL descriptor = ClassifierModel.class.getResource(resource);
        if (descriptor == null) {
            throw new InvalidModelException("classpath:" + resource, List.of("the descriptor is not on the classpath"
                    + (resource.equals(DEFAULT_DESCRIPTOR) ? " (it comes with the vigil-models artifact)" : "")));
        }
        return load(descriptor, "classpath:" + resource);
    }

    public static ClassifierModel fromFile(Path descriptor) {
        if (!Files.isRegularFile(descriptor)) {
            throw new InvalidModelException(descriptor.toString(), List.of("the descriptor file does not exist"));
        }
        try {
            return load(descriptor.toUri().toURL(), descriptor.toString());
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(descriptor.toString(), e);
        }
    }

    private static ClassifierModel load(URL location, String source) {
        ModelDescriptor descriptor;
        try (InputStream in = location.openStream()) {
            descriptor = YAML.readValue(in, ModelDescriptor.class);
        } catch (UnrecognizedPropertyException e) {
            throw new InvalidModelException(source, List.of("unknown field '" + fieldPath(e) + "' (known here: "
                    + e.getKnownPropertyIds().stream().map(String::valueOf).sorted().collect(Collectors.joining(", ")) + ")"));
        } catch (JsonMappingException e) {
            throw new InvalidModelException(source, List.of(fieldPath(e) + ": " + e.getOriginalMessage()));
        } catch (JacksonException e) {
            throw new InvalidModelException(source, List.of("not valid YAML: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")")));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read model descriptor " + source, e);
        }
        if (descriptor == null) {
            throw new InvalidModelException(source, List.of("the descriptor is empty"));
        }
        List<String> problems = descriptor.problems();
        if (!problems.isEmpty()) {
            throw new InvalidModelException(source, problems);
        }
        URL onnx;
        try {
            onnx = new URL(location, descriptor.onnx());
        } catch (MalformedURLException e) {
            throw new InvalidModelException(source, List.of("onnx '" + descriptor.onnx() + "' is not a valid relative path"));
        }
        try (InputStream probe = onnx.openStream()) {
            probe.read();
        } catch (IOException e) {
            throw new InvalidModelException(source, List.of("onnx file '" + descriptor.onnx() + "' not found next to the descriptor (" + onnx + ")"));
        }
        return new ClassifierModel(descriptor, onnx, source);
    }

    /** Where in the descriptor a mapping error is, as a dotted path such as {@code input.layout}. */
    private static String fieldPath(JsonMappingException e) {
        return e.getPath().stream()
                .map(reference -> reference.getFieldName() != null ? reference.getFieldName() : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    /** The ONNX model's bytes. */
    byte[] readOnnx() {
        try (InputStream in = onnxLocation.openStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + onnxLocation, e);
        }
    }

    public String id() {
        return descriptor.id();
    }
}
