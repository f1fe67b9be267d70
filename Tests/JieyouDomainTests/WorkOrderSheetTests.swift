import Foundation
import JieyouDomain
import Testing

/// The hotline's and the platform's work-order sheet: headers in any order under a title, the days
/// platforms write, the categories they use, and every bad cell named at its row and column.
@Suite struct WorkOrderSheetTests {
    let today = LocalDate(iso: "2026-12-07")!

    func read(_ rows: [[String]]) -> (entries: [WorkOrderSheet.Entry], sheet: WorkOrderSheet) {
        var sheet = WorkOrderSheet(today: today)
        var entries: [WorkOrderSheet.Entry] = []
        for (index, row) in rows.enumerated() {
            if let entry = sheet.read(row: index + 1, cells: row) { entries.append(entry) }
        }
        sheet.finish(entriesRead: entries.count)
        return (entries, sheet)
    }

    @Test func headersInAnyOrderUnderATitle() {
        let (entries, sheet) = read([
            ["湘西高新区工单导出（2026年11月）"],
            ["诉求类型", "工单号", "来电时间", "来电人", "来电号码", "来电内容", "承办单位", "办理时限"],
            ["投诉", "XX2611030001", "2026-11-03 09:12:45", "王先生", "13912345678", "窗口多次要求补充材料", "行政审批服务局", "2026/11/17"],
            ["求助", "XX2611040002", "2026年11月4日 14时05分", "", "0743-8221234", "厂区门口道路积水", "", ""],
            ["咨询", "XX2611050003", "46331.625", "李女士", "", "加计扣除如何申报", "", ""],
        ])
        #expect(sheet.errorCount == 0, "\(sheet.errors)")
        #expect(sheet.headerRow == 2)
        #expect(entries.map(\.kind) == [.complaint, .request, .inquiry])
        #expect(entries.map(\.receivedOn.iso) == ["2026-11-03", "2026-11-04", "2026-11-05"])
        #expect(entries[0].department == "行政审批服务局" && entries[0].dueOn == LocalDate(iso: "2026-11-17"))
        #expect(entries[1].requester == nil && entries[1].phone == "0743-8221234")
    }

    @Test func everyBadCellIsNamedAtItsRowAndColumn() {
        let (entries, sheet) = read([
            ["工单编号", "来电/受理时间", "诉求人", "联系电话", "诉求内容", "诉求类别", "办结时限"],
            ["A1", "2026-11-03", "王先生", "1391234", "窗口态度差", "表扬", ""],
            ["A1", "昨天", "", "", "", "咨询", "2026-11-01"],
            ["", "2027-01-01", "", "", "厂区停电", "诉求", ""],
            ["A4", "2026-11-10", "", "", "园区道路破损", "诉求", "2026-11-09"],
        ])
        #expect(entries.isEmpty)
        #expect(
            sheet.errors.map(\.description) == [
                "第2行 D列（联系电话）：联系电话“1391234”格式不正确，应为11位手机号或区号-号码",
                "第2行 F列（诉求类别）：诉求类别“表扬”无法识别，应为投诉、举报、诉求、求助或咨询",
                "第3行 A列（工单编号）：工单编号“A1”与第2行重复",
                "第3行 B列（来电/受理时间）：来电/受理时间“昨天”无法识别，应如 2026-11-03 09:30",
                "第3行 D列（联系电话）：咨询须有诉求人或联系电话，以便答复",
                "第3行 E列（诉求内容）：诉求内容不能为空",
                "第4行 A列（工单编号）：工单编号不能为空",
                "第4行 B列（来电/受理时间）：来电/受理时间应在一年以内且不晚于今天",
                "第4行 D列（联系电话）：诉求须有诉求人或联系电话，以便答复",
                "第5行 D列（联系电话）：诉求须有诉求人或联系电话，以便答复",
                "第5行 G列（办结时限）：办结时限不能早于来电/受理时间",
            ])
    }

    @Test func aSheetWithoutItsHeaderOrOrdersSaysSo() {
        #expect(read([["姓名", "电话"], ["王", "139"]]).sheet.errors.map(\.message).first?.hasPrefix("没有找到表头") == true)
        #expect(read([["工单编号", "诉求内容"]]).sheet.errors.map(\.message) == ["表头下没有工单"])
    }
}
