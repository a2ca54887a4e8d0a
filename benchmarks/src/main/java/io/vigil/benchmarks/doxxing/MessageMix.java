package io.vigil.benchmarks.doxxing;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A deterministic, synthetic mix of chat messages shaped like group traffic: most messages have no digits at all,
 * some carry times, prices or counts, a few carry (fictional) personal data. Proportions are arguments.
 */
public final class MessageMix {

    private static final String[] WORDS = {
            "jajaja", "q fuerte", "mañana", "nos vemos", "vale", "tío", "madre mía", "ahora", "vamos", "qué dices",
            "ahahah", "dai", "stasera", "andiamo", "bello", "kkkkk", "bora", "amanhã", "obrigado", "mdr", "grave",
            "demain", "ce soir", "haha", "morgen", "genau", "krass", "привет", "давай", "завтра", "ок", "lol",
            "serious", "tonight", "who", "where", "jom", "esok", "takpe", "哈哈", "明天", "好的", "sawa", "kesho",
            "poa", "sabah", "yaxşı", "gəl", "😂", "🔥", "👀", "🙏", "ya", "no sé", "de verdad", "la fiesta",
            "el video", "the pic", "il video", "la foto", "o vídeo", "la vidéo", "das video", "видео", "视频"};
    private static final String[] WITH_DIGITS = {
            "quedamos a las 18:30 en la plaza", "son 25€ por cabeza", "llego en 10 min", "3 entradas para el 14",
            "ci vediamo alle 21", "costa 40 euro", "faltam 2 dias", "rdv à 19h", "ça fait 15 balles",
            "um 8 uhr am bahnhof", "в 7 вечера", "200 руб", "jam 9 malam", "晚上8点", "saa 3 usiku", "saat 5-də",
            "the game is 2-1", "level 42 done", "version 10.14.5 is out", "12/03 es el cumple de Ana"};
    private static final String[] WITH_DATA = {
            "su número es 612 34 56 78 escribidle", "ig: maria.lopez98 la tiene abierta",
            "vive en Calle Mayor 7, 28013 Madrid", "il suo numero 333 123 4567 scrivetele",
            "o número dela +55 11 91234-5678", "son mail emma.girard04@gmail.com", "её номер +7 912 345-67-89",
            "她的电话13800138000大家打", "namba yake 0712 345 678", "onun nömrəsi +994 50 123 45 67",
            "Pizzería Roma: pedidos al 612 34 56 78", "llámame al 612 34 56 78", "su DNI 12345678Z jaja",
            "instagram.com/maria.lopez98", "aquí vive 📍 40.4168, -3.7038"};

    private MessageMix() {
    }

    public static List<String> generate(int count, double digitShare, double dataShare, long seed) {
        Random random = new Random(seed);
        List<String> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            double r = random.nextDouble();
            StringBuilder sb = new StringBuilder();
            int words = 2 + random.nextInt(12);
            for (int w = 0; w < words; w++) {
                if (w > 0) {
                    sb.append(' ');
                }
                sb.append(WORDS[random.nextInt(WORDS.length)]);
            }
            if (r < dataShare) {
                sb.append(' ').append(WITH_DATA[random.nextInt(WITH_DATA.length)]);
            } else if (r < dataShare + digitShare) {
                sb.append(' ').append(WITH_DIGITS[random.nextInt(WITH_DIGITS.length)]);
            }
            out.add(sb.toString());
        }
        return out;
    }
}
