package io.vigil.detector.doxxing;

import io.vigil.detector.doxxing.scoring.ExposureFeature;
import io.vigil.detector.doxxing.scoring.ScoringWeights;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static io.vigil.detector.doxxing.TestDetectors.DETECTOR;
import static org.assertj.core.api.Assertions.assertThat;

/** What the sender's previous message pointed at, for data split over two messages. Numbers are fictional. */
class PriorCuesTest {

    @Test
    void aPreviousMessageThatNamesAThirdPersonPointsAtSomeone() {
        assertThat(DETECTOR.priorCues("il me semble que c'est celle d'hier soir").pointsAtSomeone()).isTrue();
        assertThat(DETECTOR.priorCues("上面照片那个女的").pointsAtSomeone()).isTrue();
    }

    @Test
    void aTargetingPhraseOutweighsABusinessWordInThePreviousMessage() {
        assertThat(DETECTOR.priorCues("this is Dale's ex the one from the festival vid").pointsAtSomeone()).isTrue();
    }

    @Test
    void aSellersPreviousMessagePointsAtNoOne() {
        assertThat(DETECTOR.priorCues("anyone after running shoes? best price in town").pointsAtSomeone()).isFalse();
    }

    @Test
    void aBareNumberAfterAMessageAboutHerIsAnExposure() {
        PriorCues prior = DETECTOR.priorCues("this is Dale's ex the one from the festival vid");
        TextScan scan = DETECTOR.scan("+44 7700 900 461", Optional.of("GB"), false, prior);
        assertThat(scan.doxxing()).as(scan.reasons().toString()).isTrue();
    }

    @Test
    void aMessageThatPointsAtSomeoneChangesTheSendersNextScan() {
        assertThat(DETECTOR.changesTheNextScan(DETECTOR.priorCues("this is Dale's ex the one from the festival vid"))).isTrue();
    }

    @Test
    void aSellersMessageChangesNothingForTheNextScanWhileItsFeatureWeighsNothing() {
        PriorCues seller = DETECTOR.priorCues("anyone after running shoes? best price in town");
        assertThat(seller.aboutWriterOrOrganisation()).isTrue();
        assertThat(DETECTOR.config().weights().weight(ExposureFeature.PREVIOUS_NOT_ABOUT_SOMEONE)).isZero();

        assertThat(DETECTOR.changesTheNextScan(seller)).isFalse();
        assertThat(DETECTOR.changesTheNextScan(PriorCues.NONE)).isFalse();
    }

    @Test
    void aSellersMessageChangesTheNextScanOnceItsFeatureIsWeighted() {
        double[] vector = DETECTOR.config().weights().vector();
        vector[ScoringWeights.index(ExposureFeature.PREVIOUS_NOT_ABOUT_SOMEONE)] = -0.5;
        DoxxingDetector weighted = DoxxingDetector.create(DETECTOR.config().withWeights(
                ScoringWeights.fromVector(vector, DETECTOR.config().weights().maxAdditional())));

        assertThat(weighted.changesTheNextScan(DETECTOR.priorCues("anyone after running shoes? best price in town"))).isTrue();
    }
}
