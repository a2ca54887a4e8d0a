package io.vigil.standalone.commands;

import io.vigil.ingest.telegram.bot.TelegramBotApp;
import io.vigil.ingest.telegram.bot.TelegramBotConfig;
import io.vigil.runtime.config.ConfigLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code vigil telegram-bot}: the Bot API adapter against a cluster, as its container runs it. */
@Command(name = "telegram-bot", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run the Telegram Bot API adapter: long-polls getUpdates (or serves a webhook that checks "
                + "X-Telegram-Bot-Api-Secret-Token) and writes messages, channel posts and their edits to message-events, "
                + "service messages and member changes to group-events, and chat metadata with member counts to group-metadata. "
                + "Photos are fetched through getFile into the blob root. Each batch and the next update id are written in "
                + "one Kafka transaction before Telegram is told the updates were received: nothing is lost or written twice "
                + "across restarts.",
                "Settings: telegram-bot.yaml (every key with its default), --config, VIGIL_* variables, --set."})
public final class TelegramBotCommand implements Callable<Integer> {

    @Option(names = "--token-file", paramLabel = "FILE", description = "File holding the bot's token (telegram.token-file).")
    Path tokenFile;

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT,...", description = "Kafka cluster to use.")
    String bootstrapServers;

    @Option(names = "--config", paramLabel = "FILE", description = "YAML file overriding the adapter's defaults.")
    Path config;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "Override one setting, e.g. --set telegram.mode=webhook --set telegram.webhook.secret-file=/run/secrets/hook.")
    Map<String, String> settings = Map.of();

    @Override
    public Integer call() throws Exception {
        ConfigLoader loader = ConfigLoader.forService(TelegramBotApp.SERVICE).file(config);
        if (bootstrapServers != null) {
            loader.override("kafka.bootstrap-servers", bootstrapServers);
        }
        if (tokenFile != null) {
            loader.override("telegram.token-file", tokenFile.toString());
        }
        settings.forEach(loader::override);
        TelegramBotApp.runUntilShutdown(loader.load(TelegramBotConfig.class));
        return 0;
    }
}
