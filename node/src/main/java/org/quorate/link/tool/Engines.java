package org.quorate.link.tool;

import org.quorate.link.engine.LinkEngine;

/** The link layer the installed tool runs: Quorate's engine. */
final class Engines {
    private Engines() {
    }

    static LinkLayerFactory real() {
        return LinkEngine::new;
    }
}
