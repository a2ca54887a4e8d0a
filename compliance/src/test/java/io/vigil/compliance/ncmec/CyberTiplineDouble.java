package io.vigil.compliance.ncmec;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.w3c.dom.Document;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local stand-in for NCMEC's CyberTipline Reporting API (an external service Vigil does not run): HTTP Basic
 * authentication; submit (report XML, a report id back), upload (multipart id and file, a file id and the file's MD5
 * back), fileinfo (file details XML), finish; response codes as the transcribed types list them (0 success, 2000
 * authentication required, 4100 validation failed, 4110 malformed XML, 5001 report does not exist, 5102 report
 * already finished). It validates the XML against the documented fields, as NCMEC validates against its XSD.
 */
public final class CyberTiplineDouble implements AutoCloseable {

    /** What the double holds of one report. */
    public static final class Report {
        public final String xml;
        public final Map<String, byte[]> files = new ConcurrentHashMap<>();
        public final Map<String, String> fileDetails = new ConcurrentHashMap<>();
        public volatile boolean finished;

        Report(String xml) {
            this.xml = xml;
        }
    }

    private final HttpServer server;
    private final String authorization;
    private final CyberTiplineValidator validator = new CyberTiplineValidator(Optional.empty());
    private final Map<String, Report> reports = new ConcurrentHashMap<>();
    private final AtomicInteger nextId = new AtomicInteger(100_000);
    private final List<String> calls = new CopyOnWriteArrayList<>();
    private final Deque<int[]> scripted = new ArrayDeque<>();

    public CyberTiplineDouble(String username, String password) {
        this.authorization = "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/ispws/", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(2));
        server.start();
    }

    public String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/ispws";
    }

    /** The next answer is this HTTP status and response code, whatever the request. */
    public synchronized void failNext(int httpStatus, int responseCode) {
        scripted.addLast(new int[]{httpStatus, responseCode});
    }

    public Map<String, Report> reports() {
        return Map.copyOf(reports);
    }

    /** The transactions received, e.g. submit, upload, fileinfo, finish. */
    public List<String> calls() {
        return List.copyOf(calls);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String call = exchange.getRequestURI().getPath().substring("/ispws/".length());
            calls.add(call);
            if (!authorization.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                answer(exchange, 401, 2000, "Authentication required", "");
                return;
            }
            int[] failure;
            synchronized (this) {
                failure = scripted.pollFirst();
            }
            if (failure != null) {
                answer(exchange, failure[0], failure[1], "Scripted failure", "");
                return;
            }
            byte[] body = exchange.getRequestBody().readAllBytes();
            switch (call) {
                case "submit" -> submit(exchange, new String(body, StandardCharsets.UTF_8));
                case "upload" -> upload(exchange, body);
                case "fileinfo" -> fileInfo(exchange, new String(body, StandardCharsets.UTF_8));
                case "finish" -> finish(exchange, new String(body, StandardCharsets.UTF_8));
                default -> answer(exchange, 404, 1210, "Resource not found", "");
            }
        }
    }

    private void submit(HttpExchange exchange, String xml) throws IOException {
        Document document;
        try {
            document = CyberTiplineXml.parse(xml);
        } catch (IllegalArgumentException e) {
            answer(exchange, 400, 4110, "Malformed XML submittal", "");
            return;
        }
        List<String> problems = validator.validateReport(document);
        if (!problems.isEmpty()) {
            answer(exchange, 422, 4100, "Validation failed: " + String.join("; ", problems), "");
            return;
        }
        String id = Integer.toString(nextId.getAndIncrement());
        reports.put(id, new Report(xml));
        answer(exchange, 200, 0, "Success", "<reportId>" + id + "</reportId>");
    }

    private void upload(HttpExchange exchange, byte[] body) throws IOException {
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        Map<String, byte[]> parts = multipart(body, contentType.substring(contentType.indexOf("boundary=") + "boundary=".length()));
        String id = parts.containsKey("id") ? new String(parts.get("id"), StandardCharsets.UTF_8) : "";
        Report report = reports.get(id);
        if (report == null) {
            answer(exchange, 404, 5001, "Report does not exist", "");
            return;
        }
        if (!parts.containsKey("file")) {
            answer(exchange, 400, 4200, "Malformed file submittal", "");
            return;
        }
        String fileId = "file-" + (report.files.size() + 1) + "-" + id;
        report.files.put(fileId, parts.get("file"));
        answer(exchange, 200, 0, "Success", "<reportId>" + id + "</reportId><fileId>" + fileId + "</fileId><hash>" + md5(parts.get("file")) + "</hash>");
    }

    private void fileInfo(HttpExchange exchange, String xml) throws IOException {
        Document document = CyberTiplineXml.parse(xml);
        List<String> problems = validator.validateFileDetails(document);
        String id = CyberTiplineXml.text(document, "reportId").orElse("");
        String fileId = CyberTiplineXml.text(document, "fileId").orElse("");
        Report report = reports.get(id);
        if (report == null) {
            answer(exchange, 404, 5001, "Report does not exist", "");
        } else if (!report.files.containsKey(fileId)) {
            answer(exchange, 404, 5002, "File does not exist", "");
        } else if (!problems.isEmpty()) {
            answer(exchange, 422, 4100, "Validation failed: " + String.join("; ", problems), "");
        } else {
            report.fileDetails.put(fileId, xml);
            answer(exchange, 200, 0, "Success", "<reportId>" + id + "</reportId>");
        }
    }

    private void finish(HttpExchange exchange, String form) throws IOException {
        String id = URLDecoder.decode(form.replaceFirst("^id=", ""), StandardCharsets.UTF_8);
        Report report = reports.get(id);
        if (report == null) {
            answer(exchange, 404, 5001, "Report does not exist", "");
        } else if (report.finished) {
            answer(exchange, 409, 5102, "Report already finished", "");
        } else {
            report.finished = true;
            StringBuilder files = new StringBuilder();
            report.files.keySet().forEach(f -> files.append("<fileId>").append(f).append("</fileId>"));
            answer(exchange, 200, 0, "Success", "<reportId>" + id + "</reportId><files>" + files + "</files>");
        }
    }

    private static void answer(HttpExchange exchange, int status, int code, String description, String more) throws IOException {
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><reportResponse><responseCode>" + code + "</responseCode><responseDescription>"
                + description.replace("&", "&amp;").replace("<", "&lt;") + "</responseDescription>" + more + "</reportResponse>";
        byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/xml");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    /** The parts of a multipart/form-data body by field name. */
    static Map<String, byte[]> multipart(byte[] body, String boundary) {
        Map<String, byte[]> parts = new ConcurrentHashMap<>();
        byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        List<Integer> starts = new ArrayList<>();
        for (int i = 0; i + delimiter.length <= body.length; i++) {
            if (matches(body, i, delimiter)) {
                starts.add(i);
            }
        }
        for (int k = 0; k + 1 < starts.size(); k++) {
            int from = starts.get(k) + delimiter.length + 2;
            int to = starts.get(k + 1) - 2;
            String text = new String(body, from, to - from, StandardCharsets.ISO_8859_1);
            int headerEnd = text.indexOf("\r\n\r\n");
            String headers = text.substring(0, headerEnd);
            String name = headers.replaceAll("(?s)^.*?; name=\"([^\"]*)\".*$", "$1");
            ByteArrayOutputStream content = new ByteArrayOutputStream();
            content.write(body, from + headerEnd + 4, to - (from + headerEnd + 4));
            parts.put(name, content.toByteArray());
        }
        return parts;
    }

    private static boolean matches(byte[] body, int at, byte[] pattern) {
        for (int j = 0; j < pattern.length; j++) {
            if (body[at + j] != pattern[j]) {
                return false;
            }
        }
        return true;
    }

    static String md5(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
