package io.vigil.compliance.ncmec;

import org.w3c.dom.Document;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The CyberTipline Reporting API's report transactions (transactions/*.ts of the transcribed types): submit the
 * report XML, upload a file to it, submit the file's details, finish the report. HTTP Basic authentication with the
 * credentials NCMEC issues. The paths are NCMEC's (submit, upload, fileinfo, finish under the API's base URL); the
 * base URL is configuration, NCMEC's test environment's until NCMEC approves production.
 */
public final class NcmecClient implements CyberTiplineApi {

    private final URI endpoint;
    private final String authorization;
    private final Duration timeout;
    private final HttpClient http;

    public NcmecClient(String endpoint, String username, String password, Duration timeout) {
        this.endpoint = URI.create(endpoint.endsWith("/") ? endpoint : endpoint + "/");
        this.authorization = "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    @Override
    public NcmecAnswer submit(String reportXml) throws IOException, InterruptedException {
        return send(post("submit", "text/xml; charset=utf-8", HttpRequest.BodyPublishers.ofString(reportXml, StandardCharsets.UTF_8)));
    }

    @Override
    public NcmecAnswer upload(String ncmecReportId, String fileName, byte[] bytes) throws IOException, InterruptedException {
        String boundary = "vigil-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"id\"\r\n\r\n" + ncmecReportId + "\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName.replace("\"", "")
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(bytes);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(post("upload", "multipart/form-data; boundary=" + boundary, HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    @Override
    public NcmecAnswer fileInfo(Document fileDetails) throws IOException, InterruptedException {
        return send(post("fileinfo", "text/xml; charset=utf-8",
                HttpRequest.BodyPublishers.ofString(CyberTiplineXml.write(fileDetails), StandardCharsets.UTF_8)));
    }

    @Override
    public NcmecAnswer finish(String ncmecReportId) throws IOException, InterruptedException {
        return send(post("finish", "application/x-www-form-urlencoded",
                HttpRequest.BodyPublishers.ofString("id=" + URLEncoder.encode(ncmecReportId, StandardCharsets.UTF_8))));
    }

    private HttpRequest post(String path, String contentType, HttpRequest.BodyPublisher body) {
        return HttpRequest.newBuilder(endpoint.resolve(path)).timeout(timeout)
                .header("Authorization", authorization).header("Content-Type", contentType).POST(body).build();
    }

    private NcmecAnswer send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return parse(response.statusCode(), response.body());
    }

    /** The response XML (reportResponse and its kin): responseCode, responseDescription, reportId, fileId, fileIds. */
    static NcmecAnswer parse(int httpStatus, String body) {
        if (body == null || body.isBlank() || !body.stripLeading().startsWith("<")) {
            // No XML at all (a proxy's page, an authentication challenge): the HTTP status is all there is.
            return new NcmecAnswer(httpStatus, httpStatus == 401 ? 2000 : httpStatus >= 500 ? 1000 : 4000,
                    "HTTP " + httpStatus + " without a response document", Optional.empty(), Optional.empty(), List.of());
        }
        Document xml = CyberTiplineXml.parse(body);
        int code = CyberTiplineXml.text(xml, "responseCode").map(Integer::parseInt).orElse(httpStatus >= 500 ? 1000 : 4000);
        List<String> fileIds = new ArrayList<>();
        var nodes = xml.getElementsByTagName("fileId");
        for (int i = 0; i < nodes.getLength(); i++) {
            fileIds.add(nodes.item(i).getTextContent().strip());
        }
        return new NcmecAnswer(httpStatus, code, CyberTiplineXml.text(xml, "responseDescription").orElse(""),
                CyberTiplineXml.text(xml, "reportId"), fileIds.isEmpty() ? Optional.empty() : Optional.of(fileIds.get(0)), fileIds);
    }
}
