package io.vigil.detector.doxxing.recognizers;

import io.vigil.detector.doxxing.EntityType;
import io.vigil.detector.doxxing.TextScan;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static io.vigil.detector.doxxing.TestDetectors.DETECTOR;
import static io.vigil.detector.doxxing.TestDetectors.found;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A woman identified by quasi-identifiers in each language: her name with her class and school, her workplace and
 * shift, her gym and hours, her stop; in sentences, fragments and lists, after an image or in a "who is she" thread.
 * And the same places naming themselves, or named in plain chat, which expose no one. Written for these tests from
 * knowledge of the languages, not from the corpus; every name, school, shop and place is invented.
 */
class QuasiIdentifierLanguagesTest {

    private static TextScan scan(String[] message) {
        return DETECTOR.scan(message[2], Optional.of(message[0]), message[1].equals("image"));
    }

    @Test
    void inEnglishHerNameWithHerSchoolWorkplaceOrRoutineExposesHer() {
        for (String[] message : new String[][]{
                {"GB", "image", "that's Kayleigh Brennan, year 10 at Oakfield Academy, gets the 42 bus from the stop outside Tesco at 8"},
                {"GB", "text", "who is she? Shannon from the video, works the late shift at the Costa on Mill Road"},
                {"US", "image", "anyone know her? Brianna Cole, sophomore at Westbrook High, does cheer practice every Tuesday"},
                {"GB", "text", "the one with the red hair is Niamh, trains at PureGym Leyton every morning at 6"},
                {"GB", "image", "her name's Jade Whitlock, cashier at Lidl in Harlow, finishes at 10pm"},
                {"GB", "image", "Kayleigh B. / year 10 / Oakfield Academy / 42 bus at 8"},
                {"GB", "text", "name: Jade W | works: Lidl Harlow | shift: nights"},
                {"US", "text", "found her: Brianna Cole - Westbrook High - junior - cheer on tuesdays"},
                {"GB", "image", "she's a nurse at St Mary's, Paddington, does nights, lives off Edgware Rd"}}) {
            TextScan result = scan(message);
            assertThat(result.doxxing()).as(message[2] + " " + result.reasons()).isTrue();
        }
    }

    @Test
    void inEnglishAPlaceNamingItselfOrNamedInPlainChatExposesNoOne() {
        for (String[] message : new String[][]{
                {"GB", "text", "Oakfield Academy open evening on Thursday at 6pm, all parents welcome"},
                {"GB", "text", "meet you at the Costa on Mill Road at 3?"},
                {"GB", "text", "PureGym Leyton: new classes every morning at 6, book on the app"},
                {"GB", "text", "Oakfield Academy / Year 10 / parents evening Thursday 6pm"},
                {"GB", "text", "I work at Lidl Harlow, nights mostly, come say hi"}}) {
            TextScan result = scan(message);
            assertThat(result.doxxing()).as(message[2] + " " + result.reasons()).isFalse();
        }
    }

    @Test
    void inSpanishHerNameWithHerSchoolWorkplaceOrRoutineExposesHer() {
        for (String[] message : new String[][]{
                {"ES", "image", "esta es Lucía Ferrer, estudia 2º de bachillerato en el IES Ramón Llull, sale a las 14:30"},
                {"ES", "text", "la del vídeo se llama Aitana, trabaja de cajera en el Mercadona de la avenida Portugal, turno de tarde"},
                {"ES", "image", "alguien la conoce? Carla Soto, va al gimnasio Altafit de Usera todos los lunes a las 7"},
                {"ES", "text", "esa chica es Noelia, del barrio de San Blas, coge el metro en Simancas cada mañana"},
                {"ES", "image", "Lucía F. — 2º bach — IES Ramón Llull — sale 14:30"},
                {"ES", "text", "nombre: Aitana R. / curro: Mercadona av. Portugal / turno tarde"}}) {
            TextScan result = scan(message);
            assertThat(result.doxxing()).as(message[2] + " " + result.reasons()).isTrue();
        }
    }

    @Test
    void inSpanishAPlaceNamingItselfOrNamedInPlainChatExposesNoOne() {
        for (String[] message : new String[][]{
                {"ES", "text", "el IES Ramón Llull abre el plazo de matrícula el lunes"},
                {"ES", "text", "quedamos en el Mercadona de la avenida Portugal a las 7?"},
                {"ES", "text", "IES Ramón Llull / 2º bach / reunión de padres el martes"},
                {"ES", "text", "yo estudio en la Complutense, derecho, primero"}}) {
            TextScan result = scan(message);
            assertThat(result.doxxing()).as(message[2] + " " + result.reasons()).isFalse();
        }
    }

    @Test
    void inCatalanHerNameWithHerSchoolWorkplaceOrRoutineExposesHer() {
        for (String[] message : new String[][]{
                {"ES", "image", "aquesta és la Marta Puig, 4t d'ESO a l'Institut Montserrat, surt a les 3"},
                {"ES", "text", "qui és aquesta? Laia, treballa de caixera al Bonpreu de Sants, torn de tarda"},
                {"ES", "image", "algú la coneix? Núria Vidal, va al gimnàs DiR de Gràcia cada dilluns"},
                {"ES", "image", "Marta P. / 4t ESO / Institut Montserrat / surt a les 3"},
                {"ES", "text", "nom: Laia V. | feina: Bonpreu de Sants | torn de tarda"},
                {"ES", "image", "és la Núria Vidal, estudia a la UPF, viu a Gràcia"}}) {
            TextScan result = scan(message);
            assertThat(result.doxxing()).as(message[2] + " " + result.reasons()).isTrue();
        }
    }

    @Test
    void inCatalanAPlaceNamingItselfOrNamedInPlainChatExposesNoOne() {
        for (String[] message : new String[][]{
                {"ES", "text", "Institut Montserrat: jornada de portes obertes dissabte a les 10"},
                {"ES", "text", "quedem al Bonpreu de Sants a les 7?"}}) {
            TextScan result = scan(message);
            assertThat(result.doxxing()).as(message[2] + " " + result.reasons()).isFalse();
        }
    }

    @Test
    void inItalianHerNameWithHerSchoolWorkplaceOrRoutineExposesHer() {
        for (String[] message : new String[][]{
                {"IT", "image", "questa è Giulia Martini, terza superiore al liceo Galilei, esce alle 13"},
                {"IT", "text", "chi è questa? Chiara, fa la commessa da Zara in via del Corso, turno di sera"},
                {"IT", "image", "la tipa si chiama Sara Bellini, va in palestra al McFit di Lambrate ogni martedì"},
                {"IT", "image", "Giulia M. - 3B liceo Galilei - esce alle 13"},
                {"IT", "text", "nome: Chiara R. | lavoro: Zara via del Corso | turno sera"},
                {"IT", "image", "lei è Sara, lavora al bar Moka in piazza Dante, la mattina"}}) {
            TextScan result = scan(message);
            assertThat(result.doxxing()).as(message[2] + " " + result.reasons()).isTrue();
        }
    }

    @Test
    void inItalianAPlaceNamingItselfOrNamedInPlainChatExposesNoOne() {
        for (String[] message : new String[][]{
                {"IT", "text", "Liceo Galilei: open day sabato alle 10"},
                {"IT", "text", "ci vediamo al bar Centrale alle 6?"}}) {
            TextScan result = scan(message);
            assertThat(result.doxxing()).as(message[2] + " " + result.reasons()).isFalse();
        }
    }

    @Test
    void inPortugueseHerNameWithHerSchoolWorkplaceOrRoutineExposesHer() {
        for (String[] message : new String[][]{
                {"BR", "image", "essa é a Camila Rocha, 3º ano na Escola Estadual Dom Pedro, sai às 12h"},
                {"PT", "text", "quem é ela? Beatriz, trabalha no Pingo Doce de Benfica, turno da manhã"},
                {"BR", "image", "alguém conhece? Larissa Mendes, treina na Smart Fit da Paulista toda segunda às 19h"},
                {"BR", "image", "Camila R. / 3º ano / E.E. Dom Pedro / sai 12h"},
                {"BR", "text", "nome: Larissa M. - trampo: Renner do Shopping Ibirapuera - turno noite"}}) {
            TextScan result = scan(message);
            assertThat(result.doxxing()).as(message[2] + " " + result.reasons()).isTrue();
        }
    }

    @Test
    void inPortugueseAPlaceNamingItselfOrNamedInPlainChatExposesNoOne() {
        for (String[] message : new String[][]{
                {"BR", "text", "Smart Fit da Paulista: aulas toda segunda às 19h, venha conhecer"},
                {"BR", "text", "vamos no Pingo Doce de Benfica depois?"}}) {
            TextScan result = scan(message);
            assertThat(result.doxxing()).as(message[2] + " " + result.reasons()).isFalse();
        }
    }

    @Test
    void inFrenchHerNameWithHerSchoolWorkplaceOrRoutineExposesHer() {
        for (String[] message : new String[][]{
                {"FR", "image", "c'est Léa Martin, en terminale au lycée Voltaire, sort à 17h le mardi"},
                {"FR", "text", "elle s'appelle Manon, caissière au Carrefour de Montreuil, le soir"},
                {"FR", "image", "quelqu'un la connaît? Inès Morel, s'entraîne à la salle Basic-Fit de Bobigny tous les matins"},
                {"FR", "image", "Léa M. / terminale / lycée Voltaire / sort 17h"},
                {"FR", "text", "nom: Manon D. | taf: Carrefour Montreuil | le soir"},
                {"FR", "image", "elle c'est Chloé, elle bosse chez Sephora aux Halles, le samedi"}}) {
            TextScan result = scan(message);
            assertThat(result.doxxing()).as(message[2] + " " + result.reasons()).isTrue();
        }
    }

    @Test
    void inFrenchAPlaceNamingItselfOrNamedInPlainChatExposesNoOne() {
        for (String[] message : new String[][]{
                {"FR", "text", "Lycée Voltaire: portes ouvertes samedi à 10h"},
                {"FR", "text", "on se retrouve au Carrefour de Montreuil à 18h?"},
                {"FR", "text", "je bosse chez Sephora aux Halles le samedi"}}) {
            TextScan result = scan(message);
            assertThat(result.doxxing()).as(message[2] + " " + result.reasons()).isFalse();
        }
    }

    @Test
    void inGermanHerNameWithHerSchoolWorkplaceOrRoutineExposesHer() {
        for (String[] message : new String[][]{
                {"DE", "image", "das ist Lena Hoffmann, 9. Klasse am Goethe-Gymnasium, kommt um 13 Uhr raus"},
                {"DE", "text", "wer ist die? Jana, arbeitet bei Rewe in der Filiale am Markt, Spätschicht"},
                {"DE", "image", "kennt ihr die? Sophie Krüger, trainiert im McFit Neukölln jeden Montag um 18 Uhr"},
                {"DE", "image", "Lena H. / 9b / Goethe-Gymnasium / 13 Uhr"},
                {"DE", "text", "Name: Jana W. | Arbeit: Rewe am Markt | Spätschicht"},
                {"DE", "image", "die heißt Mia Schulz, studiert an der TU, wohnt in der WG am Kanal"}}) {
            TextScan result = scan(message);
            assertThat(result.doxxing()).as(message[2] + " " + result.reasons()).isTrue();
        }
    }

    @Test
    void inGermanAPlaceNamingItselfOrNamedInPlainChatExposesNoOne() {
        for (String[] message : new String[][]{
                {"DE", "text", "Goethe-Gymnasium: Tag der offenen Tür am Samstag um 10 Uhr"},
                {"DE", "text", "treffen wir uns bei Rewe am Markt um 6?"},
                {"DE", "text", "Goethe-Gymnasium / 9b / Elternabend Montag 19 Uhr"}}) {
            TextScan result = scan(message);
            assertThat(result.doxxing()).as(message[2] + " " + result.reasons()).isFalse();
        }
    }

    @Test
    void inRussianHerNameWithHerSchoolWorkplaceOrRoutineExposesHer() {
        for (String[] message : new String[][]{
                {"RU", "image", "это Алина Смирнова, 10 класс, школа № 12, выходит в 14:00"},
                {"RU", "text", "кто она? Катя, работает кассиром в Пятёрочке на Ленина, в вечернюю смену"},
                {"RU", "image", "кто её знает? Дарина Волкова, ходит в спортзал Атлет на Садовой по средам"},
                {"RU", "image", "Алина С. / 10Б / школа 12 / 14:00"},
                {"RU", "text", "имя: Катя М. | работа: Пятёрочка на Ленина | вечерняя смена"},
                {"RU", "image", "это Вика, учится в ВШЭ на втором курсе, живёт в общаге на Студенческой"}}) {
            TextScan result = scan(message);
            assertThat(result.doxxing()).as(message[2] + " " + result.reasons()).isTrue();
        }
    }

    @Test
    void inRussianAPlaceNamingItselfOrNamedInPlainChatExposesNoOne() {
        for (String[] message : new String[][]{
                {"RU", "text", "школа № 12 приглашает на день открытых дверей в субботу"},
                {"RU", "text", "встретимся в Пятёрочке на Ленина в 6?"},
                {"RU", "text", "школа 12 / 10Б / родительское собрание в среду"}}) {
            TextScan result = scan(message);
            assertThat(result.doxxing()).as(message[2] + " " + result.reasons()).isFalse();
        }
    }

    @Test
    void inMalayHerNameWithHerSchoolWorkplaceOrRoutineExposesHer() {
        for (String[] message : new String[][]{
                {"MY", "image", "ni Nurul Aina, tingkatan 4 SMK Taman Melati, balik pukul 2"},
                {"MY", "text", "siapa dia? Siti, kerja cashier kat Mydin Seremban, shift malam"},
                {"MY", "image", "kenal tak minah ni? Farah, pergi gym Anytime Fitness Bangsar setiap isnin"},
                {"MY", "image", "Nurul A. / T4 / SMK Taman Melati / 2 ptg"},
                {"MY", "text", "nama: Siti N. | kerja: Mydin Seremban | shift malam"},
                {"MY", "image", "ni aina, budak upm, duduk kat serdang, kerja part time kat Tealive"}}) {
            TextScan result = scan(message);
            assertThat(result.doxxing()).as(message[2] + " " + result.reasons()).isTrue();
        }
    }

    @Test
    void inMalayAPlaceNamingItselfOrNamedInPlainChatExposesNoOne() {
        for (String[] message : new String[][]{
                {"MY", "text", "SMK Taman Melati: hari terbuka pada hari sabtu"},
                {"MY", "text", "jom lepak kat Mydin Seremban pukul 8"}}) {
            TextScan result = scan(message);
            assertThat(result.doxxing()).as(message[2] + " " + result.reasons()).isFalse();
        }
    }

    @Test
    void inSwahiliHerNameWithHerSchoolWorkplaceOrRoutineExposesHer() {
        for (String[] message : new String[][]{
                {"KE", "image", "huyu ni Wanjiru Kamau, form three Alliance Girls, hutoka saa kumi"},
                {"KE", "text", "nani anamjua huyu? Akinyi, anafanya kazi Naivas Ngong Road, shift ya usiku"},
                {"KE", "image", "huyu dem ni Mercy, anaishi Kahawa West, hupanda matatu stage ya Githurai kila asubuhi"},
                {"KE", "image", "Wanjiru K. / form 3 / Alliance Girls / saa kumi"},
                {"KE", "text", "jina: Akinyi O. | kazi: Naivas Ngong Road | usiku"},
                {"KE", "image", "huyu ni Mercy, anasoma KU, anaishi Kahawa Wendani"}}) {
            TextScan result = scan(message);
            assertThat(result.doxxing()).as(message[2] + " " + result.reasons()).isTrue();
        }
    }

    @Test
    void inSwahiliAPlaceNamingItselfOrNamedInPlainChatExposesNoOne() {
        for (String[] message : new String[][]{
                {"KE", "text", "Naivas Ngong Road tunafungua saa mbili asubuhi kila siku"},
                {"KE", "text", "tukutane Naivas Ngong Road saa kumi"}}) {
            TextScan result = scan(message);
            assertThat(result.doxxing()).as(message[2] + " " + result.reasons()).isFalse();
        }
    }

    @Test
    void inAzerbaijaniHerNameWithHerSchoolWorkplaceOrRoutineExposesHer() {
        for (String[] message : new String[][]{
                {"AZ", "image", "bu Aysel Məmmədovadır, 10-cu sinif, 23 nömrəli məktəb, dərsdən sonra saat 2-də çıxır"},
                {"AZ", "text", "bu qız kimdir? Leyla, Bravoda kassir işləyir, gecə növbəsi"},
                {"AZ", "image", "bunu tanıyan var? Günel, hər səhər Gənclik metrosunda avtobusa minir"},
                {"AZ", "image", "Aysel M. / 10B / 23 nömrəli məktəb / saat 14:00"},
                {"AZ", "text", "adı: Leyla Q. | işi: Bravo Nərimanov | gecə"},
                {"AZ", "image", "bu Nigardır, ADA-da oxuyur, Yasamalda qalır"}}) {
            TextScan result = scan(message);
            assertThat(result.doxxing()).as(message[2] + " " + result.reasons()).isTrue();
        }
    }

    @Test
    void inAzerbaijaniAPlaceNamingItselfOrNamedInPlainChatExposesNoOne() {
        for (String[] message : new String[][]{
                {"AZ", "text", "23 nömrəli məktəbdə açıq qapı günü şənbə günü"},
                {"AZ", "text", "saat 6-da Gənclik metrosunda görüşək?"}}) {
            TextScan result = scan(message);
            assertThat(result.doxxing()).as(message[2] + " " + result.reasons()).isFalse();
        }
    }

    @Test
    void inChineseHerNameWithHerSchoolWorkplaceOrRoutineExposesHer() {
        for (String[] message : new String[][]{
                {"CN", "image", "她叫李婷婷，高二三班，每天下午五点从实验中学出来"},
                {"CN", "text", "这女的是谁？王芳，在星巴克国贸店上班，晚班"},
                {"CN", "image", "有人认识她吗？陈静，每周三晚上在万达广场健身房"},
                {"CN", "image", "李婷婷 / 高二 / 实验中学 / 下午五点"},
                {"CN", "text", "姓名：王芳｜工作：星巴克国贸店｜晚班"},
                {"CN", "image", "她是张悦，北师大大二的，住在海淀"}}) {
            TextScan result = scan(message);
            assertThat(result.doxxing()).as(message[2] + " " + result.reasons()).isTrue();
        }
    }

    @Test
    void inChineseAPlaceNamingItselfOrNamedInPlainChatExposesNoOne() {
        for (String[] message : new String[][]{
                {"CN", "text", "实验中学周六开放日，欢迎家长"},
                {"CN", "text", "周六下午五点在万达广场见？"},
                {"CN", "text", "实验中学 / 高二 / 家长会周三下午五点"}}) {
            TextScan result = scan(message);
            assertThat(result.doxxing()).as(message[2] + " " + result.reasons()).isFalse();
        }
    }

    @Test
    void aNameAfterAnElidedArticleStartsAfterTheApostrophe() {
        assertThat(found("elle bosse de nuit à l'Hôpital Saint-Aubry, aux urgences", "FR", EntityType.WORKPLACE))
                .containsExactly("Hôpital Saint-Aubry");
        assertThat(found("lavora all'Ottica Ferrandi in centro", "IT", EntityType.WORKPLACE))
                .containsExactly("Ottica Ferrandi");
    }
}
