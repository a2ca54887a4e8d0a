package io.vigil.standalone.demo;

import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Messages that expose a (fictional) person's contact details, in the groups' languages, as they follow a photo in
 * the documented groups. Every number, address and handle is made up; numbers use ranges no subscriber has where the
 * country reserves one for fiction.
 */
public final class DemoDoxxing {

    private static final Map<String, List<String>> LINES = Map.ofEntries(
            Map.entry("es", List.of("esta es la de la foto, su número es 612 34 56 78, escribidle",
                    "vive en Calle del Prado 14, 28014 Madrid, su insta es @lucia.demo.vigil")),
            Map.entry("it", List.of("questa è lei, il suo numero è 347 123 4567, scrivetele tutti")),
            Map.entry("pt", List.of("o número dela é (21) 98765-4321, mandem mensagem", "ela mora na Rua das Flores 120, Lisboa")),
            Map.entry("fr", List.of("son numéro c'est le 06 12 34 56 78, allez-y")),
            Map.entry("de", List.of("ihre Nummer ist 0151 23456789, schreibt ihr alle")),
            Map.entry("ru", List.of("её номер +7 912 345-67-89, пишите ей")),
            Map.entry("ms", List.of("nombor dia 012-345 6789, mesej dia ramai-ramai")),
            Map.entry("zh", List.of("她的电话 138 0013 8000，大家去加她")),
            Map.entry("sw", List.of("namba yake ni 0712 345678, mtumieni ujumbe")),
            Map.entry("az", List.of("onun nömrəsi +994 50 123 45 67, hamı yazsın")));

    private DemoDoxxing() {
    }

    public static String message(String language, Random random) {
        List<String> lines = LINES.getOrDefault(language, LINES.get("es"));
        return lines.get(random.nextInt(lines.size()));
    }
}
