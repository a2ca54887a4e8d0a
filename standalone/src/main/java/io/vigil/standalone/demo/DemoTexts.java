package io.vigil.standalone.demo;

import java.util.List;
import java.util.Map;
import java.util.Random;

/** Ordinary chat lines in the groups' languages: what most traffic is, and what must flow through untouched. */
public final class DemoTexts {

    private static final Map<String, List<String>> LINES = Map.ofEntries(
            Map.entry("es", List.of("¿Quién viene esta noche?", "Mirad esta foto jaja", "Buenos días a todos", "¿Alguien sabe a qué hora abren?")),
            Map.entry("it", List.of("Ciao ragazzi, che si fa stasera?", "Guardate questa foto", "Buongiorno a tutti!", "Qualcuno ha visto la partita?")),
            Map.entry("pt", List.of("Bom dia, pessoal!", "Olha essa foto kkk", "Alguém vai ao jogo hoje?", "Que calor está a fazer")),
            Map.entry("fr", List.of("Salut tout le monde", "Regardez cette photo", "Qui vient ce soir ?", "Bonne journée à tous")),
            Map.entry("de", List.of("Guten Morgen zusammen", "Schaut euch das Foto an", "Wer kommt heute Abend mit?", "Schönes Wochenende!")),
            Map.entry("ru", List.of("Всем привет!", "Смотрите фото", "Кто сегодня идёт?", "Хороших выходных")),
            Map.entry("ms", List.of("Selamat pagi semua", "Tengok gambar ni", "Siapa nak lepak malam ni?", "Jom makan")),
            Map.entry("zh", List.of("大家早上好", "看看这张照片", "今晚谁去？", "周末愉快")),
            Map.entry("sw", List.of("Habari za asubuhi wote", "Angalieni picha hii", "Nani anakuja leo jioni?", "Wikendi njema")),
            Map.entry("az", List.of("Hamıya sabahınız xeyir", "Bu şəklə baxın", "Bu axşam kim gəlir?", "Həftəsonunuz xoş keçsin")));

    private DemoTexts() {
    }

    public static String line(String language, Random random) {
        List<String> lines = LINES.getOrDefault(language, LINES.get("es"));
        return lines.get(random.nextInt(lines.size()));
    }
}
