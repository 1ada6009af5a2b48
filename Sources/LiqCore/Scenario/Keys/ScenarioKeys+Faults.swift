/// The fault model of `liqtop risk`: how often each kind of infrastructure fault starts, per year and per
/// target, and how long it lasts (log-normal around a median). Only risk paths draw faults; `sim` and the
/// dashboard run the scripted `[[events]]` alone. The defaults are order-of-magnitude assumptions, set out
/// with the incidents behind them in docs/mechanics.md.
extension ScenarioKeys {
    package struct Faults: ScenarioKeySection {
        package let table = "faults"
        package let heading = "[faults]"
        package let summary = "infrastructure faults that `liqtop risk` draws for each path"
        let regionOutage = ScenarioKey.number(
            "region_outage_per_year", 0...1_000, default: 0.5, "outages of a whole region, per region and year")
        let regionOutageHours = ScenarioKey.number(
            "region_outage_hours", 0.01...1_000, default: 3, "their median length in hours")
        let powerLoss = ScenarioKey.number(
            "power_loss_per_year", 0...1_000, default: 0.2, "mains power lost at a data center, per site and year")
        let powerLossHours = ScenarioKey.number("power_loss_hours", 0.01...1_000, default: 2, "their median length")
        let nodeCrash = ScenarioKey.number("node_crash_per_year", 0...1_000, default: 2, "crashes per node and year")
        let nodeCrashHours = ScenarioKey.number("node_crash_hours", 0.01...1_000, default: 0.5, "their median length")
        let linkCut = ScenarioKey.number(
            "link_cut_per_year", 0...1_000, default: 0.1, "cuts between two regions, per pair and year")
        let linkCutHours = ScenarioKey.number("link_cut_hours", 0.01...1_000, default: 1, "their median length")
        let latencySpike = ScenarioKey.number(
            "latency_spike_per_year", 0...1_000, default: 4, "latency spikes, per region and year")
        let latencySpikeHours = ScenarioKey.number(
            "latency_spike_hours", 0.01...1_000, default: 0.5, "their median length")
        let latencySpikeMs = ScenarioKey.integer(
            "latency_spike_ms", 1...60_000, default: 500, "the delay a spike adds to every message")
        let oracleStall = ScenarioKey.number(
            "oracle_stall_per_year", 0...1_000, default: 1, "oracle reporters that stop posting, per feed and year")
        let oracleStallHours = ScenarioKey.number("oracle_stall_hours", 0.01...1_000, default: 1, "their median length")
        let durationSigma = ScenarioKey.number(
            "duration_sigma", 0...3, default: 1, "the spread of every length (log-normal σ; 0: always the median)")
    }
}
