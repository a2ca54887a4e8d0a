package io.vigil.compliance.statements;

import io.vigil.schemas.EnforcementAction;
import io.vigil.schemas.EnforcementType;
import io.vigil.schemas.MediaKind;
import io.vigil.schemas.MediaRef;
import io.vigil.schemas.NoticeReporterType;
import io.vigil.schemas.QueueItem;
import io.vigil.schemas.StatementKind;
import io.vigil.schemas.StatementOfReasons;
import io.vigil.schemas.TransparencyStatement;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Drafts the statement of reasons for an enforcement action from the platform's policy: the restriction its type
 * imposes, the grounds of its content category, the content's types and date, how it was found (automated detection,
 * notices by whom) and decided. Only standard words from configuration and facts without personal data go into the
 * statement: the database is public (Art. 24(5)). Dates are UTC days.
 */
public final class StatementDrafter {

    private final StatementPolicy policy;

    public StatementDrafter(StatementPolicy policy) {
        this.policy = policy;
    }

    /** The statement for a restricting action; empty for an action that restricts nothing (NO_ACTION). */
    public Optional<StatementOfReasons> restriction(ActionContext context) {
        EnforcementAction action = context.action();
        Restriction restriction = policy.restriction(action.getType());
        if (restriction == null) {
            return Optional.empty();
        }
        CategoryGrounds grounds = policy.grounds(action.getCategory());
        LocalDate applicationDate = day(action.getIssuedAt());
        TransparencyStatement.Builder statement = TransparencyStatement.newBuilder()
                .setPuid(Puid.forAction(action.getActionId()))
                .setDecisionVisibility(restriction.visibility())
                .setDecisionVisibilityOther(restriction.visibility().contains(TransparencyDatabaseRules.DECISION_VISIBILITY_OTHER)
                        ? restriction.visibilityOther() : null)
                .setDecisionProvision(orNull(restriction.provision()))
                .setDecisionAccount(orNull(restriction.account()))
                .setAccountType(orNull(policy.accountType()))
                .setDecisionGround(grounds.decisionGround())
                .setDecisionGroundReferenceUrl(orNull(grounds.referenceUrl()))
                .setCategory(grounds.category())
                .setCategoryAddition(grounds.categoryAddition())
                .setCategorySpecification(grounds.specifications())
                .setCategorySpecificationOther(orNull(grounds.specificationOther()))
                .setTerritorialScope(policy.countries())
                .setContentLanguage(orNull(policy.contentLanguage()))
                .setContentDate(contentDate(context).toString())
                .setApplicationDate(applicationDate.toString())
                .setDecisionFacts(facts(grounds, context))
                .setSourceType(sourceType(action, context.noticeSources()))
                .setAutomatedDetection(action.getAutomatedDetection() ? "Yes" : "No")
                .setAutomatedDecision(action.getAutomatedDecision() ? "AUTOMATED_DECISION_FULLY" : "AUTOMATED_DECISION_NOT_AUTOMATED");
        if (grounds.illegalContent()) {
            statement.setIllegalContentLegalGround(grounds.legalGround()).setIllegalContentExplanation(grounds.legalExplanation());
        } else {
            statement.setIncompatibleContentGround(grounds.termsGround()).setIncompatibleContentExplanation(grounds.termsExplanation())
                    .setIncompatibleContentIllegal(orNull(grounds.alsoIllegal()));
        }
        List<String> otherTypes = new ArrayList<>();
        statement.setContentType(contentTypes(context.item(), otherTypes));
        statement.setContentTypeOther(otherTypes.isEmpty() ? null : policy.otherContentType());
        if (restriction.durationDays() > 0) {
            String end = applicationDate.plusDays(restriction.durationDays()).toString();
            statement.setEndDateVisibilityRestriction(restriction.visibility().isEmpty() ? null : end)
                    .setEndDateServiceRestriction(StatementPolicy.blank(restriction.provision()) ? null : end)
                    .setEndDateAccountRestriction(StatementPolicy.blank(restriction.account()) ? null : end);
        }
        return Optional.of(envelope(action, StatementKind.RESTRICTION, true, statement.build(), null));
    }

    /**
     * The statement that withdraws an earlier one after a successful appeal: for the user, with the original's
     * grounds and the reversal's facts. The database takes restrictions only, so it is not submitted there.
     */
    public StatementOfReasons reversal(EnforcementAction restore, StatementOfReasons original) {
        TransparencyStatement statement = TransparencyStatement.newBuilder(original.getStatement())
                .setPuid(Puid.forAction(restore.getActionId()))
                .setApplicationDate(day(restore.getIssuedAt()).toString())
                .setDecisionFacts(policy.reversalFacts())
                .build();
        return envelope(restore, StatementKind.REVERSAL, false, statement, original.getPuid());
    }

    private static StatementOfReasons envelope(EnforcementAction action, StatementKind kind, boolean submit,
                                               TransparencyStatement statement, String supersedesPuid) {
        return StatementOfReasons.newBuilder()
                .setPuid(statement.getPuid())
                .setKind(kind)
                .setActionId(action.getActionId())
                .setDecisionId(action.getDecisionId())
                .setSupersedesPuid(supersedesPuid)
                .setItemId(action.getItemId())
                .setPlatform(action.getPlatform())
                .setChatId(action.getChatId())
                .setMessageId(action.getMessageId())
                .setAffectedUserId(action.getSenderId())
                .setVigilCategory(action.getCategory())
                .setNoticeIds(action.getNoticeIds())
                .setCreatedAt(action.getIssuedAt())
                .setSubmit(submit)
                .setStatement(statement)
                .build();
    }

    /** When the content was posted: the action's own record of it, else the queue item's, else the decision's day. */
    private static LocalDate contentDate(ActionContext context) {
        EnforcementAction action = context.action();
        if (action.getContentSentAt() != null) {
            return day(action.getContentSentAt());
        }
        return context.item().map(item -> day(item.getSentAt())).orElse(day(action.getDecidedAt()));
    }

    /**
     * The database's content types of the message: its media by kind, and text when it has no media or exposes
     * personal data in its text (data read from an image by OCR names its media item, and is that image's content).
     * Kinds the database has no type for are OTHER (named in {@code otherOut}).
     */
    static List<String> contentTypes(Optional<QueueItem> item, List<String> otherOut) {
        Set<String> types = new LinkedHashSet<>();
        if (item.isEmpty()) {
            otherOut.add("unknown");
            return List.of(TransparencyDatabaseRules.CONTENT_TYPE_OTHER);
        }
        for (MediaRef media : item.get().getMedia()) {
            String type = contentType(media.getKind());
            if (type.equals(TransparencyDatabaseRules.CONTENT_TYPE_OTHER)) {
                otherOut.add(media.getKind().name());
            }
            types.add(type);
        }
        boolean exposedInText = item.get().getExposedData().stream().anyMatch(e -> e.getMediaIndex() == null);
        if (item.get().getMedia().isEmpty() || exposedInText) {
            types.add("CONTENT_TYPE_TEXT");
        }
        return List.copyOf(types);
    }

    static String contentType(MediaKind kind) {
        return switch (kind) {
            case PHOTO, STICKER -> "CONTENT_TYPE_IMAGE";
            case VIDEO, VIDEO_NOTE, ANIMATION -> "CONTENT_TYPE_VIDEO";
            case VOICE, AUDIO -> "CONTENT_TYPE_AUDIO";
            case DOCUMENT, UNKNOWN -> TransparencyDatabaseRules.CONTENT_TYPE_OTHER;
        };
    }

    /**
     * What led to the decision (additional-explanation, section 7.1): a trusted flagger's notice, a notice under
     * Art. 16, another notification (authorities' requests that are not Art. 9 orders), or the platform's own initiative.
     */
    static String sourceType(EnforcementAction action, Set<NoticeReporterType> noticeSources) {
        if (action.getNoticeIds().isEmpty()) {
            return "SOURCE_VOLUNTARY";
        }
        if (noticeSources.contains(NoticeReporterType.TRUSTED_FLAGGER)) {
            return "SOURCE_TRUSTED_FLAGGER";
        }
        if (!noticeSources.isEmpty() && noticeSources.stream().allMatch(s -> s == NoticeReporterType.AUTHORITY)) {
            return "SOURCE_TYPE_OTHER_NOTIFICATION";
        }
        return "SOURCE_ARTICLE_16";
    }

    private static String facts(CategoryGrounds grounds, ActionContext context) {
        EnforcementAction action = context.action();
        StringBuilder facts = new StringBuilder(grounds.facts().strip());
        if (action.getAutomatedDetection()) {
            facts.append(" The content was detected by automated means.");
        }
        if (!action.getNoticeIds().isEmpty()) {
            facts.append(action.getNoticeIds().size() == 1 ? " The content was reported in a notice." : " The content was reported in "
                    + action.getNoticeIds().size() + " notices.");
        }
        facts.append(action.getAutomatedDecision() ? " The decision was taken by automated means."
                : " A moderator reviewed the content and took the decision.");
        if (action.getType() == EnforcementType.REMOVE_MESSAGE_AND_BAN_SENDER) {
            facts.append(" The account that posted it was also restricted.");
        }
        return facts.toString();
    }

    private static LocalDate day(Instant instant) {
        return instant.atZone(ZoneOffset.UTC).toLocalDate();
    }

    private static String orNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
