/// Unix seconds as a UTC date and time, by arithmetic alone (no clock is read: LiqCore has none). Days to
/// the civil calendar as in Howard Hinnant's `civil_from_days` (proleptic Gregorian).
public enum UTCTime {
    /// `2023-10-31 00:00 UTC`.
    public static func text(_ seconds: UInt64) -> String {
        let days = Int64(seconds / 86_400), rest = Int(seconds % 86_400)
        let shifted = days + 719_468
        let era = shifted / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        func two(_ value: Int64) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(year)-\(two(month))-\(two(day)) \(two(Int64(rest / 3_600))):\(two(Int64(rest % 3_600 / 60))) UTC"
    }

    /// A simulated time from the start, as the dashboard's clock and the events show it: "01:02:03".
    public static func clock(_ ms: Int64) -> String {
        let seconds = ms / 1_000
        func two(_ value: Int64) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(two(seconds / 3_600)):\(two(seconds / 60 % 60)):\(two(seconds % 60))"
    }
}
