package io.vigil.standalone.commands;

import io.vigil.detector.hashing.Digests;
import io.vigil.detector.media.DecodeLimits;
import io.vigil.detector.media.DecodedImage;
import io.vigil.detector.media.ImageDecodeException;
import io.vigil.detector.media.ImageDecoder;
import io.vigil.pdq.Dihedral;
import io.vigil.detector.pdq.PdqHasher;
import io.vigil.pdq.PdqHashes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * PDQ, quality, MD5 and SHA-256 of image files, in the layout hash lists are exchanged in. Decodes exactly as the
 * reference does (full size, colour), so the hashes printed are the ones a bank built from these files must hold.
 */
@Command(name = "hash", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Print the PDQ hash, PDQ quality, MD5 and SHA-256 of each image file, one tab-separated line per file:",
                "  pdq_hex  quality  md5_hex  sha256_hex  path",
                "Hex is lower-case. Quality is 0-100; below 50 a PDQ hash is too flat to match on. Images are decoded as "
                        + "the PDQ reference decodes them: full size, in colour, EXIF orientation ignored.",
                "A file that cannot be hashed gives 'ERROR  reason  path' on standard error, where reason is a stable code "
                        + "(image_corrupt, image_too_large, image_unsupported_format, image_empty, file_not_found, "
                        + "file_unreadable, file_too_large: above 50 MiB, the detector's limit) and a message; the other "
                        + "files are still hashed, and the exit status is 1."},
        exitCodeListHeading = "Exit status:%n",
        exitCodeList = {"0:every file was hashed", "1:at least one file could not be hashed", "2:invalid arguments"})
public final class HashCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Image files (JPEG, PNG, GIF: first frame, WebP, BMP).")
    List<Path> files;

    @Option(names = "--max-pixels", paramLabel = "N", defaultValue = "" + DecodeLimits.DEFAULT_MAX_PIXELS,
            description = "Refuse images whose header declares more pixels than this, before decoding (default: ${DEFAULT-VALUE}).")
    long maxPixels;

    @Option(names = "--dihedral",
            description = {"Append the PDQ hashes of the 8 rotations and mirrors after the path, in the reference's order:",
                    "orig, rot90, rot180, rot270, flipx, flipy, flip_plus1, flip_minus1 (orig repeats pdq_hex)."})
    boolean dihedral;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (maxPixels < 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--max-pixels must be at least 1");
        }
        ImageDecoder decoder = new ImageDecoder(new DecodeLimits(maxPixels));
        PdqHasher hasher = new PdqHasher();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        return MediaFiles.forEach(files, out, err, (file, bytes) -> line(file, bytes, decoder, hasher));
    }

    private String line(Path file, byte[] bytes, ImageDecoder decoder, PdqHasher hasher) throws ImageDecodeException {
        DecodedImage image = decoder.decode(bytes, PdqHasher.EXACT_DECODE);
        PdqHashes hashes = hasher.hashAllDihedrals(image.image());
        StringBuilder line = new StringBuilder(512)
                .append(hashes.original().toHex()).append('\t')
                .append(hashes.quality()).append('\t')
                .append(Digests.md5Hex(bytes)).append('\t')
                .append(Digests.sha256Hex(bytes)).append('\t')
                .append(file);
        if (dihedral) {
            for (Dihedral variant : Dihedral.values()) {
                line.append('\t').append(hashes.get(variant).toHex());
            }
        }
        return line.toString();
    }
}
