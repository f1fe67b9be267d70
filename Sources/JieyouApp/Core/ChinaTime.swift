import Foundation
import JieyouDomain

/// Times as people in China read them (UTC+8), formatted without a shared `DateFormatter`, which is
/// neither cheap nor safe to share across the event loops.
enum ChinaTime {
    private static func clock(_ instant: Date) -> (date: LocalDate, hour: Int, minute: Int, second: Int) {
        let date = LocalDate(instant, in: .chinaStandard)
        let seconds =
            Int(instant.timeIntervalSince1970.rounded(.down)) + TimeZone.chinaStandard.secondsFromGMT(for: instant)
        let ofDay = ((seconds % 86_400) + 86_400) % 86_400
        return (date, ofDay / 3600, ofDay % 3600 / 60, ofDay % 60)
    }

    private static func two(_ n: Int) -> String { n < 10 ? "0\(n)" : String(n) }

    /// `2024-09-04 14:05:09`
    static func dateTime(_ instant: Date) -> String {
        let c = clock(instant)
        return "\(c.date.iso) \(two(c.hour)):\(two(c.minute)):\(two(c.second))"
    }

    /// 10:00 in China on `day`: when a step known only by its day (a hotline call's, a demo's) is
    /// taken to have happened.
    static func morning(of day: LocalDate) -> Date {
        Date(timeIntervalSince1970: TimeInterval(day.dayNumber * 86_400 + 2 * 3_600))
    }

    /// `14:05`
    static func hourMinute(_ instant: Date) -> String {
        let c = clock(instant)
        return "\(two(c.hour)):\(two(c.minute))"
    }
}
