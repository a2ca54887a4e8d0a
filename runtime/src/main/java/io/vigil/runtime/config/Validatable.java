package io.vigil.runtime.config;

import java.util.List;

/** A configuration section that can say what is wrong with it, as "path: problem" lines. */
public interface Validatable {

    List<String> problems();
}
