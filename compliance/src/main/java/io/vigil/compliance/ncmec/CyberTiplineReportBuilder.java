package io.vigil.compliance.ncmec;

import io.vigil.schemas.ClusterSighting;
import io.vigil.schemas.DecidedMedia;
import io.vigil.schemas.GroupContext;
import io.vigil.schemas.MediaPreservation;
import io.vigil.schemas.MediaRef;
import io.vigil.schemas.ModerationDecision;
import io.vigil.schemas.NcmecFile;
import io.vigil.schemas.NcmecReport;
import io.vigil.schemas.NcmecReportStatus;
import io.vigil.schemas.QueueItem;
import io.vigil.schemas.Visibility;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.NumberFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static io.vigil.compliance.ncmec.CyberTiplineXml.add;
import static io.vigil.compliance.ncmec.CyberTiplineXml.group;

/**
 * Drafts the CyberTipline report for a moderator's confirmation of child sexual abuse material: the incident (type,
 * when the message was posted), the chat it was posted in (client, chat name, kind, visibility, members), the reporting
 * person, the reported account as the platform knows it (its id on the service and the group it posted in), where else
 * the image was seen (Vigil's media clusters: chats, sightings, reach, first sighting), and the files by reference with
 * their hashes and whether a person at the platform viewed them. The group context is what other tools leave empty.
 */
public final class CyberTiplineReportBuilder {

    public static final String PRESERVATION_BASIS = "18 U.S.C. 2258A(h): contents of the report preserved after it is made";

    private final NcmecSettings settings;

    public CyberTiplineReportBuilder(NcmecSettings settings) {
        this.settings = settings;
    }

    public static String reportId(String decisionId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(decisionId.getBytes(StandardCharsets.UTF_8));
            return "ncmec-" + HexFormat.of().formatHex(digest).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    public NcmecReport draft(ModerationDecision decision, Optional<QueueItem> item, Instant now) {
        List<NcmecFile> files = files(decision, item);
        return NcmecReport.newBuilder()
                .setReportId(reportId(decision.getDecisionId()))
                .setStatus(NcmecReportStatus.AWAITING_CONFIRMATION)
                .setDecisionId(decision.getDecisionId())
                .setItemId(decision.getItemId())
                .setCaseId(decision.getCaseId())
                .setPlatform(decision.getPlatform())
                .setChatId(decision.getChatId())
                .setMessageId(decision.getMessageId())
                .setDecidedBy(decision.getModeratorId())
                .setDecidedAt(decision.getDecidedAt())
                .setUpdatedAt(now)
                .setReportXml(CyberTiplineXml.write(report(decision, item)))
                .setFiles(files)
                .setPreservation(MediaPreservation.newBuilder().setPreserve(true)
                        .setPreserveUntil(now.plus(Duration.ofDays(settings.preservationDays())).truncatedTo(ChronoUnit.MILLIS))
                        .setBasis(PRESERVATION_BASIS).build())
                .build();
    }

    Document report(ModerationDecision decision, Optional<QueueItem> item) {
        Document document = CyberTiplineXml.newDocument("report");
        Element report = document.getDocumentElement();
        Optional<GroupContext> group = item.map(QueueItem::getGroup);

        Element summary = group(report, "incidentSummary");
        add(summary, "incidentType", CyberTiplineFields.CHILD_PORNOGRAPHY);
        Instant incident = item.map(QueueItem::getSentAt).orElse(decision.getDecidedAt());
        add(summary, "incidentDateTime", incident.truncatedTo(ChronoUnit.SECONDS).toString());
        add(summary, "incidentDateTimeDescription", item.isPresent()
                ? "When the reported account posted the message in the group chat, as the platform recorded it."
                : "When the platform's moderator confirmed the content (the posting time was not available).");

        Element chat = group(group(report, "internetDetails"), "chatImIncident");
        add(chat, "chatClient", settings.serviceName());
        add(chat, "chatRoomName", group.map(GroupContext::getTitle).orElse(null));
        add(chat, "additionalInfo", chatDescription(decision, group));

        Element reporter = group(report, "reporter");
        Element person = group(reporter, "reportingPerson");
        NcmecSettings.Reporter who = settings.reporter();
        add(person, "firstName", who.firstName());
        add(person, "lastName", who.lastName());
        add(person, "email", who.email());
        add(reporter, "companyTemplate", who.companyTemplate());
        add(reporter, "termsOfService", who.termsOfService());
        add(reporter, "legalUrl", who.legalUrl());

        Element reported = group(report, "personOrUserReported");
        Optional<String> sender = Optional.ofNullable(decision.getSenderId()).or(() -> item.map(QueueItem::getSenderId));
        add(reported, "espIdentifier", sender.orElse(null));
        add(reported, "espService", settings.serviceName());
        add(reported, "groupIdentifier", decision.getChatId() + group.map(GroupContext::getTitle).map(t -> " (" + t + ")").orElse(""));
        add(reported, "additionalInfo", "The account posted the reported file in the group chat above, as message "
                + decision.getMessageId() + ".");

        add(report, "additionalInfo", spread(decision, item));
        return document;
    }

    private static String chatDescription(ModerationDecision decision, Optional<GroupContext> group) {
        StringBuilder text = new StringBuilder("Group chat id " + decision.getChatId() + " on " + decision.getPlatform()
                + ", message id " + decision.getMessageId() + ".");
        group.ifPresent(g -> text.append(" Chat kind: ").append(g.getKind().name().toLowerCase(Locale.ROOT))
                .append("; visibility: ").append(g.getVisibility().name().toLowerCase(Locale.ROOT))
                .append("; members: ").append(count(g.getMemberCount())).append('.'));
        return text.toString();
    }

    /** Where else the reported images were seen, from the enricher's media clusters at the time of the alert. */
    private static String spread(ModerationDecision decision, Optional<QueueItem> item) {
        List<String> lines = new ArrayList<>();
        item.map(QueueItem::getNetwork).ifPresent(network -> {
            for (ClusterSighting cluster : network.getClusters()) {
                lines.add("File " + (cluster.getMediaIndex() + 1) + " (or a near-duplicate) was seen in " + count(cluster.getChats())
                        + " chats, " + count(cluster.getSightings()) + " times, reaching " + count(cluster.getReach())
                        + " members; first seen " + cluster.getFirstSeen().truncatedTo(ChronoUnit.SECONDS)
                        + (cluster.getFirstChatId() == null ? "" : " in chat " + cluster.getFirstChatId())
                        + ", last seen " + cluster.getLastSeen().truncatedTo(ChronoUnit.SECONDS) + ".");
            }
            if (network.getLineage() != null) {
                lines.add("The chat continues chat " + network.getLineage().getPredecessorChatId() + " ("
                        + network.getLineage().getRelation() + ").");
            }
        });
        if (lines.isEmpty()) {
            lines.add("The platform has no record of the file in other chats.");
        }
        lines.add("A child-safety moderator of the platform confirmed the content at " + decision.getDecidedAt().truncatedTo(ChronoUnit.SECONDS)
                + "; a second person confirmed this report before it was submitted.");
        if (decision.getCaseId() != null) {
            lines.add("Platform case reference: " + decision.getCaseId() + ".");
        }
        return String.join(" ", lines);
    }

    private static List<NcmecFile> files(ModerationDecision decision, Optional<QueueItem> item) {
        List<MediaRef> refs = item.map(QueueItem::getMedia).orElse(List.of());
        Boolean publiclyAvailable = item.map(QueueItem::getGroup).map(g -> g.getVisibility() == Visibility.PUBLIC ? Boolean.TRUE
                : g.getVisibility() == Visibility.PRIVATE ? Boolean.FALSE : null).orElse(null);
        List<NcmecFile> files = new ArrayList<>();
        if (!decision.getMedia().isEmpty()) {
            for (DecidedMedia media : decision.getMedia()) {
                Optional<MediaRef> ref = refs.stream().filter(r -> r.getMediaId().equals(media.getMediaId())).findFirst();
                files.add(NcmecFile.newBuilder().setMediaId(media.getMediaId()).setBlobUri(ref.map(MediaRef::getBlobUri).orElse(null))
                        .setSha256(media.getSha256()).setMd5(media.getMd5()).setPdq(media.getPdq())
                        .setViewedByPerson(media.getViewedByPerson()).setPubliclyAvailable(publiclyAvailable).build());
            }
        } else {
            for (MediaRef ref : refs) {
                files.add(NcmecFile.newBuilder().setMediaId(ref.getMediaId()).setBlobUri(ref.getBlobUri()).setSha256(ref.getSha256())
                        .setMd5(ref.getMd5()).setPdq(ref.getPdq()).setPubliclyAvailable(publiclyAvailable).build());
            }
        }
        return files;
    }

    /** The file details NCMEC takes for one uploaded file (SubmitFileDetails.ts). */
    public static Document fileDetails(String ncmecReportId, String ncmecFileId, NcmecFile file) {
        Document document = CyberTiplineXml.newDocument("fileDetails");
        Element details = document.getDocumentElement();
        add(details, "reportId", ncmecReportId);
        add(details, "fileId", ncmecFileId);
        add(details, "fileName", file.getMediaId());
        if (file.getViewedByPerson() != null) {
            add(details, "fileViewedByEsp", file.getViewedByPerson());
        }
        if (file.getPubliclyAvailable() != null) {
            add(details, "publiclyAvailable", file.getPubliclyAvailable());
        }
        add(details, "fileRelevance", CyberTiplineFields.REPORTED);
        hash(details, "MD5", file.getMd5());
        hash(details, "SHA256", file.getSha256());
        if (file.getPdq() != null) {
            add(details, "additionalInfo", "PDQ perceptual hash (ThreatExchange): " + file.getPdq());
        }
        return document;
    }

    private static void hash(Element details, String type, String value) {
        if (value != null && !value.isBlank()) {
            Element hash = details.getOwnerDocument().createElement("originalFileHash");
            hash.setAttribute("hashType", type);
            hash.setTextContent(value);
            details.appendChild(hash);
        }
    }

    private static String count(long value) {
        return NumberFormat.getIntegerInstance(Locale.ROOT).format(value);
    }
}
