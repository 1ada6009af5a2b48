/// How often infrastructure faults start and how long they last (`[faults]`): rates per target and year,
/// median lengths in hours, one log-normal spread. A risk path draws its faults from it before it runs.
public struct FaultModel: Sendable, Equatable {
    public struct Kind: Sendable, Equatable {
        public var perYear: Double
        public var medianHours: Double
    }

    public var regionOutage = Kind(
        perYear: ScenarioKeys.faults.regionOutage.fallback,
        medianHours: ScenarioKeys.faults.regionOutageHours.fallback)
    public var powerLoss = Kind(
        perYear: ScenarioKeys.faults.powerLoss.fallback,
        medianHours: ScenarioKeys.faults.powerLossHours.fallback)
    public var nodeCrash = Kind(
        perYear: ScenarioKeys.faults.nodeCrash.fallback,
        medianHours: ScenarioKeys.faults.nodeCrashHours.fallback)
    public var linkCut = Kind(
        perYear: ScenarioKeys.faults.linkCut.fallback,
        medianHours: ScenarioKeys.faults.linkCutHours.fallback)
    public var latencySpike = Kind(
        perYear: ScenarioKeys.faults.latencySpike.fallback,
        medianHours: ScenarioKeys.faults.latencySpikeHours.fallback)
    public var latencySpikeMs = ScenarioKeys.faults.latencySpikeMs.fallback
    public var oracleStall = Kind(
        perYear: ScenarioKeys.faults.oracleStall.fallback,
        medianHours: ScenarioKeys.faults.oracleStallHours.fallback)
    public var durationSigma = ScenarioKeys.faults.durationSigma.fallback

    public init() {}

    /// No faults at all.
    public static var none: FaultModel {
        var model = FaultModel()
        for path in [\FaultModel.regionOutage, \.powerLoss, \.nodeCrash, \.linkCut, \.latencySpike, \.oracleStall] {
            model[keyPath: path].perYear = 0
        }
        return model
    }
}
