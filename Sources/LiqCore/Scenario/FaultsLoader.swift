/// Reads `[faults]`: every key optional, each with its declared default.
extension ScenarioLoader {
    static func readFaults(_ reader: inout TableReader) throws(ConfigError) -> FaultModel {
        let keys = ScenarioKeys.faults
        var model = FaultModel()
        model.regionOutage = .init(
            perYear: try reader.read(keys.regionOutage), medianHours: try reader.read(keys.regionOutageHours))
        model.powerLoss = .init(
            perYear: try reader.read(keys.powerLoss), medianHours: try reader.read(keys.powerLossHours))
        model.nodeCrash = .init(
            perYear: try reader.read(keys.nodeCrash), medianHours: try reader.read(keys.nodeCrashHours))
        model.linkCut = .init(perYear: try reader.read(keys.linkCut), medianHours: try reader.read(keys.linkCutHours))
        model.latencySpike = .init(
            perYear: try reader.read(keys.latencySpike), medianHours: try reader.read(keys.latencySpikeHours))
        model.latencySpikeMs = try reader.read(keys.latencySpikeMs)
        model.oracleStall = .init(
            perYear: try reader.read(keys.oracleStall), medianHours: try reader.read(keys.oracleStallHours))
        model.durationSigma = try reader.read(keys.durationSigma)
        return model
    }
}
