import Foundation
import JieyouDomain

/// 工作日历: the holidays and adjusted working days in force by year (this year's open), and the form
/// that adds a year's schedule when the State Council publishes it.
struct CalendarView {
    let calendar: WorkCalendar
    /// This year, whose schedule is shown open.
    let year: Int
    let schedule: String?
    let errors: [FieldError]
    let csrf: HTML

    var html: HTML {
        let byYear = Dictionary(grouping: calendar.entries, by: { $0.date.year })
        let years = byYear.keys.sorted(by: >).map { year -> HTML in
            let rows = byYear[year]!.map { entry -> HTML in
                "<tr><td>\(entry.date.iso)</td><td>\(entry.name)</td><td>\(entry.kind.chineseName)</td></tr>"
            }
            return """
                <details\(year == self.year ? HTML(" open") : .empty)><summary>\(year)年（\(byYear[year]!.count)天）</summary>
                <div class="table-wrap"><table><thead><tr><th>日期</th><th>节日</th><th>安排</th></tr></thead><tbody>\(rows)</tbody></table></div></details>
                """
        }
        let f = FormFields(errors: errors)
        return """
            <h1>工作日历</h1>
            <p>办理时限按工作日计算：周一至周五为工作日，法定节假日放假，调休的周末上班。以下为已录入的安排。</p>
            \(years)
            <h2>录入新年度安排</h2>
            <form method="post" action="\(WebPath.calendar)" class="card">
            \(csrf)\(f.summary)
            <div class="field"><label for="schedule">节假日安排</label>
            <textarea id="schedule" name="schedule" rows="8" placeholder="2027 | 元旦 | 2027-01-01 |">\(schedule ?? "")</textarea>
            <p class="hint">每行一个节日：年份 | 节日名称 | 放假日期 | 调休上班日期。日期写作 2027-01-01，连续日期写作 2027-02-05..2027-02-11，多个日期用逗号分隔。已有日期将被覆盖。</p>
            \(f.error(for: "schedule"))</div>
            <div class="actions"><button type="submit">保存</button></div>
            </form>
            """
    }
}
