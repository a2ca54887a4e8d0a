package io.vigil.detector.ocr;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * OCR with Tesseract off the stream thread: a fixed pool of OCR threads, each with its own Tesseract engines (one per
 * language set), a bounded queue in front of them, and a time limit per image that Tesseract enforces itself (its
 * monitor's deadline) and the caller enforces again while waiting. A full queue answers {@code ocr_busy} at once, so a
 * burst of screenshots degrades to "not read" rather than stalling a partition. Images without likely text are
 * skipped by {@link TextLikelihood} before any of this; large images are reduced to {@code maxEdge} pixels first.
 */
public final class TesseractReader implements ImageTextReader, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TesseractReader.class);

    /** How long the caller waits beyond the image's limit for Tesseract to notice its deadline and return. */
    private static final long GRACE_MILLIS = 500;

    /** The first read in a language set also loads its trained data (tens of MB), which the image's limit leaves out. */
    private static final Duration FIRST_USE_EXTRA = Duration.ofSeconds(10);

    private final TesseractLibrary lib;
    private final String datapath;
    private final ThreadPoolExecutor pool;
    private final Duration timeLimit;
    private final int maxEdge;
    private final double minTextLikelihood;
    private final ThreadLocal<Map<String, TesseractEngine>> engines = ThreadLocal.withInitial(HashMap::new);
    /** Each engine with the OCR thread that owns it: only that thread may use it, and it is freed once that thread ends. */
    private final Map<TesseractEngine, Thread> allEngines = new HashMap<>();
    private final Map<String, Boolean> warmed = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * @param tessdata          Tesseract's data directory; empty: the library's default
     * @param threads           OCR threads
     * @param queue             images that may wait for a thread; more are answered {@code ocr_busy}
     * @param timeLimit         per image
     * @param maxEdge           longer images are reduced to this many pixels on their long edge before OCR
     * @param minTextLikelihood images scoring below this on {@link TextLikelihood} are not read
     */
    public TesseractReader(Optional<Path> tessdata, int threads, int queue, Duration timeLimit, int maxEdge,
                           double minTextLikelihood) {
        this(tessdata, threads, queue, timeLimit, maxEdge, minTextLikelihood, HandleRepair.bundled());
    }

    /**
     * As above, with the repair applied to read text ({@link HandleRepair#none()} to measure what OCR reads alone).
     */
    public TesseractReader(Optional<Path> tessdata, int threads, int queue, Duration timeLimit, int maxEdge,
                           double minTextLikelihood, HandleRepair handleRepair) {
        this.handleRepair = handleRepair;
        this.lib = loadLibrary();
        this.datapath = tessdata.map(Path::toString).orElse(null);
        this.timeLimit = timeLimit;
        // A thread's first image in a language set also loads that set (tens to hundreds of ms per language).
        this.maxEdge = maxEdge;
        this.minTextLikelihood = minTextLikelihood;
        AtomicInteger n = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(queue),
                r -> {
                    Thread t = new Thread(r, "vigil-ocr-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                }, new ThreadPoolExecutor.AbortPolicy());
    }

    /** Puts back at-signs OCR misreads before handles ("insta ©maria" → "insta @maria"). */
    private final HandleRepair handleRepair;

    private static TesseractLibrary loadLibrary() {
        try {
            return TesseractLibrary.load();
        } catch (UnsatisfiedLinkError e) {
            throw new OcrUnavailableException("libtesseract is not installed (Debian: apt-get install tesseract-ocr)", e);
        }
    }

    /** Tesseract's version string, e.g. "5.3.0". */
    public String version() {
        return lib.TessVersion();
    }

    @Override
    public OcrOutcome read(BufferedImage image, List<String> languages, Duration atMost) {
        if (languages.isEmpty()) {
            return new OcrOutcome.Skipped("ocr_no_language", "none of the group's languages is installed for OCR");
        }
        double likelihood = TextLikelihood.score(image);
        if (likelihood < minTextLikelihood) {
            return new OcrOutcome.Skipped("no_text_likely", String.format(java.util.Locale.ROOT,
                    "text likelihood %.3f below %.3f", likelihood, minTextLikelihood));
        }
        double factor = Math.min(1.0, (double) maxEdge / Math.max(image.getWidth(), image.getHeight()));
        BufferedImage gray = grey(image, factor);
        String key = String.join("+", languages);
        Duration limit = atMost.compareTo(timeLimit) < 0 ? atMost : timeLimit;
        long started = System.nanoTime();
        Future<ReadText> future;
        try {
            future = pool.submit(() -> engine(key).read(gray, (int) limit.toMillis()));
        } catch (RejectedExecutionException e) {
            return new OcrOutcome.Skipped("ocr_busy", "every OCR thread is busy and the queue is full");
        }
        boolean firstUse = warmed.putIfAbsent(key, Boolean.TRUE) == null;
        long wait = (firstUse ? limit.plus(FIRST_USE_EXTRA) : limit).toMillis() + GRACE_MILLIS;
        try {
            ReadText text = handleRepair.repair(future.get(wait, TimeUnit.MILLISECONDS));
            long millis = (System.nanoTime() - started) / 1_000_000;
            return new OcrOutcome.Read(factor < 1.0 ? scaledBack(text, 1.0 / factor) : text, millis);
        } catch (TimeoutException e) {
            future.cancel(true);
            return new OcrOutcome.Failed("ocr_timeout", "no result within " + wait + " ms");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof OcrTimeoutException) {
                return new OcrOutcome.Failed("ocr_timeout", cause.getMessage());
            }
            return new OcrOutcome.Failed("ocr_failed", cause instanceof OcrUnavailableException
                    ? cause.getMessage() : "OCR failed: " + cause.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel(true);
            return new OcrOutcome.Failed("ocr_failed", "interrupted while waiting for OCR");
        }
    }

    private TesseractEngine engine(String languages) {
        return engines.get().computeIfAbsent(languages, k -> {
            TesseractEngine engine = TesseractEngine.open(lib, datapath, k);
            synchronized (allEngines) {
                allEngines.put(engine, Thread.currentThread());
            }
            return engine;
        });
    }

    /** The image as 8-bit grey, reduced by {@code factor} (area-averaged) where it is below 1. */
    static BufferedImage grey(BufferedImage image, double factor) {
        int width = Math.max(1, (int) Math.round(image.getWidth() * factor));
        int height = Math.max(1, (int) Math.round(image.getHeight() * factor));
        if (factor >= 1.0 && image.getType() == BufferedImage.TYPE_BYTE_GRAY) {
            return image;
        }
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(image, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    private static ReadText scaledBack(ReadText text, double factor) {
        return new ReadText(text.text(), text.words().stream()
                .map(w -> new ReadText.Word(w.start(), w.end(), w.box().scaled(factor), w.confidence())).toList());
    }

    @Override
    public void close() {
        pool.shutdownNow();
        try {
            pool.awaitTermination(timeLimit.toMillis() + GRACE_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // Tesseract checks its deadline only while it recognises words, not during layout analysis, so a worker can
        // still be inside the native library after the wait: freeing its engine then would crash the whole JVM. An
        // engine whose thread has not ended is left to the process's exit instead.
        synchronized (allEngines) {
            allEngines.entrySet().removeIf(owned -> {
                if (owned.getValue().isAlive()) {
                    LOG.warn("An OCR thread is still inside Tesseract at shutdown; its engine is left to the process exit");
                    return false;
                }
                owned.getKey().close();
                return true;
            });
        }
    }
}
