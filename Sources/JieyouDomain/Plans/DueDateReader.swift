import Foundation

/// The deadline a task's words give, in the plan's year: 年内 / 年底前 → 12月31日, 6月底前 → 6月30日,
/// 9月15日前 → 9月15日, 上半年 → 6月30日. The latest such date in the text, since a task is done when
/// its last part is. Nil when the text names none; the dispatcher sets it then.
public enum DueDateReader {
    public static func due(in text: String, year: Int) -> LocalDate? {
        let text = PlanText.canonical(text)
        var dates: [LocalDate] = []
        if text.has("年内") || text.has("年底") || text.has("全年") {
            dates.append(LocalDate(year: year, month: 12, day: 31)!)
        }
        if text.has("上半年") { dates.append(LocalDate(year: year, month: 6, day: 30)!) }
        let characters = Array(text)
        var index = 0
        while index < characters.count {
            guard characters[index].isASCIIDigit, index == 0 || !characters[index - 1].isASCIIDigit else {
                index += 1
                continue
            }
            let month = characters[index...].prefix(while: \.isASCIIDigit)
            var next = index + month.count
            guard month.count <= 2, next < characters.count, characters[next] == "月", let m = Int(String(month)),
                (1...12).contains(m)
            else {
                index = next
                continue
            }
            next += 1
            if next < characters.count, characters[next] == "底" {
                dates.append(LocalDate(year: year, month: m, day: LocalDate.daysInMonth(year: year, month: m))!)
            } else {
                let day = characters[next...].prefix(while: \.isASCIIDigit)
                let after = next + day.count
                if !day.isEmpty, after + 1 < characters.count, characters[after] == "日", characters[after + 1] == "前",
                    let d = Int(String(day)), let date = LocalDate(year: year, month: m, day: d)
                {
                    dates.append(date)
                }
            }
            index = next
        }
        return dates.max()
    }
}
