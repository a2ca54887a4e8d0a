package io.vigil.compliance.statements;

import io.vigil.compliance.Fixtures;
import io.vigil.schemas.ContentCategory;
import io.vigil.schemas.EnforcementAction;
import io.vigil.schemas.EnforcementType;
import io.vigil.schemas.MediaKind;
import io.vigil.schemas.MediaRef;
import io.vigil.schemas.NoticeReporterType;
import io.vigil.schemas.QueueItem;
import io.vigil.schemas.StatementKind;
import io.vigil.schemas.StatementOfReasons;
import io.vigil.schemas.TransparencyStatement;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static io.vigil.compliance.Fixtures.action;
import static io.vigil.compliance.Fixtures.photoItem;
import static org.assertj.core.api.Assertions.assertThat;

class StatementDrafterTest {

    private final StatementPolicy policy = Fixtures.policy();
    private final StatementDrafter drafter = new StatementDrafter(policy);
    private final StatementValidator validator = new StatementValidator();

    private StatementOfReasons draft(EnforcementAction action, Optional<QueueItem> item, Set<NoticeReporterType> notices) {
        StatementOfReasons statement = drafter.restriction(new ActionContext(action, item, notices)).orElseThrow();
        assertThat(validator.validate(StatementJson.toJson(statement.getStatement()))).as("the database's rules").isEmpty();
        return statement;
    }

    @Test
    void aRemovedIntimateImageFoundByDetectionAndDecidedByAModeratorGetsTheConfiguredGroundsAndTheFactsOfTheCase() {
        StatementOfReasons sor = draft(action("chat-1", "m1", EnforcementType.REMOVE_MESSAGE, ContentCategory.NCII),
                Optional.of(photoItem("chat-1", "m1")), Set.of());
        TransparencyStatement s = sor.getStatement();

        assertThat(sor.getKind()).isEqualTo(StatementKind.RESTRICTION);
        assertThat(sor.getSubmit()).isTrue();
        assertThat(s.getDecisionVisibility()).containsExactly("DECISION_VISIBILITY_CONTENT_REMOVED");
        assertThat(s.getDecisionAccount()).isNull();
        assertThat(s.getDecisionGround()).isEqualTo("DECISION_GROUND_INCOMPATIBLE_CONTENT");
        assertThat(s.getIncompatibleContentGround()).isEqualTo("Terms of service: intimate images shared without consent");
        assertThat(s.getIncompatibleContentIllegal()).isEqualTo("Yes");
        assertThat(s.getIllegalContentLegalGround()).isNull();
        assertThat(s.getCategory()).isEqualTo("STATEMENT_CATEGORY_CYBER_VIOLENCE");
        assertThat(s.getCategorySpecification()).containsExactly("KEYWORD_NON_CONSENSUAL_IMAGE_SHARING");
        assertThat(s.getContentType()).containsExactly("CONTENT_TYPE_IMAGE");
        assertThat(s.getContentDate()).isEqualTo("2026-03-02");
        assertThat(s.getApplicationDate()).isEqualTo("2026-03-03");
        assertThat(s.getTerritorialScope()).hasSize(30).contains("DE", "ES", "GR", "IS", "LI", "NO");
        assertThat(s.getSourceType()).isEqualTo("SOURCE_VOLUNTARY");
        assertThat(s.getAutomatedDetection()).isEqualTo("Yes");
        assertThat(s.getAutomatedDecision()).isEqualTo("AUTOMATED_DECISION_NOT_AUTOMATED");
        assertThat(s.getDecisionFacts()).isEqualTo("The message shared intimate images of a person without their consent."
                + " The content was detected by automated means. A moderator reviewed the content and took the decision.");
        assertThat(s.getPuid()).isEqualTo(sor.getPuid()).matches("vigil-[0-9a-f]{40}");
    }

    @Test
    void theStatementForTheDatabaseCarriesNoIdentifierOfTheUserTheChatOrTheMessage() {
        StatementOfReasons sor = draft(action("chat-1", "m1", EnforcementType.REMOVE_MESSAGE_AND_BAN_SENDER, ContentCategory.DOXXING),
                Optional.of(photoItem("chat-1", "m1")), Set.of());
        String body = StatementJson.toJson(sor.getStatement()).toString();

        assertThat(body).doesNotContain("user-77", "chat-1", "m1\"", "synthetic group", "moderator-a", "file:///");
        assertThat(sor.getAffectedUserId()).isEqualTo("user-77");
    }

    @Test
    void aBanAlsoTerminatesTheAccount() {
        TransparencyStatement s = draft(action("chat-1", "m1", EnforcementType.REMOVE_MESSAGE_AND_BAN_SENDER, ContentCategory.NCII),
                Optional.of(photoItem("chat-1", "m1")), Set.of()).getStatement();

        assertThat(s.getDecisionVisibility()).containsExactly("DECISION_VISIBILITY_CONTENT_REMOVED");
        assertThat(s.getDecisionAccount()).isEqualTo("DECISION_ACCOUNT_TERMINATED");
        assertThat(s.getDecisionFacts()).endsWith("The account that posted it was also restricted.");
    }

    @Test
    void childSexualAbuseMaterialIsIllegalContentWithTheLawItBreaks() {
        TransparencyStatement s = draft(action("chat-1", "m1", EnforcementType.REMOVE_MESSAGE, ContentCategory.CSAM),
                Optional.of(photoItem("chat-1", "m1")), Set.of()).getStatement();

        assertThat(s.getDecisionGround()).isEqualTo("DECISION_GROUND_ILLEGAL_CONTENT");
        assertThat(s.getIllegalContentLegalGround()).startsWith("Directive 2011/93/EU, Article 5");
        assertThat(s.getIncompatibleContentGround()).isNull();
        assertThat(s.getCategory()).isEqualTo("STATEMENT_CATEGORY_PROTECTION_OF_MINORS");
        assertThat(s.getCategorySpecification()).containsExactly("KEYWORD_CHILD_SEXUAL_ABUSE_MATERIAL");
    }

    @Test
    void theSourceIsTheNoticeThatLedToTheDecisionATrustedFlaggersFirst() {
        EnforcementAction answered = action("chat-1", "m1", EnforcementType.REMOVE_MESSAGE, ContentCategory.NCII);
        answered.setNoticeIds(List.of("notice-1", "notice-2"));
        answered.setAutomatedDetection(false);

        assertThat(draft(answered, Optional.empty(), Set.of(NoticeReporterType.USER)).getStatement().getSourceType()).isEqualTo("SOURCE_ARTICLE_16");
        assertThat(draft(answered, Optional.empty(), Set.of(NoticeReporterType.USER, NoticeReporterType.TRUSTED_FLAGGER))
                .getStatement().getSourceType()).isEqualTo("SOURCE_TRUSTED_FLAGGER");
        assertThat(draft(answered, Optional.empty(), Set.of(NoticeReporterType.AUTHORITY)).getStatement().getSourceType())
                .isEqualTo("SOURCE_TYPE_OTHER_NOTIFICATION");
        TransparencyStatement unknownNotices = draft(answered, Optional.empty(), Set.of()).getStatement();
        assertThat(unknownNotices.getSourceType()).isEqualTo("SOURCE_ARTICLE_16");
        assertThat(unknownNotices.getAutomatedDetection()).isEqualTo("No");
        assertThat(unknownNotices.getDecisionFacts()).contains("The content was reported in 2 notices.").doesNotContain("automated means.");
    }

    @Test
    void contentTypesFollowTheMessagesMediaAndItsText() {
        QueueItem item = photoItem("chat-1", "m1");
        item.setMedia(List.of(media(MediaKind.PHOTO), media(MediaKind.ANIMATION), media(MediaKind.VOICE), media(MediaKind.STICKER)));
        item.setExposedData(List.of(exposed(null)));

        TransparencyStatement s = draft(action("chat-1", "m1", EnforcementType.REMOVE_MESSAGE, ContentCategory.DOXXING),
                Optional.of(item), Set.of()).getStatement();

        assertThat(s.getContentType()).containsExactly("CONTENT_TYPE_IMAGE", "CONTENT_TYPE_VIDEO", "CONTENT_TYPE_AUDIO", "CONTENT_TYPE_TEXT");
        assertThat(s.getContentTypeOther()).isNull();
    }

    @Test
    void personalDataReadFromAScreenshotIsTheImagesContentNotText() {
        QueueItem item = photoItem("chat-1", "m1");
        item.setMedia(List.of(media(MediaKind.PHOTO)));
        item.setExposedData(List.of(exposed(0)));

        TransparencyStatement s = draft(action("chat-1", "m1", EnforcementType.REMOVE_MESSAGE, ContentCategory.DOXXING),
                Optional.of(item), Set.of()).getStatement();

        assertThat(s.getContentType()).containsExactly("CONTENT_TYPE_IMAGE");
    }

    private static io.vigil.schemas.ExposedData exposed(Integer mediaIndex) {
        return io.vigil.schemas.ExposedData.newBuilder().setType(io.vigil.schemas.PersonalDataType.PHONE)
                .setMaskedPreview("+34 6•• ••• •78").setMediaIndex(mediaIndex).build();
    }

    @Test
    void aDocumentOrAnItemNoLongerKnownIsOtherContentInTheConfiguredWords() {
        QueueItem item = photoItem("chat-1", "m1");
        item.setMedia(List.of(media(MediaKind.DOCUMENT)));

        TransparencyStatement document = draft(action("chat-1", "m1", EnforcementType.REMOVE_MESSAGE, ContentCategory.NCII),
                Optional.of(item), Set.of()).getStatement();
        TransparencyStatement unknown = draft(action("chat-1", "m1", EnforcementType.REMOVE_MESSAGE, ContentCategory.NCII),
                Optional.empty(), Set.of()).getStatement();

        assertThat(document.getContentType()).containsExactly("CONTENT_TYPE_OTHER");
        assertThat(document.getContentTypeOther()).isEqualTo(policy.otherContentType());
        assertThat(unknown.getContentType()).containsExactly("CONTENT_TYPE_OTHER");
        assertThat(unknown.getContentDate()).as("no item: the decision's day").isEqualTo("2026-03-03");
    }

    @Test
    void aTimedRestrictionEndsTheConfiguredNumberOfDaysAfterItsApplication() {
        Restriction week = new Restriction(List.of("DECISION_VISIBILITY_CONTENT_DISABLED"), null, "DECISION_PROVISION_PARTIAL_SUSPENSION", "", 7);
        Map<String, Restriction> restrictions = new java.util.HashMap<>(policy.restrictions());
        restrictions.put("RESTRICT_CHAT", week);
        StatementPolicy timed = new StatementPolicy(policy.territorialScope(), policy.accountType(), policy.contentLanguage(),
                policy.otherContentType(), policy.reversalFacts(), policy.categories(), restrictions);

        TransparencyStatement s = new StatementDrafter(timed).restriction(new ActionContext(
                action("chat-1", "m1", EnforcementType.RESTRICT_CHAT, ContentCategory.NCII), Optional.empty(), Set.of()))
                .orElseThrow().getStatement();

        assertThat(s.getEndDateVisibilityRestriction()).isEqualTo("2026-03-10");
        assertThat(s.getEndDateServiceRestriction()).isEqualTo("2026-03-10");
        assertThat(s.getEndDateAccountRestriction()).isNull();
        assertThat(validator.validate(StatementJson.toJson(s))).isEmpty();
    }

    @Test
    void anActionThatRestrictsNothingHasNoStatement() {
        assertThat(drafter.restriction(new ActionContext(action("chat-1", "m1", EnforcementType.NO_ACTION, ContentCategory.NCII),
                Optional.empty(), Set.of()))).isEmpty();
        assertThat(drafter.restriction(new ActionContext(action("chat-1", "m1", EnforcementType.RESTORE, ContentCategory.NCII),
                Optional.empty(), Set.of()))).isEmpty();
    }

    @Test
    void theSameActionAlwaysGetsTheSamePuidAndAnotherActionAnother() {
        EnforcementAction action = action("chat-1", "m1", EnforcementType.REMOVE_MESSAGE, ContentCategory.NCII);

        assertThat(Puid.forAction(action.getActionId())).isEqualTo(Puid.forAction(action.getActionId()))
                .isNotEqualTo(Puid.forAction(action("chat-1", "m2", EnforcementType.REMOVE_MESSAGE, ContentCategory.NCII).getActionId()));
        assertThat(Puid.forAction("a:b")).isNotEqualTo(Puid.forAction("a_b"));
    }

    @Test
    void aReversalWithdrawsTheOriginalForTheUserAndIsNotSubmitted() {
        StatementOfReasons original = draft(action("chat-1", "m1", EnforcementType.REMOVE_MESSAGE, ContentCategory.NCII),
                Optional.of(photoItem("chat-1", "m1")), Set.of());
        EnforcementAction restore = action("chat-1", "m1", EnforcementType.RESTORE, ContentCategory.NCII);
        restore.setDecisionId("reversal-1");
        restore.setActionId("reversal-1:RESTORE");
        restore.setIssuedAt(Fixtures.ISSUED.plusSeconds(86_400 * 20));

        StatementOfReasons reversal = drafter.reversal(restore, original);

        assertThat(reversal.getKind()).isEqualTo(StatementKind.REVERSAL);
        assertThat(reversal.getSubmit()).isFalse();
        assertThat(reversal.getSupersedesPuid()).isEqualTo(original.getPuid());
        assertThat(reversal.getPuid()).isNotEqualTo(original.getPuid()).isEqualTo(reversal.getStatement().getPuid());
        assertThat(reversal.getStatement().getDecisionFacts()).isEqualTo(policy.reversalFacts());
        assertThat(reversal.getStatement().getApplicationDate()).isEqualTo("2026-03-23");
        assertThat(reversal.getStatement().getCategory()).isEqualTo(original.getStatement().getCategory());
    }

    private static MediaRef media(MediaKind kind) {
        return MediaRef.newBuilder().setMediaId("media-" + kind).setKind(kind).build();
    }
}
