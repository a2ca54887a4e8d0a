package io.vigil.standalone.commands;

import io.vigil.detector.media.ImageDecodeException;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * Image files for the media commands ({@code hash}, {@code classify}): read whole within the detector's size limit,
 * failures with stable codes like the decoder's, and the {@code ERROR<TAB>code: reason<TAB>path} line they print.
 */
final class MediaFiles {

    /** Files above this many bytes are refused unread: the detector's default {@code media.max-blob-bytes}. */
    static final long MAX_FILE_BYTES = 50L * 1024 * 1024;
    /** Exit status when at least one file failed and the others were still processed. */
    static final int SOME_FAILED = 1;

    /** What a media command prints for one file's bytes. */
    @FunctionalInterface
    interface ResultLine {
        String of(Path file, byte[] bytes) throws FileException, ImageDecodeException;
    }

    /**
     * Runs a media command over its files: one result line per file on {@code out}, one ERROR line per failure on
     * {@code err}, carrying on after a failure; both streams flushed per file so that a terminal shows them in order.
     * Returns the command's exit status: 0, or {@link #SOME_FAILED}.
     */
    static int forEach(List<Path> files, PrintWriter out, PrintWriter err, ResultLine result) {
        int failed = 0;
        for (Path file : files) {
            try {
                out.println(result.of(file, read(file)));
            } catch (FileException e) {
                failed++;
                err.println(errorLine(e.code, e.getMessage(), file));
            } catch (ImageDecodeException e) {
                failed++;
                err.println(errorLine(e.code(), e.getMessage(), file));
            }
            out.flush();
            err.flush();
        }
        return failed == 0 ? 0 : SOME_FAILED;
    }

    private MediaFiles() {
    }

    /** A file that cannot be read, with a stable code ({@code file_not_found}, {@code file_unreadable}, {@code file_too_large}). */
    static final class FileException extends Exception {
        final String code;

        FileException(String code, String message) {
            super(message);
            this.code = code;
        }
    }

    static byte[] read(Path file) throws FileException {
        try {
            if (Files.isDirectory(file)) {
                throw new FileException("file_unreadable", "is a directory");
            }
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                throw new FileException("file_too_large", size + " bytes, limit " + MAX_FILE_BYTES);
            }
            try (InputStream in = Files.newInputStream(file)) {
                byte[] bytes = in.readNBytes((int) MAX_FILE_BYTES + 1);
                if (bytes.length > MAX_FILE_BYTES) {
                    throw new FileException("file_too_large", "grew past the limit of " + MAX_FILE_BYTES + " bytes while read");
                }
                return bytes;
            }
        } catch (NoSuchFileException e) {
            throw new FileException("file_not_found", "no such file");
        } catch (AccessDeniedException e) {
            throw new FileException("file_unreadable", "permission denied");
        } catch (IOException e) {
            throw new FileException("file_unreadable", e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()));
        }
    }

    /** {@code ERROR<TAB>code: reason<TAB>path}; tabs and line breaks in the reason would break the line's fields. */
    static String errorLine(String code, String reason, Path file) {
        return "ERROR\t" + code + ": " + reason.replaceAll("[\\t\\r\\n]+", " ") + "\t" + file;
    }
}
