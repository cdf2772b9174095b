package org.quorate.link.scenario;

/** The scenarios over the simulated network: real engines and crypto, virtual time, one seed. */
class SimLinkScenariosTest extends LinkScenarios {
    @Override
    LinkTestbed testbed(TestbedSpec spec) {
        return new SimTestbed(spec);
    }
}
