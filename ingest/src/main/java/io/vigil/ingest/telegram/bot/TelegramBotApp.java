package io.vigil.ingest.telegram.bot;

import io.vigil.runtime.config.ConfigException;
import io.vigil.runtime.config.ConfigLoader;

import java.util.concurrent.CountDownLatch;

/** The Telegram bot adapter's own entry point, as its container runs it; configuration from telegram-bot.yaml and VIGIL_*. */
public final class TelegramBotApp {

    public static final String SERVICE = "telegram-bot";

    private TelegramBotApp() {
    }

    public static void main(String[] args) throws Exception {
        TelegramBotConfig config;
        try {
            config = ConfigLoader.forService(SERVICE).load(TelegramBotConfig.class);
        } catch (ConfigException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        runUntilShutdown(config);
    }

    /** Starts the adapter and blocks until the JVM is asked to stop (Ctrl-C, SIGTERM). */
    public static void runUntilShutdown(TelegramBotConfig config) throws Exception {
        TelegramBotService service = TelegramBotService.start(config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            service.close();
            stopped.countDown();
        }, "vigil-telegram-bot-shutdown"));
        stopped.await();
    }
}
