package org.quorate.link.tool;

/** The link layer the installed tool runs. */
final class Engines {
    private Engines() {
    }

    static LinkLayerFactory real() {
        return (config, transport, scheduler) -> {
            try {
                Class<?> engine = Class.forName("org.quorate.link.engine.LinkEngine");
                return (org.quorate.link.LinkLayer) engine.getConstructor(org.quorate.link.config.LinkLayerConfig.class,
                        org.quorate.net.DatagramTransport.class, org.quorate.time.Scheduler.class)
                        .newInstance(config, transport, scheduler);
            } catch (ReflectiveOperationException e) {
                throw new LinkbenchMain.BenchException("the link engine is not in this build: " + e);
            }
        };
    }
}
