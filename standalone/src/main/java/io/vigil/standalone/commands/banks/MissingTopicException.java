package io.vigil.standalone.commands.banks;

/** The topic a command reads does not exist on the cluster. */
final class MissingTopicException extends Exception {

    MissingTopicException(String topic) {
        super("topic " + topic + " does not exist");
    }
}
