package io.vigil.compliance.ncmec;

import org.w3c.dom.Document;

import java.io.IOException;

/** The report transactions of NCMEC's CyberTipline Reporting API, as the submission uses them. */
public interface CyberTiplineApi {

    NcmecAnswer submit(String reportXml) throws IOException, InterruptedException;

    NcmecAnswer upload(String ncmecReportId, String fileName, byte[] bytes) throws IOException, InterruptedException;

    NcmecAnswer fileInfo(Document fileDetails) throws IOException, InterruptedException;

    NcmecAnswer finish(String ncmecReportId) throws IOException, InterruptedException;
}
