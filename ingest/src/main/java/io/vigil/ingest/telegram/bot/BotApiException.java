package io.vigil.ingest.telegram.bot;

import java.io.IOException;

/**
 * The Bot API answered {@code ok: false}, or not at all. Carries the method and the API's code and description, never
 * the request URL (it holds the bot's token).
 */
public final class BotApiException extends IOException {

    private final String method;
    private final int code;
    private final int retryAfterSeconds;

    public BotApiException(String method, int code, String description, int retryAfterSeconds) {
        super(method + ": " + code + (description == null ? "" : " " + description));
        this.method = method;
        this.code = code;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public String method() {
        return method;
    }

    /** The API's error_code (the HTTP status: 401 bad token, 409 another poller or a webhook, 429 too many requests). */
    public int code() {
        return code;
    }

    /** How long the API asks to wait (429), or 0. */
    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** Another getUpdates is running or a webhook is set: not something retrying fixes. */
    public boolean isConflict() {
        return code == 409;
    }

    public boolean isUnauthorized() {
        return code == 401 || code == 404;
    }
}
